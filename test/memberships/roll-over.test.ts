import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { asc, count, eq } from "drizzle-orm";
import { member, membership, membershipTask } from "../../src/memberships/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import {
  makeAdmin,
  makeEvent,
  makeOrganization,
  makePerson,
  makeTask,
  PASSWORD,
} from "../helpers/factories.ts";
import {
  makeMember,
  makeMembership,
  makeMembershipTask,
  memberRoleId,
  membershipPersonRoleId,
} from "../helpers/membership-factories.ts";
import { membershipComments, versionsOf } from "./workflow-helpers.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
let alpha: Awaited<ReturnType<typeof makeOrganization>>;
let hermione: Awaited<ReturnType<typeof makePerson>>;

before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db, { personal: "Minerva" });
  alpha = await makeOrganization(t.db, { domain: "alpha.edu", fullname: "Alpha Organization" });
  hermione = await makePerson(t.db, { personal: "Hermione", family: "Granger" });
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const rollOverUrl = (id: number) => `/fiscal/membership/${id}/roll-over/`;

async function reload(id: number) {
  const [row] = await t.db.select().from(membership).where(eq(membership.id, id));
  if (!row) throw new Error(`membership ${id} is gone`);
  return row;
}

async function membershipCount(): Promise<number> {
  const [row] = await t.db.select({ n: count() }).from(membership);
  return row?.n ?? 0;
}

let sequence = 0;

/** A valid roll-over post; the copy boxes are ticked unless overridden with "" (unticked). */
function rollOverFields(overrides: Record<string, string> = {}): Record<string, string> {
  sequence++;
  const fields: Record<string, string> = {
    name: `Next year ${sequence}`,
    copy_members: "on",
    copy_membership_tasks: "on",
    public_status: "public",
    variant: "gold",
    agreement_start: "2021-03-02",
    agreement_end: "2022-03-01",
    contribution_type: "financial",
    registration_code: "",
    agreement_link: "https://example.com/next",
    workshops_without_admin_fee_per_agreement: "5",
    workshops_without_admin_fee_rolled_from_previous: "0",
    public_instructor_training_seats: "4",
    additional_public_instructor_training_seats: "0",
    public_instructor_training_seats_rolled_from_previous: "0",
    inhouse_instructor_training_seats: "2",
    additional_inhouse_instructor_training_seats: "0",
    inhouse_instructor_training_seats_rolled_from_previous: "0",
    emergency_contact: "",
    comment: "",
    ...overrides,
  };
  for (const [name, value] of Object.entries(fields)) if (value === "") delete fields[name];
  return fields;
}

/** The new membership a roll-over redirected to. */
async function successorFrom(location: unknown) {
  const match = /^\/fiscal\/membership\/(\d+)\/$/.exec(String(location));
  assert.ok(match, `redirects to a membership page, not ${String(location)}`);
  return reload(Number(match[1]));
}

const makeOld = (values: Partial<typeof membership.$inferInsert> = {}) =>
  makeMembership(t.db, {
    name: "Old",
    variant: "silver",
    agreementStart: "2020-03-01",
    agreementEnd: "2021-03-01",
    contributionType: "person-days",
    workshopsWithoutAdminFeePerAgreement: 10,
    publicInstructorTrainingSeats: 12,
    inhouseInstructorTrainingSeats: 9,
    ...values,
  });

async function seatTask(membershipId: number, seatPublic: boolean) {
  const event = await makeEvent(t.db);
  const learner = await makePerson(t.db);
  await makeTask(t.db, {
    personId: learner.id,
    eventId: event.id,
    role: "learner",
    seatMembershipId: membershipId,
    seatPublic,
  });
}

