import type { Seeder } from "../db/seed.ts";
import { UNUSABLE_PASSWORD } from "./passwords.ts";
import { addPersonToGroup, findPersonByUsername, insertPerson } from "./queries.ts";

// Demo people log in only after an admin sets a password for them: no known passwords ship with AMY.
const DEMO_PEOPLE = [
  { username: "hermione_granger", personal: "Hermione", family: "Granger", group: "administrators" },
  { username: "ron_weasley", personal: "Ron", family: "Weasley", group: "steering committee" },
  { username: "ginny_weasley", personal: "Ginny", family: "Weasley", group: "invoicing" },
  { username: "minerva_mcgonagall", personal: "Minerva", family: "McGonagall", group: "trainers" },
  { username: "harry_potter", personal: "Harry", family: "Potter", group: undefined },
  { username: "luna_lovegood", personal: "Luna", family: "Lovegood", group: undefined },
  { username: "neville_longbottom", personal: "Neville", family: "Longbottom", group: undefined },
];

export const accountsDemo: Seeder = {
  name: "demo accounts",
  async run(tx) {
    for (const demo of DEMO_PEOPLE) {
      if (await findPersonByUsername(tx, demo.username)) continue;
      const person = await insertPerson(tx, {
        username: demo.username,
        personal: demo.personal,
        family: demo.family,
        email: `${demo.username.replace("_", ".")}@example.org`,
        password: UNUSABLE_PASSWORD,
        isActive: true,
      });
      if (demo.group) await addPersonToGroup(tx, person.id, demo.group);
    }
  },
};
