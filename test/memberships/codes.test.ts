import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Database } from "../../src/db/client.ts";
import {
  accountBenefitCodeValid,
  accountBenefitFromCode,
  anyMemberCodeValid,
  anyMemberCodeValidTraining,
  codeConflictMessage,
  membershipCodeValid,
  membershipCodeValidTraining,
  membershipFromCode,
  partnershipCodeValid,
  partnershipFromCode,
  registrationCodeUses,
} from "../../src/memberships/codes.ts";
import { testDatabase } from "../helpers/database.ts";
import { makeEvent, makePerson, makeTask } from "../helpers/factories.ts";
import {
  makeAccountBenefit,
  makeBenefit,
  makeMembership,
  makePartnership,
} from "../helpers/membership-factories.ts";

let database: Database;
const db = () => database.db;
// Codes are unique per table across the whole test database: make each one distinct.
const code = (name: string) => `${name}-${process.pid}`;

before(async () => {
  database = await testDatabase();
});
after(async () => {
  await database.close();
});

async function learnerSeat(membershipId: number) {
  const person = await makePerson(db());
  const event = await makeEvent(db(), { tags: ["TTT"] });
  await makeTask(db(), {
    personId: person.id,
    eventId: event.id,
    role: "learner",
    seatMembershipId: membershipId,
  });
}

describe("who uses a registration code", () => {
  let membershipId: number;
  let partnershipId: number;
  let accountBenefitId: string;

  before(async () => {
    const shared = code("SHARED");
    // The database keeps codes unique per table only; data older than the cross-table rule may share one.
    membershipId = (await makeMembership(db(), { name: "Alpha", registrationCode: shared })).id;
    const p = await makePartnership(db(), { name: "Beta", registrationCode: shared });
    partnershipId = p.id;
    const benefit = await makeBenefit(db(), { name: "Seats" });
    accountBenefitId = (
      await makeAccountBenefit(db(), {
        accountId: p.accountId,
        partnershipId: p.id,
        benefitId: benefit.id,
        registrationCode: shared,
      })
    ).id;
  });

  test("finds the membership, partnership and account benefit with the exact code, with their names", async () => {
    const uses = await registrationCodeUses(db(), code("SHARED"));
    assert.equal(uses.membership?.id, membershipId);
    assert.match(uses.membership?.display ?? "", /^Alpha Partner membership /);
    assert.equal(uses.partnership?.id, partnershipId);
    assert.match(uses.partnership?.display ?? "", /^Beta \(No Tier\) partnership /);
    assert.equal(uses.accountBenefit?.id, accountBenefitId);
    assert.match(
      uses.accountBenefit?.display ?? "",
      /Account Benefit "Seats" \(seat, 1 credits\) for "Beta /,
    );
  });

  test("leaves out the record being edited", async () => {
    const shared = code("SHARED");
    assert.equal(
      (await registrationCodeUses(db(), shared, { kind: "membership", id: membershipId })).membership,
      undefined,
    );
    assert.equal(
      (await registrationCodeUses(db(), shared, { kind: "partnership", id: partnershipId })).partnership,
      undefined,
    );
    const uses = await registrationCodeUses(db(), shared, { kind: "accountBenefit", id: accountBenefitId });
    assert.equal(uses.accountBenefit, undefined);
    assert.ok(uses.membership && uses.partnership);
  });

  test("matches case-sensitively, and never matches an empty code", async () => {
    assert.deepEqual(await registrationCodeUses(db(), code("shared")), {});
    assert.deepEqual(await registrationCodeUses(db(), ""), {});
    assert.equal(await membershipFromCode(db(), ""), undefined);
    assert.equal(await partnershipFromCode(db(), ""), undefined);
    assert.equal(await accountBenefitFromCode(db(), ""), undefined);
  });

  test("gets each kind of record from its code", async () => {
    assert.equal((await membershipFromCode(db(), code("SHARED")))?.id, membershipId);
    assert.equal((await partnershipFromCode(db(), code("SHARED")))?.id, partnershipId);
    assert.equal((await accountBenefitFromCode(db(), code("SHARED")))?.id, accountBenefitId);
    assert.equal(await membershipFromCode(db(), code("NOBODY")), undefined);
  });
});