describe("the roll-over form", () => {
  test("starts from the old membership's terms, the following year, nothing carried, both copies ticked (case 63)", async () => {
    const old = await makeOld({
      registrationCode: "OLD-CODE-63",
      additionalPublicInstructorTrainingSeats: 2,
      emergencyContact: "Call Minerva",
    });
    await makeMember(t.db, { membershipId: old.id, organizationId: alpha.id });
    await makeMembershipTask(t.db, { membershipId: old.id, personId: hermione.id, role: "default" });
    const page = await (await adminClient()).get(rollOverUrl(old.id));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: Create new membership from Old Silver membership/);
    const value = (name: string) => {
      const match = new RegExp(`name="${name}"[^>]*?value(?:="([^"]*)")?[\\s/>]`).exec(page.body);
      return match ? (match[1] ?? "") : undefined;
    };
    assert.equal(value("name"), "Old");
    assert.equal(value("agreement_start"), "2021-03-02");
    assert.equal(value("agreement_end"), "2022-03-01");
    assert.equal(value("registration_code"), "", "codes are unique, so the old one is not offered");
    assert.equal(value("workshops_without_admin_fee_per_agreement"), "10");
    assert.equal(value("public_instructor_training_seats"), "12");
    assert.equal(value("additional_public_instructor_training_seats"), "2");
    assert.equal(value("inhouse_instructor_training_seats"), "9");
    for (const name of [
      "workshops_without_admin_fee_rolled_from_previous",
      "public_instructor_training_seats_rolled_from_previous",
      "inhouse_instructor_training_seats_rolled_from_previous",
    ]) {
      assert.equal(value(name), "0", name);
    }
    assert.match(page.body, /<option value="silver" selected>/);
    assert.match(page.body, /<option value="person-days" selected>/);
    assert.match(page.body, /Call Minerva<\/textarea>/);
    assert.match(page.body, /id="id_copy_members"[^>]*checked/);
    assert.match(page.body, /name="copy_membership_tasks"[^>]*checked/);
    assert.match(page.body, /Between 0 and 10: the workshops without admin fee/);
  });

  test("ends a year-long agreement the day before the anniversary, also after 29 February", async () => {
    const old = await makeOld({ agreementStart: "2023-03-01", agreementEnd: "2024-02-28" });
    const page = await (await adminClient()).get(rollOverUrl(old.id));
    assert.match(page.body, /name="agreement_start"[^>]*value="2024-02-29"/);
    assert.match(page.body, /name="agreement_end"[^>]*value="2025-02-28"/);
  });

  test("answers 404 when the membership was already rolled over (case 69)", async () => {
    const next = await makeMembership(t.db);
    const old = await makeOld({ rolledToMembershipId: next.id });
    const client = await adminClient();
    assert.equal((await client.get(rollOverUrl(old.id))).statusCode, 404);
    const before = await membershipCount();
    const response = await client.submit("/fiscal/memberships/", rollOverFields(), rollOverUrl(old.id));
    assert.equal(response.statusCode, 404);
    assert.equal(await membershipCount(), before);
  });

  test("answers 404 for a membership that does not exist", async () => {
    assert.equal((await (await adminClient()).get(rollOverUrl(99999))).statusCode, 404);
  });
});

