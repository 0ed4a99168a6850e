/** Merging two persons: the pure decisions (which record survives, which values and items it keeps). */
import type { PersonRow } from "../queries.ts";
import type { PersonFields } from "../rules.ts";

export type Side = "obj_a" | "obj_b";
export type CollectionChoice = Side | "combine";

export const SIDES = ["obj_a", "obj_b"] as const;
export const COLLECTION_CHOICES = ["obj_a", "obj_b", "combine"] as const;
export const CONSENT_CHOICES = ["most_recent"] as const;

/** Values taken whole from one of the two persons: form field name → column. */
export const SIMPLE_FIELDS = [
  { name: "username", key: "username", label: "Username" },
  { name: "personal", key: "personal", label: "Personal name" },
  { name: "middle", key: "middle", label: "Middle name" },
  { name: "family", key: "family", label: "Family name" },
  { name: "email", key: "email", label: "Email" },
  { name: "secondary_email", key: "secondaryEmail", label: "Secondary email" },
  { name: "gender", key: "gender", label: "Gender" },
  { name: "gender_other", key: "genderOther", label: "Other gender" },
  { name: "airport_iata", key: "airportIata", label: "Airport" },
  { name: "country", key: "country", label: "Country" },
  { name: "timezone", key: "timezone", label: "Time zone" },
  { name: "github", key: "github", label: "GitHub" },
  { name: "twitter", key: "twitter", label: "Twitter" },
  { name: "bluesky", key: "bluesky", label: "Bluesky" },
  { name: "mastodon", key: "mastodon", label: "Mastodon" },
  { name: "url", key: "url", label: "Website" },
  { name: "affiliation", key: "affiliation", label: "Affiliation" },
  { name: "occupation", key: "occupation", label: "Occupation" },
  { name: "orcid", key: "orcid", label: "ORCID" },
  { name: "is_active", key: "isActive", label: "Active" },
] as const satisfies readonly { name: string; key: keyof PersonRow; label: string }[];

/** Related records, kept from one side or combined. */
export const COLLECTIONS = [
  { name: "award_set", label: "Awards" },
  { name: "qualification_set", label: "Lessons" },
  { name: "domains", label: "Knowledge domains" },
  { name: "languages", label: "Languages" },
  { name: "task_set", label: "Tasks" },
  { name: "trainingprogress_set", label: "Training progress" },
  { name: "comment_comments", label: "Comments written" },
  { name: "comments", label: "Comments about" },
] as const;

export type SimpleFieldName = (typeof SIMPLE_FIELDS)[number]["name"];
export type CollectionName = (typeof COLLECTIONS)[number]["name"];

export type MergeChoices = { id: Side } & Record<SimpleFieldName, Side> &
  Record<CollectionName, CollectionChoice> & { consent_set: "most_recent" };

export interface MergeRoles<T> {
  base: T;
  merging: T;
}

/** The `id` choice names the record that survives ("base"); the other one is merged into it and deleted. */
export function mergeRoles<T>(idChoice: Side, a: T, b: T): MergeRoles<T> {
  return idChoice === "obj_a" ? { base: a, merging: b } : { base: b, merging: a };
}

export interface MergedValues {
  fields: PersonFields;
  username: string;
  isActive: boolean;
}

/** The surviving person's values: each field from the chosen side; what the form does not offer stays the base's. */
export function mergedValues(choices: MergeChoices, a: PersonRow, b: PersonRow): MergedValues {
  const base = mergeRoles(choices.id, a, b).base;
  const from = (name: SimpleFieldName) => (choices[name] === "obj_a" ? a : b);
  return {
    username: from("username").username,
    isActive: from("is_active").isActive,
    fields: {
      personal: from("personal").personal,
      middle: from("middle").middle,
      family: from("family").family,
      email: from("email").email,
      secondaryEmail: from("secondary_email").secondaryEmail,
      gender: from("gender").gender,
      genderOther: from("gender_other").genderOther,
      airportIata: from("airport_iata").airportIata,
      country: from("country").country,
      timezone: from("timezone").timezone,
      github: from("github").github,
      twitter: from("twitter").twitter,
      bluesky: from("bluesky").bluesky,
      mastodon: from("mastodon").mastodon,
      url: from("url").url,
      affiliation: from("affiliation").affiliation,
      occupation: from("occupation").occupation,
      orcid: from("orcid").orcid,
      userNotes: base.userNotes,
    },
  };
}

/**
 * What happens to one collection, seen from the surviving person: keep its own items (the merging
 * person's go), take the merging person's instead (its own go), or add the merging person's to its own.
 */
export type CollectionPlan = "keep-base" | "take-merging" | "combine";

export function collectionPlan(choice: CollectionChoice, idChoice: Side): CollectionPlan {
  if (choice === "combine") return "combine";
  return choice === idChoice ? "keep-base" : "take-merging";
}

/** Splits the merging person's items into those to move and those the base already has (same key). */
export function splitDuplicates<T>(
  mergingItems: readonly T[],
  baseItems: readonly T[],
  keyOf: (item: T) => string,
): { move: T[]; drop: T[] } {
  const taken = new Set(baseItems.map(keyOf));
  const move: T[] = [];
  const drop: T[] = [];
  for (const item of mergingItems) {
    const key = keyOf(item);
    if (taken.has(key)) drop.push(item);
    else {
      taken.add(key);
      move.push(item);
    }
  }
  return { move, drop };
}
