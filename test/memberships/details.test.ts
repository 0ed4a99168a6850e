import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { todayIso } from "../../src/ui/time.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import {
  makeAdmin,
  makeAward,
  makeEvent,
  makeOrganization,
  makePerson,
  makeTask,
  PASSWORD,
} from "../helpers/factories.ts";
import { makeMember, makeMembership, makeMembershipTask } from "../helpers/membership-factories.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
const today = todayIso();
/** Today plus (or minus) some days, as YYYY-MM-DD. */
const T = (days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const pageOf = async (id: number) => (await (await adminClient()).get(`/fiscal/membership/${id}/`)).body;

/** The text of a figure cell, without its notes. */
function figure(html: string, name: string): string {
  const match = new RegExp(`data-figure="${name}"[^>]*>([^<]*)`).exec(html);
  assert.ok(match, `figure ${name} is shown`);
  return (match[1] ?? "").trim();
}

async function centralEvents(membershipId: number, starts: string[], tags: string[] = []) {
  for (const start of starts) {
    await makeEvent(t.db, {
      membershipId,
      administratorDomain: "datacarpentry.org",
      start,
      end: start,
      tags,
    });
  }
}

async function learners(membershipId: number, count: number, seatPublic: boolean) {
  const event = await makeEvent(t.db);
  for (let i = 0; i < count; i++) {
    const person = await makePerson(t.db);
    await makeTask(t.db, {
      personId: person.id,
      eventId: event.id,
      role: "learner",
      seatMembershipId: membershipId,
      seatPublic,
    });
  }
}

describe("the membership page", () => {
  test("shows the membership's facts, members with their roles and persons", async () => {
    const m = await makeMembership(t.db, {
      name: "Facts",
      variant: "gold",
      consortium: true,
      publicStatus: "public",
      agreementStart: "2024-01-01",
      agreementEnd: "2025-01-30",
      extensions: [10, 20],
      contributionType: "person-days",
      registrationCode: "FACTS-1",
      agreementLink: "https://example.org/facts",
      emergencyContact: "Ring the bell",
    });
    const beta = await makeOrganization(t.db, { domain: "beta.com", fullname: "Beta Organization" });
    const alpha = await makeOrganization(t.db, { domain: "alpha.edu", fullname: "Alpha Organization" });
    await makeMember(t.db, { membershipId: m.id, organizationId: beta.id, role: "workshop_coordinator" });
    await makeMember(t.db, { membershipId: m.id, organizationId: alpha.id, role: "contract_signatory" });
    const zed = await makePerson(t.db, { personal: "Zed", family: "Zulu", email: "zed@example.org" });
    const ann = await makePerson(t.db, { personal: "Ann", family: "Able", email: null });
    await makeMembershipTask(t.db, { membershipId: m.id, personId: zed.id, role: "billing_contact" });
    await makeMembershipTask(t.db, { membershipId: m.id, personId: ann.id, role: "programmatic_contact" });

    const html = await pageOf(m.id);
    assert.match(
      html,
      /<title>AMY: Facts Gold membership Jan 01, 2024 - Jan 30, 2025 \(consortium\)<\/title>/,
    );
    const alphaAt = html.indexOf("Alpha Organization &lt;alpha.edu></a> (role: Contract Signatory)");
    const betaAt = html.indexOf("Beta Organization &lt;beta.com></a> (role: Workshop Coordinator)");
    assert.ok(alphaAt > 0 && betaAt > alphaAt, "members by organisation name, with their roles");
    const annAt = html.indexOf("Ann Able</a> (role: Programmatic Contact)");
    const zedAt = html.indexOf("Zed Zulu &lt;zed@example.org></a> (role: Billing Contact)");
    assert.ok(annAt > 0 && zedAt > annAt, "persons by family name, with their roles");
    assert.match(html, /<td[^>]*>Public<\/td>/);
    assert.match(html, /<td[^>]*>Gold<\/td>/);
    assert.match(html, /<td[^>]*>Person-days<\/td>/);
    assert.match(html, /<td[^>]*>FACTS-1<\/td>/);
    assert.match(html, /<a href="https:\/\/example.org\/facts">/);
    assert.match(html, /Extensions: <span>10 days<\/span><span>, 20 days<\/span>; 30 days in all./);
    assert.match(html, /<pre class="mb-0">Ring the bell<\/pre>/);
    assert.match(html, new RegExp(`href="/fiscal/membership/${m.id}/members/"`));
    assert.match(html, new RegExp(`href="/fiscal/membership/${m.id}/tasks/"`));
  });

  test("says when there are no organisations, persons, seats or events", async () => {
    const m = await makeMembership(t.db);
    const html = await pageOf(m.id);
    assert.match(html, /No organisations./);
    assert.match(html, /No persons added./);
    assert.match(html, /No seats have been used./);
    assert.match(html, /No events./);
    assert.match(html, /<th scope="row" class="w-25">Emergency contact<\/th><td>—<\/td>/);
  });

  test("links to the membership it was rolled over from and to (case 39)", async () => {
    const next = await makeMembership(t.db, { name: "Second" });
    const first = await makeMembership(t.db, { name: "First", rolledToMembershipId: next.id });
    assert.match(
      await pageOf(first.id),
      new RegExp(`Rolled over to <a class="alert-link" href="/fiscal/membership/${next.id}/">Second Partner`),
    );
    assert.match(
      await pageOf(next.id),
      new RegExp(
        `Rolled over from <a class="alert-link" href="/fiscal/membership/${first.id}/">First Partner`,
      ),
    );
  });

  test("shows a membership with everything attached at once", async () => {
    const next = await makeMembership(t.db, { name: "Later" });
    const m = await makeMembership(t.db, { name: "Busy", rolledToMembershipId: next.id });
    const first = await makeMembership(t.db, { name: "Earlier", rolledToMembershipId: m.id });
    const zeta = await makeOrganization(t.db, { fullname: "Zeta Institute" });
    const eta = await makeOrganization(t.db, { fullname: "Eta College" });
    await makeMember(t.db, { membershipId: m.id, organizationId: zeta.id, role: "main" });
    await makeMember(t.db, { membershipId: m.id, organizationId: eta.id, role: "workshop_coordinator" });
    const luna = await makePerson(t.db, { personal: "Luna", family: "Lovegood", email: null });
    const neville = await makePerson(t.db, { personal: "Neville", family: "Longbottom" });
    await makeMembershipTask(t.db, { membershipId: m.id, personId: luna.id, role: "programmatic_contact" });
    await makeMembershipTask(t.db, { membershipId: m.id, personId: neville.id, role: "billing_contact" });
    const training = await makeEvent(t.db, { slug: "2026-05-01-ttt-busy", start: "2026-05-01" });
    await makeTask(t.db, {
      personId: luna.id,
      eventId: training.id,
      role: "learner",
      seatMembershipId: m.id,
    });
    await makeTask(t.db, { personId: neville.id, eventId: training.id, seatMembershipId: m.id });
    await makeAward(t.db, { personId: neville.id, badge: "dc-instructor", awarded: "2026-06-01" });
    await makeEvent(t.db, {
      membershipId: m.id,
      slug: "2026-04-01-busy-online",
      start: "2026-04-01",
      tags: ["online"],
    });
    await makeEvent(t.db, { membershipId: m.id, slug: "2026-03-01-busy", start: "2026-03-01" });

    const html = await pageOf(m.id);
    assert.match(
      html,
      new RegExp(
        `Rolled over from <a class="alert-link" href="/fiscal/membership/${first.id}/">Earlier Partner`,
      ),
    );
    assert.match(
      html,
      new RegExp(`Rolled over to <a class="alert-link" href="/fiscal/membership/${next.id}/">Later Partner`),
    );
    const etaAt = html.indexOf("Eta College &lt;");
    const zetaAt = html.indexOf("Zeta Institute &lt;");
    assert.ok(etaAt > 0 && zetaAt > etaAt, "members by organisation name");
    assert.match(html, /Eta College &lt;[^<]*<\/a> \(role: Workshop Coordinator\)/);
    assert.match(html, /Zeta Institute &lt;[^<]*<\/a> \(role: Main Organisation\)/);
    const nevilleAt = html.indexOf("Neville Longbottom &lt;");
    const lunaAt = html.indexOf("Luna Lovegood</a> (role: Programmatic Contact)");
    assert.ok(nevilleAt > 0 && lunaAt > nevilleAt, "persons by family name, with their roles");
    const rows = html.split("<tr>");
    const lunaSeat = rows.find((row) => row.includes("2026-05-01-ttt-busy") && row.includes("Luna")) ?? "";
    assert.match(lunaSeat, /<td>—<\/td>\s*<td>Public seat<\/td>/);
    const nevilleSeat =
      rows.find((row) => row.includes("2026-05-01-ttt-busy") && row.includes("Neville")) ?? "";
    assert.match(nevilleSeat, /\(instructor\)/);
    assert.match(
      nevilleSeat,
      /<span class="badge text-bg-secondary me-1">Data Carpentry Instructor 2026-06-01<\/span>/,
    );
    const online = rows.find((row) => row.includes("2026-04-01-busy-online")) ?? "";
    assert.match(online, /online<\/span>/);
    assert.match(online, /<td>2026-04-01<\/td>/);
    const newerAt = html.indexOf(">2026-04-01-busy-online<");
    const olderAt = html.indexOf(">2026-03-01-busy<");
    assert.ok(newerAt > 0 && olderAt > newerAt, "events newest first");
    assert.match(
      html,
      /disabled title="This membership has already been rolled over">Create new &amp; roll-over/,
    );
  });

  test("answers 404 for a membership that does not exist (case 7)", async () => {
    const client = await adminClient();
    assert.equal((await client.get("/fiscal/membership/99999/")).statusCode, 404);
    assert.equal((await client.get("/fiscal/membership/abc/")).statusCode, 404);
    assert.equal((await client.get("/fiscal/membership/99999/edit/")).statusCode, 404);
  });
});

describe("the membership page's workshop figures", () => {
  test("counts central workshops by start date, never cancelled ones or beyond the allowance (case 31)", async () => {
    const m = await makeMembership(t.db, {
      agreementStart: T(-180),
      agreementEnd: T(180),
      workshopsWithoutAdminFeePerAgreement: 10,
    });
    await centralEvents(m.id, [-180, -150, -120, -90, -60, -30, 0, 30, 60, 90].map(T));
    await centralEvents(m.id, [T(-181), T(181)]);
    await centralEvents(
      m.id,
      Array.from({ length: 10 }, (_, i) => T(i - 5)),
      ["cancelled"],
    );
    for (let i = 0; i < 10; i++) {
      await makeEvent(t.db, {
        membershipId: m.id,
        administratorDomain: "self-organized",
        start: T(i < 6 ? -10 : 10),
      });
    }
    const html = await pageOf(m.id);
    assert.equal(figure(html, "workshops-allowed"), "10");
    assert.equal(figure(html, "workshops-completed"), "7");
    assert.equal(figure(html, "workshops-planned"), "3");
    assert.equal(figure(html, "workshops-remaining"), "—");
    assert.equal(figure(html, "discounted-completed"), "—");
    assert.equal(figure(html, "discounted-planned"), "—");
    assert.equal(figure(html, "self-organized-completed"), "6");
    assert.equal(figure(html, "self-organized-planned"), "4");
  });

  test("takes what was rolled over from the allowance and counts the rest as discounted (worked example)", async () => {
    const m = await makeMembership(t.db, {
      workshopsWithoutAdminFeePerAgreement: 10,
      workshopsWithoutAdminFeeRolledFromPrevious: 2,
      workshopsWithoutAdminFeeRolledOver: 5,
    });
    await centralEvents(
      m.id,
      Array.from({ length: 10 }, (_, i) => T(-1 - i)),
    );
    const html = await pageOf(m.id);
    assert.match(
      html,
      /data-figure="workshops-allowed">12<span class="small text-body-secondary"> \(includes 2 rolled from previous\)/,
    );
    assert.equal(figure(html, "workshops-completed"), "7");
    assert.equal(figure(html, "discounted-completed"), "3");
    assert.match(
      html,
      /data-figure="workshops-remaining">—<span class="small text-body-secondary"> \(5 were rolled over\)/,
    );
  });

  test("shows what remains once completed and planned workshops are counted", async () => {
    const m = await makeMembership(t.db, {
      workshopsWithoutAdminFeePerAgreement: 10,
      workshopsWithoutAdminFeeRolledFromPrevious: 2,
      workshopsWithoutAdminFeeRolledOver: 5,
    });
    await centralEvents(m.id, [T(-3), T(-2), T(2), T(3)]);
    await centralEvents(m.id, [T(-4), T(4)], ["cancelled"]);
    await makeEvent(t.db, { membershipId: m.id, start: T(-4) });
    await makeEvent(t.db, { membershipId: m.id, start: T(4) });
    const html = await pageOf(m.id);
    assert.equal(figure(html, "workshops-completed"), "2");
    assert.equal(figure(html, "workshops-planned"), "2");
    assert.equal(figure(html, "workshops-remaining"), "3");
    assert.equal(figure(html, "self-organized-completed"), "1");
    assert.equal(figure(html, "self-organized-planned"), "1");
  });

  test("counts planned workshops beyond the allowance as discounted (case 33)", async () => {
    const m = await makeMembership(t.db, { workshopsWithoutAdminFeePerAgreement: 7 });
    await centralEvents(
      m.id,
      Array.from({ length: 10 }, () => T(1)),
    );
    const html = await pageOf(m.id);
    assert.equal(figure(html, "workshops-planned"), "7");
    assert.equal(figure(html, "discounted-planned"), "3");
    assert.equal(figure(html, "workshops-remaining"), "—");
  });

  test("never counts a stalled workshop (case 35)", async () => {
    const m = await makeMembership(t.db, { workshopsWithoutAdminFeePerAgreement: 2 });
    await centralEvents(m.id, [T(-1), T(1)], ["stalled"]);
    const html = await pageOf(m.id);
    assert.equal(figure(html, "workshops-completed"), "—");
    assert.equal(figure(html, "workshops-planned"), "—");
    assert.equal(figure(html, "workshops-remaining"), "2");
  });
});

describe("the membership page's seat figures", () => {
  test("adds additional and rolled-in seats and takes used and rolled-over ones away (case 37)", async () => {
    const m = await makeMembership(t.db, {
      publicInstructorTrainingSeats: 6,
      additionalPublicInstructorTrainingSeats: 4,
      publicInstructorTrainingSeatsRolledFromPrevious: 2,
      publicInstructorTrainingSeatsRolledOver: 5,
      inhouseInstructorTrainingSeats: 2,
      additionalInhouseInstructorTrainingSeats: 5,
      inhouseInstructorTrainingSeatsRolledFromPrevious: 3,
      inhouseInstructorTrainingSeatsRolledOver: 3,
    });
    await learners(m.id, 5, true);
    await learners(m.id, 5, false);
    const html = await pageOf(m.id);
    assert.match(
      html,
      /data-figure="public-seats-allowed">12<span[^>]*> \(includes 4 additional\)<\/span><span[^>]*> \(includes 2 rolled from previous\)/,
    );
    assert.equal(figure(html, "public-seats-utilized"), "5");
    assert.match(html, /data-figure="public-seats-remaining">2<span[^>]*> \(5 were rolled over\)/);
    assert.equal(figure(html, "inhouse-seats-allowed"), "10");
    assert.equal(figure(html, "inhouse-seats-utilized"), "5");
    assert.equal(figure(html, "inhouse-seats-remaining"), "2");
    assert.doesNotMatch(html, /table-danger/);
  });

  test("highlights remaining seats when none are left, and lists every seat task with the awards", async () => {
    const m = await makeMembership(t.db, { publicInstructorTrainingSeats: 1 });
    const event = await makeEvent(t.db, { slug: "2026-03-01-ttt-seats" });
    const hermione = await makePerson(t.db, {
      personal: "Hermione",
      family: "Granger",
      email: "hg@example.org",
    });
    await makeTask(t.db, {
      personId: hermione.id,
      eventId: event.id,
      role: "learner",
      seatMembershipId: m.id,
    });
    await makeAward(t.db, { personId: hermione.id, badge: "swc-instructor", awarded: "2026-04-01" });
    const ron = await makePerson(t.db, { personal: "Ron", family: "Weasley" });
    await makeTask(t.db, {
      personId: ron.id,
      eventId: event.id,
      role: "learner",
      seatMembershipId: m.id,
      seatPublic: false,
    });
    const html = await pageOf(m.id);
    assert.match(
      html,
      /data-figure="public-seats-remaining" class="table-danger" data-seats-danger="true">0/,
    );
    assert.match(
      html,
      /data-figure="inhouse-seats-remaining" class="table-danger" data-seats-danger="true">-1/,
    );
    const hermioneRow = html.split("<tr>").find((row) => row.includes("Hermione Granger")) ?? "";
    assert.match(hermioneRow, /href="\/workshops\/event\/2026-03-01-ttt-seats\/"/);
    assert.match(hermioneRow, /<span class="badge text-bg-secondary me-1">[^<]+ 2026-04-01<\/span>/);
    assert.match(hermioneRow, /<td>Public seat<\/td>/);
    const ronRow = html.split("<tr>").find((row) => row.includes("Ron Weasley")) ?? "";
    assert.match(ronRow, /<td>In-house seat<\/td>/);
  });
});

describe("the membership page's events", () => {
  test("lists every event of the membership, cancelled ones too, with tags", async () => {
    const m = await makeMembership(t.db);
    await makeEvent(t.db, { membershipId: m.id, slug: "2026-02-02-kept" });
    await makeEvent(t.db, { membershipId: m.id, slug: "2026-02-03-gone", tags: ["cancelled"] });
    const html = await pageOf(m.id);
    assert.match(html, /<a href="\/workshops\/event\/2026-02-02-kept\/">2026-02-02-kept<\/a>/);
    const cancelled = html.split("<tr>").find((row) => row.includes("2026-02-03-gone")) ?? "";
    assert.match(cancelled, /cancelled<\/span>/);
  });
});

describe("the membership page's buttons", () => {
  test("lets an admin with every permission edit, extend, roll over and delete", async () => {
    const m = await makeMembership(t.db);
    const html = await pageOf(m.id);
    for (const action of ["edit", "extend", "roll-over"]) {
      assert.match(
        html,
        new RegExp(`<a class="btn btn-[a-z]+" href="/fiscal/membership/${m.id}/${action}/">`),
      );
    }
    assert.match(
      html,
      new RegExp(`<form method="post" action="/fiscal/membership/${m.id}/delete/" data-confirm="Delete `),
    );
    assert.match(html, /<button type="submit" class="btn btn-danger">Delete<\/button>/);
  });

  test("disables roll-over once the membership has a successor", async () => {
    const next = await makeMembership(t.db);
    const m = await makeMembership(t.db, { rolledToMembershipId: next.id });
    const html = await pageOf(m.id);
    assert.doesNotMatch(html, /roll-over\/"/);
    assert.match(
      html,
      /disabled title="This membership has already been rolled over">Create new &amp; roll-over/,
    );
  });

  test("disables what a viewer may not do", async () => {
    const m = await makeMembership(t.db);
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const html = (
      await (await new Client(t.app).logIn(viewer.username, PASSWORD)).get(`/fiscal/membership/${m.id}/`)
    ).body;
    assert.match(html, /disabled title="You may not change memberships">Edit/);
    assert.match(html, /disabled title="You may not change memberships">Extend/);
    assert.match(
      html,
      /disabled title="You need the permissions to add and to change memberships">Create new/,
    );
    assert.match(html, /class="btn btn-danger" disabled title="You may not delete memberships">Delete/);
  });

  test("needs both add_membership and change_membership to roll over", async () => {
    const m = await makeMembership(t.db);
    const changer = await makePerson(t.db, {
      groups: ["invoicing"],
      permissions: ["workshops.change_membership"],
    });
    const html = (
      await (await new Client(t.app).logIn(changer.username, PASSWORD)).get(`/fiscal/membership/${m.id}/`)
    ).body;
    assert.match(html, new RegExp(`href="/fiscal/membership/${m.id}/edit/"`));
    assert.doesNotMatch(html, /roll-over\/"/);
  });
});

describe("the membership page's history and comments", () => {
  test("takes comments, which lead back to the membership", async () => {
    const m = await makeMembership(t.db);
    const client = await adminClient();
    const page = await client.get(`/fiscal/membership/${m.id}/`);
    assert.match(page.body, /No changes recorded yet./);
    const { csrfTokenIn } = await import("../helpers/app.ts");
    const response = await client.post("/comments/post/", {
      csrfmiddlewaretoken: csrfTokenIn(page.body),
      content_type: "workshops.membership",
      object_pk: String(m.id),
      comment: "A note on the membership",
      next: `/fiscal/membership/${m.id}/#comments`,
    });
    assert.equal(response.statusCode, 303);
    assert.match(String(response.headers.location), new RegExp(`^/fiscal/membership/${m.id}/`));
    assert.match(await pageOf(m.id), /A note on the membership/);
  });
});

describe("who may see a membership", () => {
  test("sends anonymous visitors to log in and refuses people who are not admins", async () => {
    const m = await makeMembership(t.db);
    const anonymous = await new Client(t.app).get(`/fiscal/membership/${m.id}/`);
    assert.equal(anonymous.statusCode, 302);
    assert.match(String(anonymous.headers.location), /^\/account\/login\/\?next=/);
    const member = await makePerson(t.db);
    const response = await (await new Client(t.app).logIn(member.username, PASSWORD)).get(
      `/fiscal/membership/${m.id}/`,
    );
    assert.equal(response.statusCode, 403);
  });
});
