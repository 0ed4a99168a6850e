import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Client, startTestApp, type TestApp } from "../../helpers/app.ts";
import { makeAdmin, makeOrganization, makePerson, PASSWORD } from "../../helpers/factories.ts";
import {
  makeAccount,
  makeAccountBenefit,
  makeBenefit,
  makeEventCategory,
} from "../../helpers/membership-factories.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
let pages: string[];
before(async () => {
  t = await startTestApp({ AMY_SERVICE_OFFERING: "false" });
  admin = await makeAdmin(t.db);
  const acc = await makeAccount(t.db, { organizationId: (await makeOrganization(t.db)).id });
  const benefit = await makeBenefit(t.db);
  const ab = await makeAccountBenefit(t.db, { accountId: acc.id, benefitId: benefit.id });
  const category = await makeEventCategory(t.db);
  pages = [
    "/offering/accounts/",
    "/offering/accounts/create/",
    `/offering/accounts/${acc.id}/`,
    `/offering/accounts/${acc.id}/edit/`,
    `/offering/accounts/${acc.id}/owners/`,
    "/offering/benefits/",
    "/offering/benefits/create/",
    `/offering/benefits/${benefit.id}/`,
    `/offering/benefits/${benefit.id}/edit/`,
    "/offering/account-benefits/",
    "/offering/account-benefits/create/",
    `/offering/account-benefits/${ab.id}/`,
    `/offering/account-benefits/${ab.id}/edit/`,
    "/offering/event-categories/",
    "/offering/event-categories/create/",
    `/offering/event-categories/${category.id}/`,
    `/offering/event-categories/${category.id}/edit/`,
  ];
});
after(() => t.close());

test("with the service offering off, every offering page answers 404 to an admin", async () => {
  const client = await new Client(t.app).logIn(admin.username, PASSWORD);
  for (const page of pages) assert.equal((await client.get(page)).statusCode, 404, page);
});

test("with the service offering off, posts and deletes answer 404 too and change nothing", async () => {
  const client = await new Client(t.app).logIn(admin.username, PASSWORD);
  const response = await client.submit(
    "/account/login/",
    { name: "X", description: "Y" },
    "/offering/event-categories/create/",
  );
  assert.equal(response.statusCode, 404);
  for (const page of pages.filter((path) => /[0-9a-f-]{36}\/$/.test(path))) {
    const deleted = await client.submit("/account/login/", {}, `${page}delete/`);
    assert.equal(deleted.statusCode, 404, page);
  }
  assert.equal((await client.get("/offering/event-categories/")).statusCode, 404);
});

test("the admin check still comes first: anonymous visitors log in, plain users get 403", async () => {
  const anonymous = await new Client(t.app).get("/offering/accounts/");
  assert.equal(anonymous.statusCode, 302);
  assert.equal(anonymous.headers.location, "/account/login/?next=%2Foffering%2Faccounts%2F");
  const plain = await makePerson(t.db);
  const client = await new Client(t.app).logIn(plain.username, PASSWORD);
  assert.equal((await client.get("/offering/benefits/")).statusCode, 403);
});