describe("code conflict messages", () => {
  const membership = { id: 1, display: "Alpha Gold membership" };
  const partnership = { id: 2, display: "Beta Gold partnership" };
  const accountBenefit = { id: "x", display: "Account Benefit X" };

  test("say nothing when the code is free", () => {
    assert.equal(codeConflictMessage("membership", {}), undefined);
    assert.equal(codeConflictMessage("accountBenefit", {}), undefined);
  });

  test("name the other record using the code", () => {
    assert.match(
      codeConflictMessage("membership", { partnership }) ?? "",
      /partnership "Beta Gold partnership"/,
    );
    assert.match(
      codeConflictMessage("partnership", { membership }) ?? "",
      /membership "Alpha Gold membership"/,
    );
    assert.match(
      codeConflictMessage("accountBenefit", { membership }) ?? "",
      /membership "Alpha Gold membership"/,
    );
  });

  test("name the account benefit first on membership and partnership forms", () => {
    assert.match(
      codeConflictMessage("membership", { partnership, accountBenefit }) ?? "",
      /account benefit "Account Benefit X"/,
    );
    assert.match(
      codeConflictMessage("partnership", { membership, accountBenefit }) ?? "",
      /account benefit "Account Benefit X"/,
    );
  });

  test("name the partnership first on the account-benefit form", () => {
    assert.match(
      codeConflictMessage("accountBenefit", { membership, partnership }) ?? "",
      /partnership "Beta Gold partnership"/,
    );
  });

  test("say another record of the same kind has the code", () => {
    assert.equal(
      codeConflictMessage("membership", { membership }),
      "Another membership already uses this registration code.",
    );
    assert.equal(
      codeConflictMessage("partnership", { partnership }),
      "Another partnership already uses this registration code.",
    );
    assert.equal(
      codeConflictMessage("accountBenefit", { accountBenefit }),
      "Another account benefit already uses this registration code.",
    );
    assert.match(codeConflictMessage("membership", { membership, partnership }) ?? "", /partnership "Beta/);
  });
});

describe("code validity on a date", () => {
  before(async () => {
    const year = { agreementStart: "2030-01-01", agreementEnd: "2030-12-31" };
    const seated = await makeMembership(db(), {
      ...year,
      registrationCode: code("MEM"),
      publicInstructorTrainingSeats: 2,
    });
    await learnerSeat(seated.id);
    const full = await makeMembership(db(), {
      ...year,
      registrationCode: code("FULL"),
      publicInstructorTrainingSeats: 1,
    });
    await learnerSeat(full.id);
    const p = await makePartnership(db(), { ...year, registrationCode: code("PART") });
    const seatBenefit = await makeBenefit(db(), { unitType: "seat" });
    const dates = { startDate: "2030-01-01", endDate: "2030-12-31" };
    await makeAccountBenefit(db(), {
      accountId: p.accountId,
      benefitId: seatBenefit.id,
      ...dates,
      registrationCode: code("AB"),
      allocation: 2,
    });
    await makeAccountBenefit(db(), {
      accountId: p.accountId,
      benefitId: seatBenefit.id,
      ...dates,
      registrationCode: code("FROZEN"),
      frozen: true,
    });
    const spent = await makeAccountBenefit(db(), {
      accountId: p.accountId,
      benefitId: seatBenefit.id,
      ...dates,
      registrationCode: code("SPENT"),
      allocation: 1,
    });
    const person = await makePerson(db());
    const event = await makeEvent(db());
    await makeTask(db(), {
      personId: person.id,
      eventId: event.id,
      role: "learner",
      allocatedBenefitId: spent.id,
    });
  });

  test("accepts a membership code within the agreement, widened by grace days", async () => {
    assert.deepEqual(await membershipCodeValid(db(), code("MEM"), "2030-06-01"), { valid: true });
    assert.equal((await membershipCodeValid(db(), code("MEM"), "2029-11-02", 60, 0)).valid, true);
    const early = await membershipCodeValid(db(), code("MEM"), "2029-11-01", 60, 0);
    assert.equal(early.valid, false);
    assert.match(early.reason ?? "", /not active.*2030-01-01.*2030-12-31/);
    assert.equal((await membershipCodeValid(db(), code("MEM"), "2031-01-01")).valid, false);
  });

  test("says no membership has an unknown code", async () => {
    const result = await membershipCodeValid(db(), code("UNKNOWN"), "2030-06-01");
    assert.equal(result.valid, false);
    assert.match(result.reason ?? "", /No membership/);
  });

  test("needs training seats left for a training application", async () => {
    assert.equal((await membershipCodeValidTraining(db(), code("MEM"), "2030-06-01")).valid, true);
    const full = await membershipCodeValidTraining(db(), code("FULL"), "2030-06-01");
    assert.equal(full.valid, false);
    assert.match(full.reason ?? "", /no instructor training seats left/);
    assert.equal((await membershipCodeValid(db(), code("FULL"), "2030-06-01")).valid, true);
  });

  test("accepts a partnership code within its dates with grace after, whatever its credits", async () => {
    assert.equal((await partnershipCodeValid(db(), code("PART"), "2031-03-31", 90, 90)).valid, true);
    assert.equal((await partnershipCodeValid(db(), code("PART"), "2031-04-01", 90, 90)).valid, false);
    assert.match(
      (await partnershipCodeValid(db(), code("MEM"), "2030-06-01")).reason ?? "",
      /No partnership/,
    );
  });

  test("accepts an account benefit that is current, not frozen and not used up", async () => {
    assert.deepEqual(await accountBenefitCodeValid(db(), code("AB"), "2030-06-01"), { valid: true });
    const frozen = await accountBenefitCodeValid(db(), code("FROZEN"), "2030-06-01");
    assert.equal(frozen.valid, false);
    assert.match(frozen.reason ?? "", /frozen/);
    const spent = await accountBenefitCodeValid(db(), code("SPENT"), "2030-06-01");
    assert.equal(spent.valid, false);
    assert.match(spent.reason ?? "", /no allocation left/);
    const late = await accountBenefitCodeValid(db(), code("AB"), "2031-01-01");
    assert.match(late.reason ?? "", /not active/);
    assert.equal((await accountBenefitCodeValid(db(), code("AB"), "2031-01-01", 0, 1)).valid, true);
  });

  test("accepts any kind of member code for a workshop request", async () => {
    for (const name of ["MEM", "FULL", "PART", "AB"]) {
      assert.equal((await anyMemberCodeValid(db(), code(name), "2030-06-01")).valid, true, name);
    }
    const unknown = await anyMemberCodeValid(db(), code("UNKNOWN"), "2030-06-01");
    assert.equal(unknown.valid, false);
    assert.match(unknown.reason ?? "", /No membership, partnership or account benefit/);
    assert.match((await anyMemberCodeValid(db(), code("FROZEN"), "2030-06-01")).reason ?? "", /frozen/);
    assert.match(
      (await anyMemberCodeValid(db(), code("PART"), "2032-01-01")).reason ?? "",
      /partnership is not active/,
    );
  });

  test("rejects a membership without seats left for a training application, but not a partnership", async () => {
    const full = await anyMemberCodeValidTraining(db(), code("FULL"), "2030-06-01");
    assert.equal(full.valid, false);
    assert.match(full.reason ?? "", /seats/);
    assert.equal((await anyMemberCodeValidTraining(db(), code("MEM"), "2029-10-05", 90, 90)).valid, true);
    assert.equal((await anyMemberCodeValidTraining(db(), code("PART"), "2030-06-01")).valid, true);
    assert.equal((await anyMemberCodeValidTraining(db(), code("SPENT"), "2030-06-01")).valid, false);
  });
});
