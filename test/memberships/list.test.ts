import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { todayIso } from "../../src/ui/time.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import {
  makeAdmin,
  makeEvent,
  makeOrganization,
  makePerson,
  makeTask,
  PASSWORD,
} from "../helpers/factories.ts";
import { makeMember, makeMembership } from "../helpers/membership-factories.ts";

const LIST = "/fiscal/memberships/";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
let a: Awaited<ReturnType<typeof makeMembership>>;
let b: Awaited<ReturnType<typeof makeMembership>>;

async function seatTasks(membershipId: number, count: number, seatPublic = true) {
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

before(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.db);
  const today = todayIso();
  const alpha = await makeOrganization(t.db, { domain: "alpha.edu", fullname: "Alpha Organization" });
  const beta = await makeOrganization(t.db, { domain: "beta.com", fullname: "Beta Organization" });
  // Case 71: A is current, consortium, public, bronze, financial, 1 public seat and 2 learners on it.
  a = await makeMembership(t.db, {
    name: "Listed A",
    consortium: true,
    publicStatus: "public",
    variant: "bronze",
    contributionType: "financial",
    agreementStart: today,
    agreementEnd: today,
    publicInstructorTrainingSeats: 1,
  });
  await makeMember(t.db, { membershipId: a.id, organizationId: alpha.id, role: "contract_signatory" });
  await seatTasks(a.id, 2);
  b = await makeMembership(t.db, {
    name: "Listed B",
    publicStatus: "private",
    variant: "silver",
    contributionType: "person-days",
    agreementStart: "2015-01-01",
    agreementEnd: "2016-01-01",
  });
  await makeMember(t.db, { membershipId: b.id, organizationId: beta.id });
  // Two member organisations both matching "shared": listed once, its seats counted once.
  const shared = await makeMembership(t.db, {
    name: "Listed Shared",
    consortium: true,
    variant: "gold",
    contributionType: "other",
    agreementStart: "2020-01-01",
    agreementEnd: "2020-12-31",
    inhouseInstructorTrainingSeats: 3,
  });
  for (const name of ["Shared One", "Shared Two"]) {
    const organization = await makeOrganization(t.db, { fullname: name });
    await makeMember(t.db, { membershipId: shared.id, organizationId: organization.id });
  }
  await seatTasks(shared.id, 1, false);
});
after(() => t.close());

const adminClient = () => new Client(t.app).logIn(admin.username, PASSWORD);
const namesIn = (html: string) =>
  [...html.matchAll(/<td><a href="\/fiscal\/membership\/\d+\/">([^<]+)<\/a><\/td>/g)].map((m) => m[1]);
/** The table row naming the membership. */
const rowOf = (html: string, name: string) =>
  html.split("<tr>").find((row) => row.includes(`>${name}</a>`)) ?? "";
const listed = async (query: string) => namesIn((await (await adminClient()).get(`${LIST}?${query}`)).body);

describe("the memberships list", () => {
  test("lists memberships by id with their organisations, variant, dates, contribution and remaining seats", async () => {
    const page = await (await adminClient()).get(LIST);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>AMY: All Memberships<\/title>/);
    assert.deepEqual(namesIn(page.body), ["Listed A", "Listed B", "Listed Shared"]);
    const rowB = rowOf(page.body, "Listed B");
    assert.match(rowB, /<td>No<\/td>/);
    assert.match(rowB, /<a href="\/fiscal\/organization\/beta.com\/">Beta Organization<\/a>/);
    assert.match(rowB, /<td>Silver<\/td>/);
    assert.match(rowB, /2015-01-01 — 2016-01-01/);
    assert.match(rowB, /<td>Person-days<\/td>/);
    assert.match(rowB, /<td>0<\/td>/);
    assert.match(rowB, new RegExp(`href="/fiscal/membership/${b.id}/edit/"`));
    assert.match(rowOf(page.body, "Listed A"), /<td>Yes<\/td>/);
  });

  test("highlights remaining seats below zero, or none left of a non-zero allowance", async () => {
    const page = await (await adminClient()).get(LIST);
    assert.match(rowOf(page.body, "Listed A"), /<td class="table-danger" data-seats-danger="true">-1<\/td>/);
    assert.doesNotMatch(rowOf(page.body, "Listed B"), /table-danger/);
    assert.match(rowOf(page.body, "Listed Shared"), /<td>2<\/td>/);
  });
});

