import { z } from "zod";

export const resetRequestForm = z.object({
  email: z
    .string({ error: "Enter your email address." })
    .trim()
    .min(1, "Enter your email address.")
    .max(254, "An email address is at most 254 characters long.")
    .pipe(z.email("Enter a valid email address, like name@example.org.")),
});
export type ResetRequestInput = z.infer<typeof resetRequestForm>;
