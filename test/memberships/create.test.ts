import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { comment } from "../../src/comments/schema.ts";
import { version } from "../../src/history/schema.ts";
import { member, memberRole, membership } from "../../src/memberships/schema.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makeOrganization, makePerson, PASSWORD } from "../helpers/factories.ts";
import {
  makeAccount,
  makeAccountBenefit,
  makeBenefit,
  makeMembership,
  makePartnership,
} from "../helpers/membership-factories.ts";

const ADD = "/fiscal/memberships/add/";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
let alpha: Awaited<ReturnType<typeof makeOrganization>>;
before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
  alpha = await makeOrganization(t.db, { domain: "alpha.edu", fullname: "Alpha Organization" });
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
let counter = 0;

/** The "valid membership payload" of the acceptance cases, with a name of its own. */
function payload(overrides: Record<string, string> = {}): Record<string, string> {
  counter++;
  return {
    main_organization: String(alpha.id),
    name: `Test Membership ${counter}`,
    public_status: "public",
    variant: "partner",
    agreement_start: "2021-02-14",
    agreement_end: "2022-02-13",
    agreement_link: "https://example.com",
    contribution_type: "financial",
    public_instructor_training_seats: "0",
    additional_public_instructor_training_seats: "0",
    inhouse_instructor_training_seats: "0",
    additional_inhouse_instructor_training_seats: "0",
    ...overrides,
  };
}

async function findByName(name: string | undefined) {
  const [row] = await t.db
    .select()
    .from(membership)
    .where(eq(membership.name, name ?? ""));
  return row;
}

async function membersOf(id: number) {
  return t.db
    .select({ organizationId: member.organizationId, role: memberRole.name })
    .from(member)
    .innerJoin(memberRole, eq(memberRole.id, member.roleId))
    .where(eq(member.membershipId, id));
}

