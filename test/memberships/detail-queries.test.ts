import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { communityRole } from "../../src/community-roles/schema.ts";
import type { Database } from "../../src/db/client.ts";
import { findMembershipDetails, membershipBlockers } from "../../src/memberships/detail-queries.ts";
import { testDatabase } from "../helpers/database.ts";
import {
  makeAward,
  makeCommunityRole,
  makeEvent,
  makeOrganization,
  makePerson,
  makeTask,
} from "../helpers/factories.ts";
import { makeMember, makeMembership, makeMembershipTask } from "../helpers/membership-factories.ts";

// The membership page's one statement returns its lists as JSON: the values must come back with
// the same types as Drizzle's own columns (numbers, booleans, NULL, dates as YYYY-MM-DD) on both
// drivers, in the same order as before.

let database: Database;
before(async () => {
  database = await testDatabase();
});
after(() => database.close());

const personLink = (row: {
  id: number;
  personal: string;
  middle: string;
  family: string;
  email: string | null;
}) => ({
  id: row.id,
  personal: row.personal,
  middle: row.middle,
  family: row.family,
  email: row.email,
});

describe("findMembershipDetails", () => {
  test("answers undefined for a membership that does not exist", async () => {
    assert.equal(await findMembershipDetails(database.db, 999_999), undefined);
  });

  test("gives a membership with nothing attached empty lists and no neighbours", async () => {
    const db = database.db;
    const m = await makeMembership(db);
    assert.deepEqual(await findMembershipDetails(db, m.id), {
      membership: m,
      predecessor: undefined,
      successor: undefined,
      members: [],
      persons: [],
      seatTasks: [],
      events: [],
    });
  });

  test("gives the neighbours, members, persons, seat tasks with awards and events, in order", async () => {
    const db = database.db;
    const next = await makeMembership(db, { name: "Next", variant: "gold", consortium: true });
    const m = await makeMembership(db, { name: "Middle", rolledToMembershipId: next.id });
    const previous = await makeMembership(db, {
      name: "Previous",
      agreementStart: "2025-01-01",
      agreementEnd: "2025-12-31",
      rolledToMembershipId: m.id,
    });

    const beta = await makeOrganization(db, { fullname: "Beta Organization" });
    const alpha = await makeOrganization(db, { fullname: "Alpha Organization" });
    const betaMember = await makeMember(db, { membershipId: m.id, organizationId: beta.id, role: "main" });
    const alphaSignatory = await makeMember(db, {
      membershipId: m.id,
      organizationId: alpha.id,
      role: "contract_signatory",
    });

    const zed = await makePerson(db, { personal: "Zed", family: "Zulu" });
    const ann = await makePerson(db, { personal: "Ann", family: "Able", email: null });
    const zedTask = await makeMembershipTask(db, {
      membershipId: m.id,
      personId: zed.id,
      role: "billing_contact",
    });
    const annTask = await makeMembershipTask(db, {
      membershipId: m.id,
      personId: ann.id,
      role: "programmatic_contact",
    });

    const older = await makeEvent(db, { membershipId: m.id, start: "2026-02-01", end: "2026-02-02" });
    const newer = await makeEvent(db, {
      membershipId: m.id,
      start: "2026-03-01",
      end: null,
      tags: ["cancelled"],
    });
    const undated = await makeEvent(db, { membershipId: m.id, start: null, end: null });
    const training = await makeEvent(db, { start: "2026-04-01" });
    const annSeat = await makeTask(db, {
      personId: ann.id,
      eventId: training.id,
      role: "learner",
      seatMembershipId: m.id,
      seatPublic: false,
    });
    const zedSeat = await makeTask(db, { personId: zed.id, eventId: training.id, seatMembershipId: m.id });
    await makeAward(db, { personId: zed.id, badge: "swc-instructor", awarded: "2026-05-01" });
    await makeAward(db, { personId: zed.id, badge: "dc-instructor", awarded: "2026-04-15" });

    const details = await findMembershipDetails(db, m.id);
    assert.deepEqual(details, {
      membership: m,
      predecessor: {
        id: previous.id,
        name: "Previous",
        variant: "partner",
        agreementStart: "2025-01-01",
        agreementEnd: "2025-12-31",
        consortium: false,
      },
      successor: {
        id: next.id,
        name: "Next",
        variant: "gold",
        agreementStart: "2026-01-01",
        agreementEnd: "2026-12-31",
        consortium: true,
      },
      members: [
        {
          id: alphaSignatory.id,
          organizationId: alpha.id,
          domain: alpha.domain,
          fullname: "Alpha Organization",
          roleName: "contract_signatory",
          roleVerboseName: "Contract Signatory",
        },
        {
          id: betaMember.id,
          organizationId: beta.id,
          domain: beta.domain,
          fullname: "Beta Organization",
          roleName: "main",
          roleVerboseName: "Main Organisation",
        },
      ],
      persons: [
        {
          id: annTask.id,
          person: personLink(ann),
          roleName: "programmatic_contact",
          roleVerboseName: "Programmatic Contact",
        },
        {
          id: zedTask.id,
          person: personLink(zed),
          roleName: "billing_contact",
          roleVerboseName: "Billing Contact",
        },
      ],
      seatTasks: [
        {
          id: annSeat.id,
          eventSlug: training.slug,
          person: personLink(ann),
          roleName: "learner",
          seatPublic: false,
          awards: [],
        },
        {
          id: zedSeat.id,
          eventSlug: training.slug,
          person: personLink(zed),
          roleName: "instructor",
          seatPublic: true,
          awards: [
            { badgeTitle: "Data Carpentry Instructor", awarded: "2026-04-15" },
            { badgeTitle: "Software Carpentry Instructor", awarded: "2026-05-01" },
          ],
        },
      ],
      events: [
        { id: undated.id, slug: undated.slug, start: null, end: null, url: null, tags: [] },
        {
          id: newer.id,
          slug: newer.slug,
          start: "2026-03-01",
          end: null,
          url: null,
          tags: [{ name: "cancelled", details: "Event was cancelled" }],
        },
        { id: older.id, slug: older.slug, start: "2026-02-01", end: "2026-02-02", url: null, tags: [] },
      ],
    });
  });
});

