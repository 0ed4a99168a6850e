import { z } from "zod";
import { checkbox, requiredText } from "../form-fields.ts";

/** AMY's EventCategoryForm. */
export const eventCategoryForm = z.object({
  name: requiredText(100),
  description: requiredText(255),
  active: checkbox,
});
export type EventCategoryInput = z.infer<typeof eventCategoryForm>;