describe("filtering the memberships list", () => {
  test("organization_name matches part of any member organisation's name, ignoring case", async () => {
    assert.deepEqual(await listed("organization_name=alpha"), ["Listed A"]);
    assert.deepEqual(await listed("organization_name=ORGANIZATION"), ["Listed A", "Listed B"]);
  });

  test("organization_name lists a membership once and keeps its seat count when several organisations match", async () => {
    const page = await (await adminClient()).get(`${LIST}?organization_name=shared&items_per_page=1`);
    assert.deepEqual(namesIn(page.body), ["Listed Shared"]);
    assert.doesNotMatch(page.body, /Page 1 of/, "one membership in all, so one page");
    assert.match(rowOf(page.body, "Listed Shared"), /<td>2<\/td>/);
  });

  test("consortium is tri-state: true, false, or anything else for no filtering", async () => {
    assert.deepEqual(await listed("consortium=true"), ["Listed A", "Listed Shared"]);
    assert.deepEqual(await listed("consortium=True"), ["Listed A", "Listed Shared"]);
    assert.deepEqual(await listed("consortium=2"), ["Listed A", "Listed Shared"]);
    assert.deepEqual(await listed("consortium=false"), ["Listed B"]);
    assert.deepEqual(await listed("consortium=3"), ["Listed B"]);
    assert.deepEqual(await listed("consortium=maybe"), ["Listed A", "Listed B", "Listed Shared"]);
  });

  test("public_status, variant and contribution_type match exactly", async () => {
    assert.deepEqual(await listed("public_status=public"), ["Listed A"]);
    assert.deepEqual(await listed("public_status=private"), ["Listed B", "Listed Shared"]);
    assert.deepEqual(await listed("variant=silver"), ["Listed B"]);
    assert.deepEqual(await listed("variant="), ["Listed A", "Listed B", "Listed Shared"]);
    assert.deepEqual(await listed("contribution_type=other"), ["Listed Shared"]);
  });

  test("ignores a value that is not a choice and says so beside the field", async () => {
    const page = await (await adminClient()).get(`${LIST}?variant=diamond&order_by=name`);
    assert.equal(page.statusCode, 200);
    assert.equal(page.body.match(/This is not one of the choices/g)?.length, 2);
    assert.deepEqual(namesIn(page.body), ["Listed A", "Listed B", "Listed Shared"]);
  });

  test("active_only keeps memberships running today", async () => {
    assert.deepEqual(await listed("active_only=on"), ["Listed A"]);
  });

  test("training_seats_only keeps memberships with seats allowed", async () => {
    assert.deepEqual(await listed("training_seats_only=true"), ["Listed A", "Listed Shared"]);
  });

  test("negative_remaining_seats_only keeps memberships that used more seats than they have", async () => {
    assert.deepEqual(await listed("negative_remaining_seats_only=on"), ["Listed A"]);
  });
});

describe("ordering the memberships list", () => {
  test("by agreement start, either way", async () => {
    assert.deepEqual(await listed("order_by=agreement_start"), ["Listed B", "Listed Shared", "Listed A"]);
    assert.deepEqual(await listed("order_by=-agreement_start"), ["Listed A", "Listed Shared", "Listed B"]);
  });

  test("by agreement end", async () => {
    assert.deepEqual(await listed("order_by=-agreement_end"), ["Listed A", "Listed Shared", "Listed B"]);
  });

  test("by remaining seats, fewest first (case 73)", async () => {
    assert.deepEqual(await listed("order_by=instructor_training_seats_remaining"), [
      "Listed A",
      "Listed B",
      "Listed Shared",
    ]);
    assert.deepEqual(await listed("order_by=-instructor_training_seats_remaining"), [
      "Listed Shared",
      "Listed B",
      "Listed A",
    ]);
  });

  test("by several fields, comma-separated", async () => {
    assert.deepEqual(await listed("order_by=-instructor_training_seats_remaining,agreement_start"), [
      "Listed Shared",
      "Listed B",
      "Listed A",
    ]);
  });
});

describe("paging the memberships list", () => {
  test("shows items_per_page rows, keeping the filters in the page links", async () => {
    const page = await (await adminClient()).get(`${LIST}?consortium=true&items_per_page=1&page=2`);
    assert.deepEqual(namesIn(page.body), ["Listed Shared"]);
    assert.match(page.body, /Page 2 of 2/);
    assert.match(
      page.body,
      /href="\/fiscal\/memberships\/\?consortium=true&amp;items_per_page=1&amp;page=1"/,
    );
  });

  test("a page past the end shows the last page", async () => {
    assert.deepEqual(await listed("items_per_page=2&page=9"), ["Listed Shared"]);
  });

  test("items_per_page=all shows everything, and a value below 1 means 25", async () => {
    assert.deepEqual(await listed("items_per_page=all"), ["Listed A", "Listed B", "Listed Shared"]);
    assert.deepEqual(await listed("items_per_page=0"), ["Listed A", "Listed B", "Listed Shared"]);
    assert.deepEqual(await listed("items_per_page=-3"), ["Listed A", "Listed B", "Listed Shared"]);
    assert.deepEqual(await listed("items_per_page=all&variant=titanium"), []);
  });
});

describe("who may use the memberships list", () => {
  test("sends anonymous visitors to log in", async () => {
    const response = await new Client(t.app).get(LIST);
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, "/account/login/?next=%2Ffiscal%2Fmemberships%2F");
  });

  test("refuses people who are not admins", async () => {
    const member = await makePerson(t.db);
    const response = await (await new Client(t.app).logIn(member.username, PASSWORD)).get(LIST);
    assert.equal(response.statusCode, 403);
  });

  test("offers New membership and Edit only to those who may add and change memberships", async () => {
    const viewer = await makePerson(t.db, { groups: ["steering committee"] });
    const page = await (await new Client(t.app).logIn(viewer.username, PASSWORD)).get(LIST);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<button type="button" class="btn btn-success" disabled[^>]*>New membership/);
    assert.doesNotMatch(page.body, /\/edit\/"/);
    const adminPage = await (await adminClient()).get(LIST);
    assert.match(
      adminPage.body,
      /<a class="btn btn-success" href="\/fiscal\/memberships\/add\/">New membership/,
    );
  });
});
