import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { asc, eq } from "drizzle-orm";
import { member } from "../../src/memberships/schema.ts";
import { todayIso } from "../../src/ui/time.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAdmin, makeOrganization, makePerson, PASSWORD } from "../helpers/factories.ts";
import { makeMember, makeMembership, memberRoleId } from "../helpers/membership-factories.ts";
import { formsetPost, membershipComments, versionsOf } from "./workflow-helpers.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
let alpha: Awaited<ReturnType<typeof makeOrganization>>;
let beta: Awaited<ReturnType<typeof makeOrganization>>;
let gamma: Awaited<ReturnType<typeof makeOrganization>>;
let main: number;
let signatory: number;

before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db, { personal: "Minerva" });
  alpha = await makeOrganization(t.db, { domain: "alpha.edu", fullname: "Alpha Organization" });
  beta = await makeOrganization(t.db, { domain: "beta.com", fullname: "Beta Organization" });
  gamma = await makeOrganization(t.db, { domain: "gamma.org", fullname: "Gamma Organization" });
  main = await memberRoleId(t.db, "main");
  signatory = await memberRoleId(t.db, "contract_signatory");
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const membersUrl = (id: number) => `/fiscal/membership/${id}/members/`;

async function membersOf(membershipId: number) {
  return t.db
    .select({ id: member.id, organizationId: member.organizationId, roleId: member.roleId })
    .from(member)
    .where(eq(member.membershipId, membershipId))
    .orderBy(asc(member.id));
}

async function post(membershipId: number, fields: Record<string, string>) {
  const client = await adminClient();
  return client.submit(membersUrl(membershipId), fields);
}

describe("the members page", () => {
  test("shows the stored members with the management fields, role options and the organisation lookup", async () => {
    const membership = await makeMembership(t.db, { name: "Shown", consortium: true });
    const row = await makeMember(t.db, {
      membershipId: membership.id,
      organizationId: alpha.id,
      role: "main",
    });
    const page = await (await adminClient()).get(membersUrl(membership.id));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: Change members for Shown Partner membership/);
    assert.match(page.body, /name="form-TOTAL_FORMS" value="2"/);
    assert.match(page.body, /name="form-INITIAL_FORMS" value="1"/);
    assert.match(page.body, new RegExp(`name="form-0-id" value="${row.id}"`));
    assert.match(page.body, new RegExp(`name="form-0-membership" value="${membership.id}"`));
    assert.match(page.body, /Alpha Organization &lt;alpha.edu(&gt;|>)/);
    assert.match(page.body, /data-lookup="\/select_lookups\/organizations\/"/);
    assert.match(page.body, /data-lookup="\/select_lookups\/member-roles\/"/);
    for (const label of ["Main Organisation", "Contract Signatory", "Workshop Coordinator"]) {
      assert.match(page.body, new RegExp(`>${label}</option>`));
    }
    assert.match(page.body, /name="form-0-DELETE"/);
    assert.match(page.body, /name="add_row"/);
  });

  test("offers no delete and no extra row for a non-consortium membership with its one member", async () => {
    const membership = await makeMembership(t.db);
    await makeMember(t.db, { membershipId: membership.id, organizationId: alpha.id });
    const page = await (await adminClient()).get(membersUrl(membership.id));
    assert.match(page.body, /name="form-TOTAL_FORMS" value="1"/);
    assert.doesNotMatch(page.body, /name="form-0-DELETE"/);
    assert.doesNotMatch(page.body, /name="add_row"/);
    assert.match(page.body, /lists exactly one organisation/);
  });

  test("answers 404 for a membership that does not exist", async () => {
    const response = await (await adminClient()).get(membersUrl(99999));
    assert.equal(response.statusCode, 404);
  });

  test("adds another blank row without saving when Add another is pressed", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const fields = formsetPost([{ organization: alpha.id, role: main, editable: true }], 0);
    const response = await post(membership.id, { ...fields, add_row: "1" });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /name="form-TOTAL_FORMS" value="2"/);
    assert.match(response.body, new RegExp(`<option value="${alpha.id}" selected>Alpha Organization`));
    assert.deepEqual(await membersOf(membership.id), []);
  });
});

