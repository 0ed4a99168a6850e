import type { Seeder } from "../db/seed.ts";
import { organization } from "./schema.ts";

/** The organisations that may administer an event, by domain (AMY's `Organization.administrators()`). */
export const ADMINISTRATOR_ORGANIZATIONS = [
  { domain: "self-organized", fullname: "self-organized", country: "W3" },
  { domain: "software-carpentry.org", fullname: "Software Carpentry" },
  { domain: "datacarpentry.org", fullname: "Data Carpentry" },
  { domain: "librarycarpentry.org", fullname: "Library Carpentry" },
  { domain: "carpentries.org", fullname: "Instructor Training" },
  { domain: "carpentries.org/community-lessons/", fullname: "Collaborative Lesson Development Training" },
];

export const ADMINISTRATOR_DOMAINS = ADMINISTRATOR_ORGANIZATIONS.map((row) => row.domain);

/** Events administered by this domain are instructor trainings: their instructors count as trainers. */
export const INSTRUCTOR_TRAINING_DOMAIN = "carpentries.org";

export const administratorOrganizationsSeeder: Seeder = {
  name: "administrator organisations",
  async run(tx) {
    await tx.insert(organization).values(ADMINISTRATOR_ORGANIZATIONS).onConflictDoNothing();
  },
};
