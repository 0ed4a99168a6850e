import type { FastifyInstance } from "fastify";
import { access } from "../server/access.ts";
import { VERSION } from "../server/version.ts";
import { todayIso } from "../ui/time.ts";
import { LEGACY_REDIRECTS } from "./legacy-redirects.ts";
import { dashboardEvents, listAssignableAdmins } from "./queries.ts";
import { assignableOrNobody, requestedAssignee } from "./rules.ts";
import { ADMIN_DASHBOARD_PATH, AdminDashboardPage } from "./views/admin-dashboard.tsx";
import { MemberDashboardPage } from "./views/interim.tsx";

export async function dashboardRoutes(app: FastifyInstance) {
  const everyone = { config: { access: access.public } };

  app.get("/", everyone, async (_request, reply) => reply.redirect("/dashboard/", 302));

  // Load balancers poll this: plain text, no host check (see the platform's host check).
  app.get("/version/", everyone, async (_request, reply) =>
    reply.type("text/plain; charset=utf-8").send(VERSION),
  );

  app.get("/dashboard/", { config: { access: access.login } }, async (request, reply) =>
    reply.redirect(request.user?.isAdmin ? "/dashboard/admin/" : "/dashboard/instructor/", 302),
  );

  app.get("/dashboard/trainee/", everyone, async (_request, reply) =>
    reply.redirect("/dashboard/instructor/", 302),
  );

  app.get(ADMIN_DASHBOARD_PATH, { config: { access: access.admin } }, async (request, reply) => {
    const user = request.user;
    if (!user) throw new Error("access rule let an anonymous visitor through");
    const raw = (request.query as Record<string, unknown>).assigned_to;
    const requested = requestedAssignee(raw === undefined ? undefined : String(raw), user.id);
    const admins = await listAssignableAdmins(app.db);
    const assigneeId = assignableOrNobody(requested, admins);
    const events = await dashboardEvents(app.db, todayIso(), assigneeId);
    return reply.page(undefined, <AdminDashboardPage admins={admins} assigneeId={assigneeId} {...events} />);
  });

  app.get("/dashboard/instructor/", { config: { access: access.login } }, async (request, reply) => {
    const user = request.user;
    if (!user) throw new Error("access rule let an anonymous visitor through");
    return reply.page("Your profile", <MemberDashboardPage user={user} />, { memberBar: true });
  });

  for (const { from, to, permanent } of LEGACY_REDIRECTS) {
    app.get(from, everyone, async (_request, reply) => reply.redirect(to, permanent ? 301 : 302));
  }
}
