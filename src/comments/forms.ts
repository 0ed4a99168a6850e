import { z } from "zod";
import { COMMENT_MAX_LENGTH } from "./rules.ts";

export const commentForm = z.object({
  comment: z
    .string({ error: "Write a comment." })
    .refine((value) => value.trim().length > 0, "Write a comment.")
    .refine(
      (value) => value.length <= COMMENT_MAX_LENGTH,
      `A comment is at most ${COMMENT_MAX_LENGTH} characters long.`,
    ),
  content_type: z.string().default(""),
  object_pk: z.string().default(""),
  next: z.string().max(2000).optional(),
});
export type CommentInput = z.infer<typeof commentForm>;