describe("a non-consortium membership", () => {
  test("takes one organisation, then refuses a second (case 41)", async () => {
    const membership = await makeMembership(t.db);
    const first = await post(
      membership.id,
      formsetPost([{ membership: membership.id, organization: alpha.id, role: main, editable: true }], 0),
    );
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, `/fiscal/membership/${membership.id}/`);
    assert.deepEqual(
      (await membersOf(membership.id)).map((row) => row.organizationId),
      [alpha.id],
    );
    const second = await post(
      membership.id,
      formsetPost(
        [
          { organization: alpha.id, role: main, editable: true },
          { organization: beta.id, role: main, editable: true },
        ],
        0,
      ),
    );
    assert.equal(second.statusCode, 200);
    assert.match(second.body, /lists exactly one organisation/);
    assert.match(second.body, /Please fix errors in the form below\./);
    assert.equal((await membersOf(membership.id)).length, 1);
  });

  test("ignores a posted DELETE: its one member cannot be removed", async () => {
    const membership = await makeMembership(t.db);
    const row = await makeMember(t.db, { membershipId: membership.id, organizationId: alpha.id });
    const response = await post(
      membership.id,
      formsetPost([{ id: row.id, organization: alpha.id, role: main, delete: true }], 1),
    );
    assert.equal(response.statusCode, 303);
    assert.equal((await membersOf(membership.id)).length, 1);
  });

  test("replaces its organisation and says so in a comment by the admin", async () => {
    const membership = await makeMembership(t.db);
    const row = await makeMember(t.db, { membershipId: membership.id, organizationId: alpha.id });
    const response = await post(
      membership.id,
      formsetPost([{ id: row.id, organization: beta.id, role: main, editable: true }], 1),
    );
    assert.equal(response.statusCode, 303);
    assert.deepEqual(await membersOf(membership.id), [{ id: row.id, organizationId: beta.id, roleId: main }]);
    const comments = await membershipComments(t.db, membership.id);
    assert.equal(comments.length, 1);
    assert.equal(
      comments[0]?.comment,
      `Members changed on ${todayIso()}:\n\n- Replaced with Beta Organization <beta.com>`,
    );
    assert.equal(comments[0]?.userId, admin.id);
  });
});

describe("a consortium membership", () => {
  test("takes several organisations at once (case 43)", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const response = await post(
      membership.id,
      formsetPost(
        [
          { organization: alpha.id, role: main, editable: true },
          { organization: beta.id, role: main, editable: true },
          {},
        ],
        0,
      ),
    );
    assert.equal(response.statusCode, 303);
    assert.deepEqual(
      (await membersOf(membership.id)).map((row) => row.organizationId),
      [alpha.id, beta.id],
    );
    const comments = await membershipComments(t.db, membership.id);
    assert.equal(
      comments[0]?.comment,
      `Members changed on ${todayIso()}:\n\n- Added Alpha Organization <alpha.edu>\n- Added Beta Organization <beta.com>`,
    );
  });

  test("removes one member and adds another, with one dated comment listing both (case 45)", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const row = await makeMember(t.db, { membershipId: membership.id, organizationId: alpha.id });
    const response = await post(
      membership.id,
      formsetPost(
        [
          { id: row.id, organization: alpha.id, role: main, delete: true },
          { organization: beta.id, role: main, editable: true },
        ],
        1,
      ),
    );
    assert.equal(response.statusCode, 303);
    assert.deepEqual(
      (await membersOf(membership.id)).map((r) => r.organizationId),
      [beta.id],
    );
    const comments = await membershipComments(t.db, membership.id);
    assert.equal(comments.length, 1);
    const lines = comments[0]?.comment.split("\n") ?? [];
    assert.equal(lines[0], `Members changed on ${todayIso()}:`);
    assert.equal(lines[1], "");
    assert.deepEqual(lines.slice(2), [
      "- Added Beta Organization <beta.com>",
      "- Removed Alpha Organization <alpha.edu>",
    ]);
  });

  test("can remove every member", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const row = await makeMember(t.db, { membershipId: membership.id, organizationId: alpha.id });
    const response = await post(
      membership.id,
      formsetPost([{ id: row.id, organization: alpha.id, role: main, delete: true }], 1),
    );
    assert.equal(response.statusCode, 303);
    assert.deepEqual(await membersOf(membership.id), []);
  });

  test("changes nothing and comments nothing for an unchanged row without EDITABLE (case 47)", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const row = await makeMember(t.db, { membershipId: membership.id, organizationId: alpha.id });
    const response = await post(
      membership.id,
      formsetPost([{ id: row.id, organization: alpha.id, role: main }, {}], 1),
    );
    assert.equal(response.statusCode, 303);
    assert.deepEqual(await membersOf(membership.id), [
      { id: row.id, organizationId: alpha.id, roleId: main },
    ]);
    assert.deepEqual(await membershipComments(t.db, membership.id), []);
  });

  test("changes a member's role without a comment, as no organisation came, went or changed", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const row = await makeMember(t.db, { membershipId: membership.id, organizationId: alpha.id });
    const response = await post(
      membership.id,
      formsetPost([{ id: row.id, organization: alpha.id, role: signatory, editable: true }], 1),
    );
    assert.equal(response.statusCode, 303);
    assert.deepEqual(await membersOf(membership.id), [
      { id: row.id, organizationId: alpha.id, roleId: signatory },
    ]);
    assert.deepEqual(await membershipComments(t.db, membership.id), []);
  });

  test("records the new member rows in the history", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    await post(membership.id, formsetPost([{ organization: gamma.id, role: main, editable: true }], 0));
    const [row] = await membersOf(membership.id);
    const versions = await versionsOf(t.db, "workshops.member", row?.id ?? 0);
    assert.equal(versions.length, 1);
    assert.match(versions[0]?.objectRepr ?? "", /^Gamma Organization <gamma.org> in /);
  });
});

