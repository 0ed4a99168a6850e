import type { FastifyInstance, FastifyRequest } from "fastify";
import { listAssignableAdmins } from "../dashboard/queries.ts";
import { assignableOrNobody } from "../dashboard/rules.ts";
import { access } from "../server/access.ts";
import { sendCsv } from "../server/csv.ts";
import { flash } from "../server/render.tsx";
import { parsePageRequest, resolvePage } from "../ui/pagination.ts";
import { todayIso } from "../ui/time.ts";
import { readStaffForm, reviewedPersonIds, staffFormInput, staffSearchOf } from "./forms.ts";
import {
  listInstructorsWithoutAirport,
  listPersonsWithSameNames,
  listPersonsWithSwitchedNames,
  listTraineeTasks,
  markDuplicationReviewed,
} from "./queries.ts";
import { STAFF_CSV_HEADER, splitTrainees, staffCsvRow } from "./rules.ts";
import { countWorkshopStaff, listStaffChoices, listWorkshopStaff } from "./staff-queries.ts";
import { DUPLICATES_PATH, DuplicatePersonsPage } from "./views/duplicate-persons.tsx";
import { InstructorIssuesPage } from "./views/instructor-issues.tsx";
import { STAFF_PATH } from "./views/staff-filter.tsx";
import { WORKSHOP_ISSUES_PATH, WorkshopIssuesPage } from "./views/workshop-issues.tsx";
import { WorkshopStaffPage } from "./views/workshop-staff.tsx";
import { listWorkshopIssues } from "./workshop-issues-queries.ts";

export async function reportsRoutes(app: FastifyInstance) {
  const admin = { config: { access: access.admin } };

  app.get(DUPLICATES_PATH, admin, async (_request, reply) => {
    const switched = await listPersonsWithSwitchedNames(app.db);
    const same = await listPersonsWithSameNames(app.db);
    return reply.page("Possible duplicate persons", <DuplicatePersonsPage switched={switched} same={same} />);
  });

  app.post("/reports/duplicate_persons/review/", admin, async (request, reply) => {
    const ids = reviewedPersonIds(request.body);
    if (ids.length === 0) {
      flash(request, "warning", "No one was marked as reviewed: choose at least one person first.");
    } else {
      const marked = await markDuplicationReviewed(app.db, ids);
      flash(request, "success", `Marked ${marked} ${marked === 1 ? "person" : "persons"} as reviewed.`);
    }
    return reply.redirect(DUPLICATES_PATH, 303);
  });

  app.get("/reports/instructor_issues/", admin, async (_request, reply) => {
    const withoutAirport = await listInstructorsWithoutAirport(app.db);
    const { incomplete, stalled } = splitTrainees(await listTraineeTasks(app.db));
    return reply.page(
      "Instructors with Issues",
      <InstructorIssuesPage withoutAirport={withoutAirport} incomplete={incomplete} stalled={stalled} />,
    );
  });

  app.get(WORKSHOP_ISSUES_PATH, admin, async (request, reply) => {
    const raw = (request.query as Record<string, unknown>).assigned_to;
    const admins = await listAssignableAdmins(app.db);
    const assigneeId = assignableOrNobody(
      typeof raw === "string" && /^\d{1,9}$/.test(raw) ? Number(raw) : null,
      admins,
    );
    const rows = await listWorkshopIssues(app.db, todayIso(), assigneeId);
    return reply.page(
      "Workshops with Issues",
      <WorkshopIssuesPage rows={rows} admins={admins} assigneeId={assigneeId} />,
    );
  });

  app.get(STAFF_PATH, admin, async (request, reply) => {
    const { query, input, choices, form } = await readStaffRequest(app, request);
    const search = staffSearchOf(form);
    const info = resolvePage(
      parsePageRequest(Object.fromEntries(query)),
      await countWorkshopStaff(app.db, search.filters),
    );
    const rows = await listWorkshopStaff(app.db, search, { limit: info.perPage, offset: info.offset });
    return reply.page(
      "Find Workshop Staff",
      <WorkshopStaffPage form={form} input={input} choices={choices} rows={rows} info={info} query={query} />,
    );
  });

  app.get(`${STAFF_PATH}csv/`, admin, async (request, reply) => {
    const { form } = await readStaffRequest(app, request);
    const rows = await listWorkshopStaff(app.db, staffSearchOf(form));
    return sendCsv(reply, "WorkshopStaff.csv", [STAFF_CSV_HEADER, ...rows.map(staffCsvRow)]);
  });
}

async function readStaffRequest(app: FastifyInstance, request: FastifyRequest) {
  const query = new URLSearchParams(request.url.split("?")[1] ?? "");
  const input = staffFormInput(query);
  const choices = await listStaffChoices(app.db);
  return { query, input, choices, form: readStaffForm(input, choices) };
}
