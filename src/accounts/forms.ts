import { z } from "zod";
import { type PasswordOwner, passwordProblems } from "./rules.ts";

const required = (label: string, max: number) =>
  z
    .string({ error: `Enter your ${label}.` })
    .max(max, `The ${label} is at most ${max} characters long.`)
    .refine((value) => value.length > 0, `Enter your ${label}.`);

export const loginForm = z.object({
  username: required("username or email address", 254).transform((value) => value.trim()),
  password: required("password", 4096),
  next: z.string().max(2000).optional(),
});
export type LoginInput = z.infer<typeof loginForm>;

const newPassword = z.string({ error: "Enter a new password." }).min(1, "Enter a new password.").max(4096);

/**
 * The password form. A person changing their own password also gives the current one
 * (`old_password`); a superuser setting someone's password does not.
 */
export function passwordForm(owner: PasswordOwner, { askOldPassword }: { askOldPassword: boolean }) {
  return z
    .object({
      old_password: askOldPassword
        ? z.string({ error: "Enter your current password." }).min(1, "Enter your current password.")
        : z.string().optional(),
      new_password1: newPassword,
      new_password2: z
        .string({ error: "Enter the new password again." })
        .min(1, "Enter the new password again."),
    })
    .superRefine((input, context) => {
      for (const message of passwordProblems(input.new_password1, owner)) {
        context.addIssue({ code: "custom", path: ["new_password1"], message });
      }
      if (input.new_password1 !== input.new_password2) {
        context.addIssue({
          code: "custom",
          path: ["new_password2"],
          message: "The two passwords do not match.",
        });
      }
    });
}
export type PasswordInput = z.infer<ReturnType<typeof passwordForm>>;