describe("the EDITABLE rule", () => {
  test("refuses a changed stored row not marked EDITABLE, and saves nothing", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const row = await makeMember(t.db, { membershipId: membership.id, organizationId: alpha.id });
    const response = await post(
      membership.id,
      formsetPost(
        [
          { id: row.id, organization: beta.id, role: main },
          { organization: gamma.id, role: main, editable: true },
        ],
        1,
      ),
    );
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Row 1: This row was changed but “Change” is not ticked/);
    assert.deepEqual(await membersOf(membership.id), [
      { id: row.id, organizationId: alpha.id, roleId: main },
    ]);
    assert.deepEqual(await membershipComments(t.db, membership.id), []);
  });

  test("refuses a new row posted without EDITABLE", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const response = await post(membership.id, formsetPost([{ organization: alpha.id, role: main }], 0));
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /This row was changed but “Change” is not ticked/);
    assert.deepEqual(await membersOf(membership.id), []);
  });

  test("deletes a row marked DELETE even when its other values are wrong", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const row = await makeMember(t.db, { membershipId: membership.id, organizationId: alpha.id });
    const response = await post(
      membership.id,
      formsetPost([{ id: row.id, organization: "nonsense", role: "", delete: true }], 1),
    );
    assert.equal(response.statusCode, 303);
    assert.deepEqual(await membersOf(membership.id), []);
  });
});

describe("row validation", () => {
  test("requires an organisation and a role on a new row", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const response = await post(membership.id, formsetPost([{ organization: alpha.id, editable: true }], 0));
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_form-0-role_errors"[^>]*><div>This field is required\./);
    assert.deepEqual(await membersOf(membership.id), []);
  });

  test("refuses an organisation or a role that does not exist", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const response = await post(
      membership.id,
      formsetPost(
        [
          { organization: 99999, role: main, editable: true },
          { organization: alpha.id, role: 99999, editable: true },
          { organization: "abc", role: main, editable: true },
        ],
        0,
      ),
    );
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="id_form-0-organization_errors"[^>]*><div>Select a valid choice/);
    assert.match(response.body, /id="id_form-1-role_errors"[^>]*><div>Select a valid choice/);
    assert.match(response.body, /id="id_form-2-organization_errors"[^>]*><div>Select a valid choice/);
    assert.deepEqual(await membersOf(membership.id), []);
  });

  test("refuses an organisation already holding the role in the membership", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const row = await makeMember(t.db, { membershipId: membership.id, organizationId: alpha.id });
    const response = await post(
      membership.id,
      formsetPost(
        [
          { id: row.id, organization: alpha.id, role: main },
          { organization: alpha.id, role: main, editable: true },
        ],
        1,
      ),
    );
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Row 2: This organisation already has this role in the membership\./);
    assert.equal((await membersOf(membership.id)).length, 1);
  });

  test("refuses the same organisation and role twice in one post, saving neither", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const response = await post(
      membership.id,
      formsetPost(
        [
          { organization: beta.id, role: main, editable: true },
          { organization: beta.id, role: main, editable: true },
        ],
        0,
      ),
    );
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Row 2: This organisation already has this role/);
    assert.deepEqual(await membersOf(membership.id), []);
  });

  test("accepts the same organisation twice with different roles", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const response = await post(
      membership.id,
      formsetPost(
        [
          { organization: beta.id, role: main, editable: true },
          { organization: beta.id, role: signatory, editable: true },
        ],
        0,
      ),
    );
    assert.equal(response.statusCode, 303);
    assert.equal((await membersOf(membership.id)).length, 2);
  });

  test("saves nothing when one row of several is wrong (all or nothing)", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const row = await makeMember(t.db, { membershipId: membership.id, organizationId: alpha.id });
    const response = await post(
      membership.id,
      formsetPost(
        [
          { id: row.id, organization: alpha.id, role: main, delete: true },
          { organization: beta.id, role: main, editable: true },
          { organization: 99999, role: main, editable: true },
        ],
        1,
      ),
    );
    assert.equal(response.statusCode, 200);
    assert.deepEqual(await membersOf(membership.id), [
      { id: row.id, organizationId: alpha.id, roleId: main },
    ]);
  });

  test("keeps what was typed when showing the errors", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const response = await post(membership.id, formsetPost([{ organization: gamma.id, role: main }], 0));
    assert.match(response.body, new RegExp(`<option value="${gamma.id}" selected>Gamma Organization`));
    assert.match(response.body, new RegExp(`<option value="${main}" selected>Main Organisation`));
  });
});

