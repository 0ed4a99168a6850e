import { and, desc, eq, or, type SQL, sql } from "drizzle-orm";
import { alias, type PgColumn } from "drizzle-orm/pg-core";
import { contentType, person } from "../../accounts/schema.ts";
import { comment } from "../../comments/schema.ts";
import { event } from "../../events/schema.ts";
import { anyContains } from "../../lookups/index.ts";
import { organizationPath } from "../../organizations/index.ts";
import { organization } from "../../organizations/schema.ts";
import { type PersonName, personDisplay } from "../../people/index.ts";
import type { SearchHit, SearchSection } from "../registry.ts";
import { eventPath } from "./events.ts";
import { personPath } from "./persons.ts";
import { totalOf } from "./total.ts";

const author = alias(person, "author");
const subjectPerson = alias(person, "subject_person");

// The commented record's id is text (any model's key); only a number can name one of these records.
const objectId = sql`(case when ${comment.objectPk} ~ '^[0-9]{1,9}$' then ${comment.objectPk}::integer end)`;

/** Joins the commented record when the comment's content type is `workshops.<model>`. */
function commentOn(model: string, id: PgColumn): SQL | undefined {
  return and(eq(contentType.appLabel, "workshops"), eq(contentType.model, model), eq(id, objectId));
}

interface Subject {
  commentId: number;
  person: (PersonName & { id: number }) | null;
  domain: string | null;
  slug: string | null;
}

/** The commented record's page and text, with the comment's anchor. */
function hitFor(row: Subject): SearchHit {
  const anchor = `#c${row.commentId}`;
  if (row.person) return { href: `${personPath(row.person.id)}${anchor}`, text: personDisplay(row.person) };
  if (row.domain !== null) return { href: `${organizationPath(row.domain)}${anchor}`, text: row.domain };
  return { href: `${eventPath(row.slug ?? "")}${anchor}`, text: row.slug ?? "" };
}

/** Comments on persons, organisations and events; comments on other records have no page to link to yet. */
export const commentsSearch: SearchSection = {
  key: "comments",
  title: "Comments",
  async search(db, term, limit) {
    const rows = await db
      .select({
        commentId: comment.id,
        person: {
          id: subjectPerson.id,
          personal: subjectPerson.personal,
          middle: subjectPerson.middle,
          family: subjectPerson.family,
          email: subjectPerson.email,
        },
        domain: organization.domain,
        slug: event.slug,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(comment)
      .innerJoin(contentType, eq(contentType.id, comment.contentTypeId))
      .leftJoin(author, eq(author.id, comment.userId))
      .leftJoin(subjectPerson, commentOn("person", subjectPerson.id))
      .leftJoin(organization, commentOn("organization", organization.id))
      .leftJoin(event, commentOn("event", event.id))
      .where(
        and(
          eq(comment.isRemoved, false),
          or(
            sql`${subjectPerson.id} is not null`,
            sql`${organization.id} is not null`,
            sql`${event.id} is not null`,
          ),
          anyContains(term, [
            comment.comment,
            comment.userName,
            comment.userEmail,
            author.personal,
            author.family,
            author.email,
            author.github,
          ]),
        ),
      )
      .orderBy(desc(comment.submitDate), desc(comment.id))
      .limit(limit);
    return { count: totalOf(rows), items: rows.map(hitFor) };
  },
};
