import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { comment } from "../../src/comments/schema.ts";
import { version } from "../../src/history/schema.ts";
import { member, membership } from "../../src/memberships/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makeOrganization, makePerson, PASSWORD } from "../helpers/factories.ts";
import { makeMember, makeMembership, makePartnership } from "../helpers/membership-factories.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db, { personal: "Minerva", family: "McGonagall" });
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const editPath = (id: number) => `/fiscal/membership/${id}/edit/`;

type Row = typeof membership.$inferSelect;

async function reload(id: number): Promise<Row> {
  const [row] = await t.db.select().from(membership).where(eq(membership.id, id));
  if (!row) throw new Error("membership gone");
  return row;
}

/** What the edit form posts for the membership unchanged (without the conditional fields). */
function unchanged(row: Row): Record<string, string> {
  const fields: Record<string, string> = {
    name: row.name,
    public_status: row.publicStatus,
    variant: row.variant,
    agreement_start: row.agreementStart,
    agreement_end: row.agreementEnd,
    contribution_type: row.contributionType,
    registration_code: row.registrationCode ?? "",
    agreement_link: row.agreementLink,
    workshops_without_admin_fee_per_agreement: String(row.workshopsWithoutAdminFeePerAgreement ?? ""),
    public_instructor_training_seats: String(row.publicInstructorTrainingSeats),
    additional_public_instructor_training_seats: String(row.additionalPublicInstructorTrainingSeats),
    inhouse_instructor_training_seats: String(row.inhouseInstructorTrainingSeats),
    additional_inhouse_instructor_training_seats: String(row.additionalInhouseInstructorTrainingSeats),
    emergency_contact: row.emergencyContact,
  };
  if (row.consortium) fields.consortium = "on";
  row.extensions.forEach((days, index) => {
    fields[`extensions_${index}`] = String(days);
  });
  return fields;
}

async function save(row: Row, changes: Record<string, string | undefined>, query = "") {
  const fields = { ...unchanged(row), ...changes };
  for (const [key, value] of Object.entries(fields)) if (value === undefined) delete fields[key];
  return (await adminClient()).submit(`${editPath(row.id)}${query}`, fields as Record<string, string>);
}

function errorOn(html: string, field: string): string {
  const match = new RegExp(
    `id="id_${field}_errors" class="invalid-feedback d-block"><div>([^<]*)</div>`,
  ).exec(html);
  assert.ok(match, `an error beside ${field}`);
  return match[1] ?? "";
}