describe("rolling over", () => {
  test("creates the successor, carries amounts on both sides and goes to it with a message naming both", async () => {
    const old = await makeOld();
    const client = await adminClient();
    const response = await client.submit(
      rollOverUrl(old.id),
      rollOverFields({
        name: "Successor",
        workshops_without_admin_fee_rolled_from_previous: "4",
        public_instructor_training_seats_rolled_from_previous: "12",
        inhouse_instructor_training_seats_rolled_from_previous: "1",
        emergency_contact: "Someone new",
      }),
    );
    assert.equal(response.statusCode, 303);
    const created = await successorFrom(response.headers.location);
    assert.equal(created.name, "Successor");
    assert.equal(created.variant, "gold");
    assert.equal(created.consortium, false);
    assert.equal(created.agreementStart, "2021-03-02");
    assert.equal(created.workshopsWithoutAdminFeeRolledFromPrevious, 4);
    assert.equal(created.publicInstructorTrainingSeatsRolledFromPrevious, 12);
    assert.equal(created.inhouseInstructorTrainingSeatsRolledFromPrevious, 1);
    assert.equal(created.emergencyContact, "Someone new");
    const saved = await reload(old.id);
    assert.equal(saved.rolledToMembershipId, created.id);
    assert.equal(saved.workshopsWithoutAdminFeeRolledOver, 4);
    assert.equal(saved.publicInstructorTrainingSeatsRolledOver, 12);
    assert.equal(saved.inhouseInstructorTrainingSeatsRolledOver, 1);
    const page = await client.get(String(response.headers.location));
    assert.match(
      page.body,
      /Old Silver membership Mar 01, 2020 - Mar 01, 2021 has been rolled over to Successor Gold membership Mar 02, 2021 - Mar 01, 2022\./,
    );
  });

  test("leaves the carried amounts empty on both sides when left empty", async () => {
    const old = await makeOld();
    const response = await (await adminClient()).submit(
      rollOverUrl(old.id),
      rollOverFields({
        workshops_without_admin_fee_rolled_from_previous: "",
        public_instructor_training_seats_rolled_from_previous: "",
        inhouse_instructor_training_seats_rolled_from_previous: "",
      }),
    );
    const created = await successorFrom(response.headers.location);
    assert.equal(created.publicInstructorTrainingSeatsRolledFromPrevious, null);
    const saved = await reload(old.id);
    assert.equal(saved.publicInstructorTrainingSeatsRolledOver, null);
    assert.equal(saved.rolledToMembershipId, created.id);
  });

  test("keeps the consortium flag of the old membership whatever is posted", async () => {
    const old = await makeOld({ consortium: true });
    const response = await (await adminClient()).submit(
      rollOverUrl(old.id),
      rollOverFields({ consortium: "" }),
    );
    assert.equal((await successorFrom(response.headers.location)).consortium, true);
    const plain = await makeOld();
    const second = await (await adminClient()).submit(
      rollOverUrl(plain.id),
      rollOverFields({ consortium: "on" }),
    );
    assert.equal((await successorFrom(second.headers.location)).consortium, false);
  });

  test("copies a consortium's members and persons only when asked (case 65)", async () => {
    const client = await adminClient();
    const signatory = await memberRoleId(t.db, "contract_signatory");
    const defaultRole = await membershipPersonRoleId(t.db, "default");
    async function consortiumWithLinks() {
      const old = await makeOld({ consortium: true });
      await makeMember(t.db, { membershipId: old.id, organizationId: alpha.id, role: "contract_signatory" });
      await makeMembershipTask(t.db, { membershipId: old.id, personId: hermione.id, role: "default" });
      return old;
    }
    const bare = await client.submit(
      rollOverUrl((await consortiumWithLinks()).id),
      rollOverFields({ copy_members: "", copy_membership_tasks: "" }),
    );
    const bareId = (await successorFrom(bare.headers.location)).id;
    assert.deepEqual(await t.db.select().from(member).where(eq(member.membershipId, bareId)), []);
    assert.deepEqual(
      await t.db.select().from(membershipTask).where(eq(membershipTask.membershipId, bareId)),
      [],
    );

    const full = await client.submit(rollOverUrl((await consortiumWithLinks()).id), rollOverFields());
    const fullId = (await successorFrom(full.headers.location)).id;
    assert.deepEqual(
      await t.db
        .select({ organizationId: member.organizationId, roleId: member.roleId })
        .from(member)
        .where(eq(member.membershipId, fullId)),
      [{ organizationId: alpha.id, roleId: signatory }],
    );
    assert.deepEqual(
      await t.db
        .select({ personId: membershipTask.personId, roleId: membershipTask.roleId })
        .from(membershipTask)
        .where(eq(membershipTask.membershipId, fullId))
        .orderBy(asc(membershipTask.id)),
      [{ personId: hermione.id, roleId: defaultRole }],
    );
  });

  test("always copies the one member of a non-consortium membership", async () => {
    const old = await makeOld();
    await makeMember(t.db, { membershipId: old.id, organizationId: alpha.id });
    const response = await (await adminClient()).submit(
      rollOverUrl(old.id),
      rollOverFields({ copy_members: "", copy_membership_tasks: "" }),
    );
    const created = await successorFrom(response.headers.location);
    const rows = await t.db.select().from(member).where(eq(member.membershipId, created.id));
    assert.deepEqual(
      rows.map((row) => row.organizationId),
      [alpha.id],
    );
  });

  test("files the form's comment as an automatic comment on the new membership", async () => {
    const old = await makeOld();
    const response = await (await adminClient()).submit(
      rollOverUrl(old.id),
      rollOverFields({ comment: "Renewed at the same terms." }),
    );
    const created = await successorFrom(response.headers.location);
    const comments = await membershipComments(t.db, created.id);
    assert.equal(comments.length, 1);
    assert.equal(comments[0]?.comment, "Renewed at the same terms.");
    assert.equal(comments[0]?.userId, null);
    assert.equal(comments[0]?.userName, "Automatic comment");
    assert.deepEqual(await membershipComments(t.db, old.id), []);
  });

  test("records both memberships in the history", async () => {
    const old = await makeOld();
    const response = await (await adminClient()).submit(rollOverUrl(old.id), rollOverFields());
    const created = await successorFrom(response.headers.location);
    assert.equal((await versionsOf(t.db, "workshops.membership", created.id)).length, 1);
    const oldVersions = await versionsOf(t.db, "workshops.membership", old.id);
    assert.equal(oldVersions.length, 1);
    const [serialized] = JSON.parse(oldVersions[0]?.serializedData ?? "[]");
    assert.equal(serialized.fields.rolled_to_membership, created.id);
  });

  test("rolls a membership over only once", async () => {
    const old = await makeOld();
    const client = await adminClient();
    const first = await client.submit(rollOverUrl(old.id), rollOverFields());
    assert.equal(first.statusCode, 303);
    const before = await membershipCount();
    const again = await client.submit("/fiscal/memberships/", rollOverFields(), rollOverUrl(old.id));
    assert.equal(again.statusCode, 404);
    assert.equal(await membershipCount(), before);
  });
});