describe("creating a membership", () => {
  test("saves it with its main organisation as the only member and goes to its page (case 17)", async () => {
    const fields = payload({ registration_code: "  code-17 ", emergency_contact: "Call Ada" });
    const client = await adminClient();
    const response = await client.submit(ADD, fields);
    assert.equal(response.statusCode, 303);
    const row = await findByName(fields.name);
    assert.ok(row);
    assert.equal(response.headers.location, `/fiscal/membership/${row.id}/`);
    assert.deepEqual(await membersOf(row.id), [{ organizationId: alpha.id, role: "main" }]);
    assert.equal(row.registrationCode, "code-17");
    assert.equal(row.publicStatus, "public");
    assert.equal(row.emergencyContact, "Call Ada");
    assert.equal(row.consortium, false);
    assert.equal(row.workshopsWithoutAdminFeePerAgreement, null);
    const page = await client.get(String(response.headers.location));
    assert.match(
      page.body,
      new RegExp(`${fields.name} Partner membership Feb 14, 2021 - Feb 13, 2022 was created successfully.`),
    );
  });

  test("makes the main organisation the contract signatory of a consortium and goes to the members page", async () => {
    const fields = payload({ consortium: "on" });
    const response = await (await adminClient()).submit(ADD, fields);
    const row = await findByName(fields.name);
    assert.ok(row?.consortium);
    assert.equal(response.headers.location, `/fiscal/membership/${row.id}/members/`);
    assert.deepEqual(await membersOf(row.id), [{ organizationId: alpha.id, role: "contract_signatory" }]);
  });

  test("warns, and still saves, when the agreement is not a full year (start + 1 year − 1 day)", async () => {
    const client = await adminClient();
    const fields = payload({ agreement_end: "2022-02-14" });
    const response = await client.submit(ADD, fields);
    assert.equal(response.statusCode, 303);
    assert.ok(await findByName(fields.name));
    const page = await client.get(String(response.headers.location));
    assert.match(
      page.body,
      /<strong>Warning:<\/strong> The agreement end date is not a full year[^<]*2022-02-13/,
    );
  });

  test("does not warn about an agreement of exactly one year", async () => {
    const client = await adminClient();
    const response = await client.submit(ADD, payload({ agreement_end: "2022-02-13" }));
    const page = await client.get(String(response.headers.location));
    assert.doesNotMatch(page.body, /Warning:/);
  });

  test("accepts an agreement that ends on the day it starts (case 19)", async () => {
    const fields = payload({ agreement_start: "2021-02-14", agreement_end: "2021-02-14" });
    const response = await (await adminClient()).submit(ADD, fields);
    assert.equal(response.statusCode, 303);
    assert.ok(await findByName(fields.name));
  });

  test("files the optional comment as an automatic comment, and none when it is empty", async () => {
    const fields = payload({ comment: "Signed at the *conference*." });
    await (await adminClient()).submit(ADD, fields);
    const row = await findByName(fields.name);
    const comments = await t.db
      .select()
      .from(comment)
      .where(eq(comment.objectPk, String(row?.id)));
    assert.equal(comments.length, 1);
    assert.equal(comments[0]?.userName, "Automatic comment");
    assert.equal(comments[0]?.comment, "Signed at the *conference*.");
    const silent = payload({ comment: "   " });
    await (await adminClient()).submit(ADD, silent);
    const other = await findByName(silent.name);
    assert.equal(
      (
        await t.db
          .select()
          .from(comment)
          .where(eq(comment.objectPk, String(other?.id)))
      ).length,
      0,
    );
  });

  test("records the new membership in its history, by the admin who added it", async () => {
    const fields = payload();
    await (await adminClient()).submit(ADD, fields);
    const row = await findByName(fields.name);
    const versions = await t.db
      .select()
      .from(version)
      .where(eq(version.objectId, String(row?.id)));
    const mine = versions.filter((v) => v.objectRepr.startsWith(fields.name ?? ""));
    assert.equal(mine.length, 1);
    const [serialized] = JSON.parse(mine[0]?.serializedData ?? "[]");
    assert.equal(serialized.model, "workshops.membership");
    assert.equal(serialized.fields.name, fields.name);
  });

  test("lets many memberships have no registration code (case 21)", async () => {
    const first = payload({ registration_code: "" });
    const second = payload({ registration_code: " " });
    assert.equal((await (await adminClient()).submit(ADD, first)).statusCode, 303);
    assert.equal((await (await adminClient()).submit(ADD, second)).statusCode, 303);
    assert.equal((await findByName(first.name))?.registrationCode, null);
    assert.equal((await findByName(second.name))?.registrationCode, null);
  });

  test("shows the form with the organisation a link names already chosen", async () => {
    const page = await (await adminClient()).get(`${ADD}?organization=${alpha.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: New membership<\/title>/);
    assert.match(page.body, /data-lookup="\/select_lookups\/organizations\/"/);
    assert.match(
      page.body,
      new RegExp(`<option value="${alpha.id}" selected>Alpha Organization &lt;alpha.edu(&gt;|>)</option>`),
    );
    for (const name of [
      "name",
      "consortium",
      "agreement_start",
      "registration_code",
      "emergency_contact",
      "comment",
    ]) {
      assert.match(page.body, new RegExp(`name="${name}"`));
    }
  });
});

describe("creating a membership with bad input", () => {
  async function rejected(fields: Record<string, string>, field: string, message: RegExp) {
    const before = await t.db.$count(membership);
    const response = await (await adminClient()).submit(ADD, fields);
    assert.equal(response.statusCode, 200);
    assert.equal(await t.db.$count(membership), before, "nothing is saved");
    assert.match(response.body, /Please fix errors in the form below./);
    const errors = new RegExp(
      `id="id_${field}_errors" class="invalid-feedback d-block"><div>([^<]*)</div>`,
    ).exec(response.body);
    assert.ok(errors, `an error beside ${field}`);
    assert.match(errors[1] ?? "", message);
    return response;
  }

  test("refuses an end before the start, on agreement_end (case 19)", async () => {
    await rejected(
      payload({ agreement_start: "2021-01-26", agreement_end: "2020-01-26" }),
      "agreement_end",
      /can(&#39;|')t be before the start date/,
    );
  });

  test("refuses a registration code another membership has (case 21)", async () => {
    await makeMembership(t.db, { registrationCode: "valid123" });
    await rejected(payload({ registration_code: "valid123" }), "registration_code", /Another membership/);
  });

  test("refuses a registration code a partnership has, naming the partnership", async () => {
    await makePartnership(t.db, { name: "Coded Partnership", registrationCode: "PCODE-1" });
    await rejected(
      payload({ registration_code: "PCODE-1" }),
      "registration_code",
      /partnership &quot;Coded Partnership/,
    );
  });

  test("refuses a registration code an account benefit has, naming it, even when a partnership has it too", async () => {
    const organization = await makeOrganization(t.db);
    const account = await makeAccount(t.db, { organizationId: organization.id });
    const benefit = await makeBenefit(t.db, { name: "Coded Benefit" });
    await makeAccountBenefit(t.db, {
      accountId: account.id,
      benefitId: benefit.id,
      registrationCode: "ABCODE-1",
    });
    await rejected(
      payload({ registration_code: "ABCODE-1" }),
      "registration_code",
      /account benefit &quot;.*Coded Benefit/,
    );
    await makePartnership(t.db, { registrationCode: "BOTH-1" });
    await makeAccountBenefit(t.db, {
      accountId: account.id,
      benefitId: benefit.id,
      registrationCode: "BOTH-1",
    });
    await rejected(payload({ registration_code: "BOTH-1" }), "registration_code", /account benefit/);
  });

  test("requires the main organisation, and one that exists", async () => {
    await rejected(payload({ main_organization: "" }), "main_organization", /This field is required/);
    await rejected(payload({ main_organization: "999999" }), "main_organization", /valid choice/);
  });

  for (const field of [
    "name",
    "agreement_link",
    "agreement_start",
    "agreement_end",
    "public_instructor_training_seats",
  ]) {
    test(`requires ${field}`, async () => {
      await rejected(payload({ [field]: "" }), field, /This field is required/);
    });
  }

  test("refuses a variant, status or contribution type that is not a choice", async () => {
    await rejected(payload({ variant: "diamond" }), "variant", /Select a valid choice. diamond/);
    await rejected(payload({ public_status: "secret" }), "public_status", /Select a valid choice/);
    await rejected(payload({ contribution_type: "" }), "contribution_type", /This field is required/);
  });

  test("refuses negative or fractional seat counts and workshops", async () => {
    await rejected(
      payload({ inhouse_instructor_training_seats: "-1" }),
      "inhouse_instructor_training_seats",
      /greater than or equal to 0/,
    );
    await rejected(
      payload({ additional_public_instructor_training_seats: "1.5" }),
      "additional_public_instructor_training_seats",
      /whole number/,
    );
    await rejected(
      payload({ workshops_without_admin_fee_per_agreement: "-2" }),
      "workshops_without_admin_fee_per_agreement",
      /greater than or equal to 0/,
    );
  });

  test("refuses a date that is not a date and a link that is not a web address", async () => {
    await rejected(payload({ agreement_start: "2021-02-30" }), "agreement_start", /valid date/);
    await rejected(payload({ agreement_link: "not a link" }), "agreement_link", /valid URL/);
  });

  test("shows the form again with what was typed and the organisation still chosen", async () => {
    const response = await rejected(
      payload({ name: "Kept Name", agreement_link: "" }),
      "agreement_link",
      /required/,
    );
    assert.match(response.body, /name="name" type="text" class="form-control" value="Kept Name"/);
    assert.match(response.body, new RegExp(`<option value="${alpha.id}" selected>Alpha Organization`));
  });
});

describe("who may create memberships", () => {
  test("sends anonymous visitors to log in", async () => {
    const response = await new Client(t.app).get(ADD);
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, "/account/login/?next=%2Ffiscal%2Fmemberships%2Fadd%2F");
  });

  test("refuses people who are not admins", async () => {
    const member = await makePerson(t.db, {
      permissions: ["workshops.add_membership", "workshops.change_organization"],
    });
    const client = await new Client(t.app).logIn(member.username, PASSWORD);
    assert.equal((await client.get(ADD)).statusCode, 403);
  });

  test("needs both add_membership and change_organization", async () => {
    const addOnly = await makePerson(t.db, {
      groups: ["invoicing"],
      permissions: ["workshops.add_membership"],
    });
    const client = await new Client(t.app).logIn(addOnly.username, PASSWORD);
    assert.equal((await client.get(ADD)).statusCode, 403);
    const both = await makePerson(t.db, {
      groups: ["invoicing"],
      permissions: ["workshops.add_membership", "workshops.change_organization"],
    });
    assert.equal((await (await new Client(t.app).logIn(both.username, PASSWORD)).get(ADD)).statusCode, 200);
  });
});
