import { z } from "zod";
import { COMMENT_MAX_LENGTH } from "../comments/index.ts";
import { isCountryCode } from "../reference/index.ts";
import { submittedValues } from "../server/forms.ts";
import { DOMAIN_MAX_LENGTH, normalizeDomain } from "./rules.ts";

const domain = z
  .string({ error: "Enter the organisation's domain." })
  .trim()
  .min(1, "Enter the organisation's domain.")
  .transform((value, context) => {
    const normalized = normalizeDomain(value);
    if (normalized === undefined) {
      context.addIssue({ code: "custom", message: "Enter a domain or a web address, e.g. example.org." });
      return z.NEVER;
    }
    if (normalized.length > DOMAIN_MAX_LENGTH) {
      context.addIssue({
        code: "custom",
        message: `A domain is at most ${DOMAIN_MAX_LENGTH} characters long.`,
      });
      return z.NEVER;
    }
    return normalized;
  });

const fullname = z
  .string({ error: "Enter the organisation's full name." })
  .trim()
  .min(1, "Enter the organisation's full name.")
  .max(100, "A full name is at most 100 characters long.");

const country = z
  .string()
  .default("")
  .transform((value) => value.trim())
  .refine((value) => value === "" || isCountryCode(value), "Choose a country from the list.")
  .transform((value) => value || null);

const coordinate = (label: string, limit: number) =>
  z
    .string()
    .default("")
    .transform((value, context) => {
      const text = value.trim();
      if (text === "") return null;
      const number = Number(text);
      if (!Number.isFinite(number) || Math.abs(number) > limit) {
        context.addIssue({ code: "custom", message: `Enter a ${label} between -${limit} and ${limit}.` });
        return z.NEVER;
      }
      return number;
    });

const affiliatedOrganizations = z
  .array(z.string())
  .default([])
  .transform((values) => values.filter((value) => value !== ""))
  .refine((values) => values.every((value) => /^\d{1,9}$/.test(value)), "Choose organisations from the list.")
  .transform((values) => [...new Set(values.map(Number))]);

export const organizationForm = z.object({
  domain,
  fullname,
  country,
  latitude: coordinate("latitude", 90),
  longitude: coordinate("longitude", 180),
  affiliated_organizations: affiliatedOrganizations,
});
export type OrganizationInput = z.infer<typeof organizationForm>;

export const organizationCreateForm = organizationForm.extend({
  comment: z
    .string()
    .default("")
    .transform((value) => value.trim())
    .refine(
      (value) => value.length <= COMMENT_MAX_LENGTH,
      `A comment is at most ${COMMENT_MAX_LENGTH} characters long.`,
    ),
});
export type OrganizationCreateInput = z.infer<typeof organizationCreateForm>;

/** The submitted text fields, plus every value of the multi-select. */
export function organizationFormValues(body: unknown): Record<string, string | string[]> {
  const raw = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const affiliated = raw.affiliated_organizations;
  const list = Array.isArray(affiliated) ? affiliated : affiliated === undefined ? [] : [affiliated];
  return {
    ...submittedValues(body),
    affiliated_organizations: list.filter((value): value is string => typeof value === "string"),
  };
}