describe("editing a membership", () => {
  test("shows the form filled with the membership", async () => {
    const row = await makeMembership(t.db, { name: "Shown", registrationCode: "SHOWN", extensions: [5, 7] });
    const page = await (await adminClient()).get(editPath(row.id));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /name="name" type="text" class="form-control" value="Shown"/);
    assert.match(page.body, /name="registration_code" type="text" class="form-control" value="SHOWN"/);
    assert.match(page.body, /name="extensions_0" type="number" min="0" class="form-control" value="5"/);
    assert.match(page.body, /name="extensions_1" type="number" min="0" class="form-control" value="7"/);
    assert.doesNotMatch(page.body, /name="extensions_2"/);
    assert.doesNotMatch(page.body, /rolled_over"|rolled_from_previous"/, "no neighbours, no rolled fields");
    assert.doesNotMatch(page.body, /name="main_organization"/);
  });

  test("saves the fields, records the change and goes back to the membership", async () => {
    const row = await makeMembership(t.db, { name: "Before" });
    const response = await save(row, {
      name: "After",
      variant: "gold",
      public_instructor_training_seats: "4",
      workshops_without_admin_fee_per_agreement: "",
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/fiscal/membership/${row.id}/`);
    const saved = await reload(row.id);
    assert.equal(saved.name, "After");
    assert.equal(saved.variant, "gold");
    assert.equal(saved.publicInstructorTrainingSeats, 4);
    assert.equal(saved.workshopsWithoutAdminFeePerAgreement, null);
    const versions = await t.db
      .select()
      .from(version)
      .where(eq(version.objectId, String(row.id)));
    assert.ok(versions.some((v) => v.objectRepr.startsWith("After Gold membership")));
  });

  test("goes to a safe ?next= address after saving, and ignores another site's", async () => {
    const row = await makeMembership(t.db);
    const page = await (await adminClient()).get(`${editPath(row.id)}?next=/fiscal/organizations/`);
    assert.match(
      page.body,
      new RegExp(`action="/fiscal/membership/${row.id}/edit/\\?next=%2Ffiscal%2Forganizations%2F"`),
    );
    const back = await save(row, {}, "?next=/fiscal/organizations/");
    assert.equal(back.headers.location, "/fiscal/organizations/");
    const away = await save(row, {}, "?next=//evil.example.org/");
    assert.equal(away.headers.location, `/fiscal/membership/${row.id}/`);
  });

  test("keeps its own registration code (case 29)", async () => {
    const row = await makeMembership(t.db, { registrationCode: "ABC" });
    const response = await save(row, {});
    assert.equal(response.statusCode, 303);
    assert.equal((await reload(row.id)).registrationCode, "ABC");
  });

  test("stores an emptied registration code as none", async () => {
    const row = await makeMembership(t.db, { registrationCode: "EMPTIED" });
    await save(row, { registration_code: "" });
    assert.equal((await reload(row.id)).registrationCode, null);
  });
});

describe("editing a membership with bad input", () => {
  async function rejected(
    row: Row,
    changes: Record<string, string | undefined>,
    field: string,
    message: RegExp,
  ) {
    const response = await save(row, changes);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Please fix errors in the form below./);
    assert.match(errorOn(response.body, field), message);
    assert.deepEqual(await reload(row.id), row, "nothing is saved");
  }

  test("refuses an end before the start (rule 1)", async () => {
    const row = await makeMembership(t.db);
    await rejected(row, { agreement_end: "2025-12-31" }, "agreement_end", /before the start/);
  });

  test("keeps a membership with several members a consortium (rule 2, case 25)", async () => {
    const row = await makeMembership(t.db, { consortium: true });
    const alpha = await makeOrganization(t.db);
    const beta = await makeOrganization(t.db);
    const alphaMember = await makeMember(t.db, { membershipId: row.id, organizationId: alpha.id });
    await makeMember(t.db, { membershipId: row.id, organizationId: beta.id });
    await rejected(row, { consortium: undefined }, "consortium", /must stay a consortium/);
    await t.db.delete(member).where(eq(member.id, alphaMember.id));
    const response = await save(row, { consortium: undefined });
    assert.equal(response.statusCode, 303);
    assert.equal((await reload(row.id)).consortium, false);
  });

  test("refuses another membership's registration code (rule 4)", async () => {
    await makeMembership(t.db, { registrationCode: "TAKEN-M" });
    const row = await makeMembership(t.db);
    await rejected(row, { registration_code: "TAKEN-M" }, "registration_code", /Another membership/);
  });

  test("refuses a partnership's registration code, naming the partnership (rule 3)", async () => {
    await makePartnership(t.db, { name: "Rival", registrationCode: "TAKEN-P" });
    const row = await makeMembership(t.db);
    await rejected(row, { registration_code: "TAKEN-P" }, "registration_code", /partnership &quot;Rival/);
  });

  test("refuses a negative extension or rolled amount", async () => {
    const row = await makeMembership(t.db, { extensions: [3] });
    await rejected(row, { extensions_0: "-1" }, "extensions_0", /greater than or equal to 0/);
    const next = await makeMembership(t.db);
    const rolled = await makeMembership(t.db, { rolledToMembershipId: next.id });
    await rejected(
      rolled,
      { public_instructor_training_seats_rolled_over: "-2" },
      "public_instructor_training_seats_rolled_over",
      /greater than or equal to 0/,
    );
  });

  test("refuses extensions that would end the agreement before it starts", async () => {
    const row = await makeMembership(t.db, {
      agreementStart: "2026-01-01",
      agreementEnd: "2026-01-31",
      extensions: [30],
    });
    // Σ new − Σ old = 0 − 30 moves the end to 2026-01-01, allowed; with an earlier end it is not.
    await rejected(
      row,
      { agreement_end: "2026-01-20", extensions_0: "" },
      "extensions",
      /end before it starts/,
    );
  });
});

describe("editing a membership's extensions", () => {
  test("moves the end date by the change in extensions and says so in a comment by the editor", async () => {
    const row = await makeMembership(t.db, {
      agreementStart: "2021-01-01",
      agreementEnd: "2021-03-31",
      extensions: [30, 29],
    });
    const response = await save(row, { extensions_0: "40" });
    assert.equal(response.statusCode, 303);
    const saved = await reload(row.id);
    assert.deepEqual(saved.extensions, [40, 29]);
    assert.equal(saved.agreementEnd, "2021-04-10");
    const comments = await t.db
      .select()
      .from(comment)
      .where(eq(comment.objectPk, String(row.id)));
    assert.equal(comments.length, 1);
    assert.equal(comments[0]?.userId, admin.id);
    assert.match(comments[0]?.comment ?? "", /40, 29 days/);
    assert.match(comments[0]?.comment ?? "", /2021-04-10/);
  });

  test("removes an extension left empty, moving the end date back", async () => {
    const row = await makeMembership(t.db, {
      agreementStart: "2021-01-01",
      agreementEnd: "2021-03-31",
      extensions: [10, 20],
    });
    await save(row, { extensions_1: "" });
    const saved = await reload(row.id);
    assert.deepEqual(saved.extensions, [10]);
    assert.equal(saved.agreementEnd, "2021-03-11");
  });

  test("keeps an extension the form did not post", async () => {
    const row = await makeMembership(t.db, {
      agreementStart: "2021-01-01",
      agreementEnd: "2021-03-31",
      extensions: [10, 20],
    });
    await save(row, { extensions_1: undefined });
    const saved = await reload(row.id);
    assert.deepEqual(saved.extensions, [10, 20]);
    assert.equal(saved.agreementEnd, "2021-03-31");
  });

  test("files no comment and keeps the end date when the extensions are unchanged", async () => {
    const row = await makeMembership(t.db, { agreementEnd: "2026-12-31", extensions: [5] });
    await save(row, { agreement_end: "2026-12-30" });
    assert.equal((await reload(row.id)).agreementEnd, "2026-12-30");
    assert.equal(
      (
        await t.db
          .select()
          .from(comment)
          .where(eq(comment.objectPk, String(row.id)))
      ).length,
      0,
    );
  });
});

describe("editing rolled-over memberships", () => {
  test("shows the rolled-over fields only with a successor and the rolled-from fields only with a predecessor", async () => {
    const m3 = await makeMembership(t.db);
    const m2 = await makeMembership(t.db, { rolledToMembershipId: m3.id });
    const m1 = await makeMembership(t.db, { rolledToMembershipId: m2.id });
    const client = await adminClient();
    const first = (await client.get(editPath(m1.id))).body;
    assert.match(first, /name="public_instructor_training_seats_rolled_over"/);
    assert.doesNotMatch(first, /rolled_from_previous"/);
    const last = (await client.get(editPath(m3.id))).body;
    assert.match(last, /name="inhouse_instructor_training_seats_rolled_from_previous"/);
    assert.doesNotMatch(last, /_rolled_over"/);
    const middle = (await client.get(editPath(m2.id))).body;
    assert.match(middle, /name="workshops_without_admin_fee_rolled_over"/);
    assert.match(middle, /name="workshops_without_admin_fee_rolled_from_previous"/);
  });

  test("copies the carried amounts to the other side of each roll-over (case 27)", async () => {
    const m3 = await makeMembership(t.db, {
      publicInstructorTrainingSeatsRolledFromPrevious: 6,
      inhouseInstructorTrainingSeatsRolledFromPrevious: 7,
    });
    const m2 = await makeMembership(t.db, {
      rolledToMembershipId: m3.id,
      workshopsWithoutAdminFeeRolledFromPrevious: 5,
      publicInstructorTrainingSeatsRolledOver: 6,
      inhouseInstructorTrainingSeatsRolledOver: 7,
    });
    const m1 = await makeMembership(t.db, {
      rolledToMembershipId: m2.id,
      workshopsWithoutAdminFeeRolledOver: 5,
    });
    const response = await save(m2, {
      workshops_without_admin_fee_rolled_from_previous: "6",
      public_instructor_training_seats_rolled_from_previous: "",
      inhouse_instructor_training_seats_rolled_from_previous: "",
      workshops_without_admin_fee_rolled_over: "",
      public_instructor_training_seats_rolled_over: "7",
      inhouse_instructor_training_seats_rolled_over: "8",
    });
    assert.equal(response.statusCode, 303);
    const [one, two, three] = [await reload(m1.id), await reload(m2.id), await reload(m3.id)];
    assert.equal(one.workshopsWithoutAdminFeeRolledOver, 6);
    assert.equal(two.workshopsWithoutAdminFeeRolledFromPrevious, 6);
    assert.equal(two.publicInstructorTrainingSeatsRolledOver, 7);
    assert.equal(two.inhouseInstructorTrainingSeatsRolledOver, 8);
    assert.equal(three.publicInstructorTrainingSeatsRolledFromPrevious, 7);
    assert.equal(three.inhouseInstructorTrainingSeatsRolledFromPrevious, 8);
    // The neighbours' other fields are left alone.
    assert.equal(one.name, m1.name);
    assert.equal(three.workshopsWithoutAdminFeeRolledFromPrevious, null);
  });

  test("ignores rolled fields a membership without neighbours does not show", async () => {
    const row = await makeMembership(t.db, { publicInstructorTrainingSeatsRolledOver: 2 });
    await save(row, {
      public_instructor_training_seats_rolled_over: "9",
      workshops_without_admin_fee_rolled_from_previous: "4",
    });
    const saved = await reload(row.id);
    assert.equal(saved.publicInstructorTrainingSeatsRolledOver, 2);
    assert.equal(saved.workshopsWithoutAdminFeeRolledFromPrevious, null);
  });
});

describe("who may edit memberships", () => {
  test("sends anonymous visitors to log in", async () => {
    const row = await makeMembership(t.db);
    const response = await new Client(t.app).get(editPath(row.id));
    assert.equal(response.statusCode, 302);
    assert.match(String(response.headers.location), /^\/account\/login\/\?next=/);
  });

  test("refuses people who are not admins, and admins without change_membership", async () => {
    const row = await makeMembership(t.db);
    const member = await makePerson(t.db, { permissions: ["workshops.change_membership"] });
    assert.equal(
      (await (await new Client(t.app).logIn(member.username, PASSWORD)).get(editPath(row.id))).statusCode,
      403,
    );
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    assert.equal(
      (await (await new Client(t.app).logIn(viewer.username, PASSWORD)).get(editPath(row.id))).statusCode,
      403,
    );
  });
});
