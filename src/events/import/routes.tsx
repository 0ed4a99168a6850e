import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Executor } from "../../db/client.ts";
import { access } from "../../server/access.ts";
import { NotFoundError } from "../../server/errors.ts";
import { event } from "../schema.ts";
import { type FetchFailure, fetchPolicy, WebsiteFetchError } from "./fetch.ts";
import { eventFormValues } from "./metadata.ts";
import { readWorkshopMetadata } from "./read.ts";
import { validateMetadata } from "./validate.ts";
import { ValidatePage } from "./validate-page.tsx";

export const IMPORT_PATH = "/workshops/events/import/";

const importForm = z.object({
  url: z.string({ error: "Enter the address of the workshop website." }).trim().min(1, {
    error: "Enter the address of the workshop website.",
  }),
});

/** The address was refused (400), the page is not a workshop (422), or the website failed (502). */
const STATUS: Record<FetchFailure, number> = {
  invalid_url: 400,
  host_not_allowed: 400,
  private_address: 400,
  not_workshop: 422,
  unreachable: 502,
  timeout: 502,
  too_large: 502,
  too_many_redirects: 502,
  content_type: 502,
  bad_status: 502,
};

export async function eventImportRoutes(app: FastifyInstance) {
  const policy = fetchPolicy(app.config.websiteImport);

  app.post(
    IMPORT_PATH,
    { config: { access: access.permission("workshops.add_event") } },
    async (request, reply) => {
      const parsed = importForm.safeParse(request.body ?? {});
      if (!parsed.success) {
        return reply.code(400).send({ error: parsed.error.issues[0]?.message ?? "Enter an address." });
      }
      try {
        const { metadata, websiteUrl } = await readWorkshopMetadata(parsed.data.url, policy);
        const report = validateMetadata(metadata);
        return reply.send({
          fields: eventFormValues(metadata, websiteUrl),
          warnings: [...report.errors, ...report.warnings],
        });
      } catch (error) {
        if (!(error instanceof WebsiteFetchError)) throw error;
        return reply.code(STATUS[error.reason]).send({ error: error.message });
      }
    },
  );

  app.get<{ Params: { slug: string } }>(
    "/workshops/event/:slug/validate/",
    { config: { access: access.permission("workshops.change_event") } },
    async (request, reply) => {
      const found = await findEventUrl(app.db, request.params.slug);
      if (!found) throw new NotFoundError();
      const title = `Validate ${found.slug}`;
      if (!found.url) return reply.page(title, <ValidatePage slug={found.slug} websiteUrl={undefined} />);
      try {
        const { metadata, websiteUrl } = await readWorkshopMetadata(found.url, policy);
        const report = validateMetadata(metadata);
        return reply.page(title, <ValidatePage slug={found.slug} websiteUrl={websiteUrl} report={report} />);
      } catch (error) {
        if (!(error instanceof WebsiteFetchError)) throw error;
        return reply.page(
          title,
          <ValidatePage slug={found.slug} websiteUrl={found.url} problem={error.message} />,
        );
      }
    },
  );
}

async function findEventUrl(db: Executor, slug: string) {
  if (!/^[-a-zA-Z0-9_]+$/.test(slug)) return undefined;
  const [row] = await db.select({ slug: event.slug, url: event.url }).from(event).where(eq(event.slug, slug));
  return row;
}