describe("carry-over limits", () => {
  test("allows at most what is left, and never below zero (case 67)", async () => {
    const old = await makeOld({ publicInstructorTrainingSeats: 0, inhouseInstructorTrainingSeats: 0 });
    await seatTask(old.id, true);
    await seatTask(old.id, false);
    const client = await adminClient();
    const page = await client.get(rollOverUrl(old.id));
    assert.match(page.body, /Between 0 and 0: the public seats/);
    const over = await client.submit(
      rollOverUrl(old.id),
      rollOverFields({
        public_instructor_training_seats_rolled_from_previous: "1",
        inhouse_instructor_training_seats_rolled_from_previous: "1",
      }),
    );
    assert.equal(over.statusCode, 200);
    for (const name of ["public", "inhouse"]) {
      assert.match(
        over.body,
        new RegExp(
          `id="id_${name}_instructor_training_seats_rolled_from_previous_errors"[^>]*><div>The value must be ≤ 0`,
        ),
      );
    }
    const under = await client.submit(
      rollOverUrl(old.id),
      rollOverFields({
        public_instructor_training_seats_rolled_from_previous: "-1",
        inhouse_instructor_training_seats_rolled_from_previous: "-1",
      }),
    );
    assert.equal(under.statusCode, 200);
    for (const name of ["public", "inhouse"]) {
      assert.match(
        under.body,
        new RegExp(
          `id="id_${name}_instructor_training_seats_rolled_from_previous_errors"[^>]*><div>The value must be ≥ 0`,
        ),
      );
    }
  });

  test("takes the remaining workshops and seats as the limits", async () => {
    const old = await makeOld({ publicInstructorTrainingSeats: 3, inhouseInstructorTrainingSeats: 2 });
    await seatTask(old.id, true);
    const response = await (await adminClient()).submit(
      rollOverUrl(old.id),
      rollOverFields({
        workshops_without_admin_fee_rolled_from_previous: "11",
        public_instructor_training_seats_rolled_from_previous: "3",
        inhouse_instructor_training_seats_rolled_from_previous: "2",
      }),
    );
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /The value must be ≤ 10/);
    assert.match(response.body, /The value must be ≤ 2/);
    assert.doesNotMatch(
      response.body,
      /id="id_inhouse_instructor_training_seats_rolled_from_previous_errors"/,
      "two in-house seats are left",
    );
  });
});

describe("an invalid roll-over", () => {
  test("leaves both memberships untouched when the registration code is taken", async () => {
    const old = await makeOld({ registrationCode: "TAKEN-CODE" });
    const before = await membershipCount();
    const response = await (await adminClient()).submit(
      rollOverUrl(old.id),
      rollOverFields({
        registration_code: "TAKEN-CODE",
        public_instructor_training_seats_rolled_from_previous: "2",
      }),
    );
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_registration_code_errors"[^>]*><div>Another membership already uses/);
    assert.equal(await membershipCount(), before);
    const saved = await reload(old.id);
    assert.equal(saved.rolledToMembershipId, null);
    assert.equal(saved.publicInstructorTrainingSeatsRolledOver, null);
  });

  test("refuses an end before the start and keeps what was typed", async () => {
    const old = await makeOld();
    const before = await membershipCount();
    const response = await (await adminClient()).submit(
      rollOverUrl(old.id),
      rollOverFields({ name: "Typed name", agreement_end: "2021-01-01" }),
    );
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_agreement_end_errors"/);
    assert.match(response.body, /name="name"[^>]*value="Typed name"/);
    assert.equal(await membershipCount(), before);
    assert.equal((await reload(old.id)).rolledToMembershipId, null);
  });

  test("refuses missing required fields", async () => {
    const old = await makeOld();
    const response = await (await adminClient()).submit(
      rollOverUrl(old.id),
      rollOverFields({ name: "", agreement_link: "", variant: "" }),
    );
    assert.equal(response.statusCode, 200);
    for (const name of ["name", "agreement_link", "variant"]) {
      assert.match(response.body, new RegExp(`id="id_${name}_errors"`), name);
    }
  });
});

describe("access", () => {
  test("needs both add_membership and change_membership", async () => {
    const old = await makeOld();
    for (const permissions of [["workshops.change_membership"], ["workshops.add_membership"]]) {
      const person = await makePerson(t.db, { groups: ["steering committee"], permissions });
      const client = await new Client(t.app).logIn(person.username, PASSWORD);
      assert.equal((await client.get(rollOverUrl(old.id))).statusCode, 403);
      const response = await client.submit("/fiscal/memberships/", rollOverFields(), rollOverUrl(old.id));
      assert.equal(response.statusCode, 403);
    }
    const both = await makePerson(t.db, {
      groups: ["steering committee"],
      permissions: ["workshops.add_membership", "workshops.change_membership"],
    });
    const client = await new Client(t.app).logIn(both.username, PASSWORD);
    assert.equal((await client.get(rollOverUrl(old.id))).statusCode, 200);
    assert.equal((await reload(old.id)).rolledToMembershipId, null);
  });
});