describe("membershipBlockers", () => {
  test("finds nothing for a membership with nothing attached", async () => {
    const m = await makeMembership(database.db);
    assert.deepEqual(await membershipBlockers(database.db, m.id), {
      persons: [],
      seatTasks: [],
      events: [],
      communityRoles: [],
    });
  });

  test("lists the persons, seat tasks, events and community roles", async () => {
    const db = database.db;
    const m = await makeMembership(db);
    const ron = await makePerson(db, { personal: "Ron", family: "Weasley" });
    const contact = await makeMembershipTask(db, { membershipId: m.id, personId: ron.id });
    const e = await makeEvent(db, { membershipId: m.id, start: "2026-06-01", end: "2026-06-02" });
    const seat = await makeTask(db, {
      personId: ron.id,
      eventId: e.id,
      role: "learner",
      seatMembershipId: m.id,
    });
    const role = await makeCommunityRole(db, { personId: ron.id, config: "instructor" });
    await db.update(communityRole).set({ membershipId: m.id }).where(eq(communityRole.id, role.id));
    assert.deepEqual(await membershipBlockers(db, m.id), {
      persons: [
        {
          id: contact.id,
          person: personLink(ron),
          roleName: "billing_contact",
          roleVerboseName: "Billing Contact",
        },
      ],
      seatTasks: [
        {
          id: seat.id,
          eventSlug: e.slug,
          person: personLink(ron),
          roleName: "learner",
          seatPublic: true,
          awards: [],
        },
      ],
      events: [{ id: e.id, slug: e.slug, start: "2026-06-01", end: "2026-06-02", url: null, tags: [] }],
      communityRoles: [{ id: role.id, configName: "instructor", person: personLink(ron) }],
    });
  });
});
