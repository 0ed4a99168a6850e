import { eq, sql } from "drizzle-orm";
import { person, personGroup, personPermission } from "../accounts/schema.ts";
import type { Executor } from "../db/client.ts";
import { deleteVersionsOf, recordChange, rowFields } from "../history/index.ts";
import {
  deleteSocialLogins,
  findPerson,
  findPersonLinks,
  type PersonLinks,
  type PersonRow,
  replacePersonLinks,
  usernamesLike,
} from "./queries.ts";
import {
  airportLocation,
  firstFreeUsername,
  normalizePersonFields,
  type PersonFields,
  personDisplay,
  usernameStem,
} from "./rules.ts";

export const PERSON_CONTENT_TYPE = "workshops.person";

type Actor = { id: number } | null;

/**
 * A free username for a new person: "family_personal", then "_2" … "_100". `reserved` holds names
 * promised to other rows of the same batch (bulk upload) that are not in the database yet.
 */
export async function generateUsername(
  db: Executor,
  name: { personal: string; family: string },
  reserved: ReadonlySet<string> = new Set(),
): Promise<string> {
  const stem = usernameStem(name.personal, name.family);
  const taken = await usernamesLike(db, stem);
  for (const username of reserved) taken.add(username);
  return firstFreeUsername(stem, taken);
}

/** Records the person as they are now in the history, with their domains and languages. */
export async function recordPersonVersion(tx: Executor, personId: number, actor: Actor): Promise<void> {
  const row = await findPerson(tx, personId);
  if (!row) throw new Error(`person ${personId} does not exist`);
  const links = await findPersonLinks(tx, personId);
  await recordChange(tx, {
    user: actor,
    objects: [
      {
        contentType: PERSON_CONTENT_TYPE,
        id: row.id,
        repr: personDisplay(row),
        fields: { ...rowFields(person, row), domains: links.domainIds, languages: links.languageIds },
      },
    ],
  });
}

export interface NewPerson {
  fields: PersonFields;
  links?: PersonLinks;
  username?: string;
}

/** Creates an inactive person who cannot log in yet (admins and bulk upload create people so). */
export async function createPerson(tx: Executor, input: NewPerson, actor: Actor): Promise<PersonRow> {
  const fields = normalizePersonFields(input.fields);
  const username = input.username || (await generateUsername(tx, fields));
  const [row] = await tx
    .insert(person)
    .values({ ...fields, ...airportLocation(fields.airportIata), username, isActive: false })
    .returning();
  if (!row) throw new Error("insert returned no row");
  if (input.links) await replacePersonLinks(tx, row.id, input.links);
  await recordPersonVersion(tx, row.id, actor);
  return row;
}

export interface PersonUpdate {
  fields: PersonFields;
  links?: PersonLinks;
  username: string;
}

/**
 * Saves a person's profile. A new GitHub username ends the GitHub logins linked to the old one,
 * since they may belong to someone else.
 */
export async function updatePerson(
  tx: Executor,
  stored: PersonRow,
  input: PersonUpdate,
  actor: Actor,
): Promise<PersonRow> {
  const fields = normalizePersonFields(input.fields);
  const [row] = await tx
    .update(person)
    .set({
      ...fields,
      ...airportLocation(fields.airportIata),
      username: input.username,
      lastUpdatedAt: sql`now()`,
    })
    .where(eq(person.id, stored.id))
    .returning();
  if (!row) throw new Error(`person ${stored.id} does not exist`);
  if (stored.github !== row.github) await deleteSocialLogins(tx, row.id);
  if (input.links) await replacePersonLinks(tx, row.id, input.links);
  await recordPersonVersion(tx, row.id, actor);
  return row;
}

/**
 * Anonymises a person for good: contact details, location, handles and login rights go; names,
 * username and teaching history stay. Older versions in the history are deleted with the data.
 */
export async function archivePerson(tx: Executor, personId: number, actor: Actor): Promise<void> {
  await tx
    .update(person)
    .set({
      email: null,
      secondaryEmail: "",
      country: "",
      timezone: "",
      ...airportLocation(""),
      github: null,
      twitter: null,
      bluesky: null,
      mastodon: null,
      url: "",
      userNotes: "",
      affiliation: "",
      occupation: "",
      orcid: "",
      gender: "U",
      genderOther: "",
      isActive: false,
      isSuperuser: false,
      archivedAt: sql`now()`,
      lastUpdatedAt: sql`now()`,
    })
    .where(eq(person.id, personId));
  await tx.delete(personGroup).where(eq(personGroup.personId, personId));
  await tx.delete(personPermission).where(eq(personPermission.personId, personId));
  await deleteSocialLogins(tx, personId);
  await deleteVersionsOf(tx, PERSON_CONTENT_TYPE, personId);
  await recordPersonVersion(tx, personId, actor);
}