describe("posts that do not come from the page", () => {
  test("attaches a new row to the membership of the URL, whatever membership the row names", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const other = await makeMembership(t.db, { consortium: true });
    const response = await post(
      membership.id,
      formsetPost([{ membership: other.id, organization: alpha.id, role: main, editable: true }], 0),
    );
    assert.equal(response.statusCode, 303);
    assert.equal((await membersOf(membership.id)).length, 1);
    assert.deepEqual(await membersOf(other.id), []);
  });

  test("refuses to change or delete a member row of another membership", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const other = await makeMembership(t.db, { consortium: true });
    const foreign = await makeMember(t.db, { membershipId: other.id, organizationId: alpha.id });
    const response = await post(
      membership.id,
      formsetPost([{ id: foreign.id, organization: beta.id, role: main, editable: true }], 1),
    );
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /This row no longer exists/);
    const deleting = await post(
      membership.id,
      formsetPost([{ id: foreign.id, organization: alpha.id, role: main, delete: true }], 1),
    );
    assert.equal(deleting.statusCode, 303);
    assert.deepEqual(await membersOf(other.id), [{ id: foreign.id, organizationId: alpha.id, roleId: main }]);
  });

  test("refuses an absurd number of rows with a clear message", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const response = await post(membership.id, {
      ...formsetPost([{ organization: alpha.id, role: main, editable: true }], 0),
      "form-TOTAL_FORMS": "100000000",
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Too many rows: at most 1000 rows can be submitted at once\./);
    assert.deepEqual(await membersOf(membership.id), []);
  });

  test("refuses a post without management data", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const response = await post(membership.id, { "form-0-organization": String(alpha.id) });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /management data is missing or invalid/);
    assert.deepEqual(await membersOf(membership.id), []);
  });
});

describe("access", () => {
  test("sends an anonymous visitor to log in", async () => {
    const membership = await makeMembership(t.db);
    const response = await new Client(t.app).get(membersUrl(membership.id));
    assert.equal(response.statusCode, 302);
    assert.match(String(response.headers.location), /^\/account\/login\/\?next=/);
  });

  test("refuses an admin lacking one of the member permissions", async () => {
    const membership = await makeMembership(t.db, { consortium: true });
    const person = await makePerson(t.db, {
      groups: ["steering committee"],
      permissions: ["workshops.change_membership", "workshops.add_member", "workshops.change_member"],
    });
    const client = await new Client(t.app).logIn(person.username, PASSWORD);
    assert.equal((await client.get(membersUrl(membership.id))).statusCode, 403);
    const response = await client.submit(
      "/fiscal/memberships/",
      formsetPost([{ organization: alpha.id, role: main, editable: true }], 0),
      membersUrl(membership.id),
    );
    assert.equal(response.statusCode, 403);
    assert.deepEqual(await membersOf(membership.id), []);
  });

  test("lets an admin holding all four permissions in", async () => {
    const membership = await makeMembership(t.db);
    const person = await makePerson(t.db, {
      groups: ["steering committee"],
      permissions: [
        "workshops.change_membership",
        "workshops.add_member",
        "workshops.change_member",
        "workshops.delete_member",
      ],
    });
    const client = await new Client(t.app).logIn(person.username, PASSWORD);
    assert.equal((await client.get(membersUrl(membership.id))).statusCode, 200);
  });
});
