// Extending a partnership's dates or credits, and rolling it over into a successor (spec §2.13).
import type { FastifyInstance, FastifyReply } from "fastify";
import { access } from "../../server/access.ts";
import { NotFoundError } from "../../server/errors.ts";
import { fieldErrors, submittedValues } from "../../server/forms.ts";
import { flash } from "../../server/render.tsx";
import type { FieldErrors } from "../../ui/forms.tsx";
import { creditsExtensionForm, extensionForm } from "../extension.ts";
import type { PartnershipWithTier } from "../queries.ts";
import { partnershipPath } from "../rules.ts";
import { offeringRoute } from "../service-offering.ts";
import { ExtendDatesForm } from "../views/extend-form.tsx";
import { extendPartnershipCredits, extendPartnershipDates, rollOverPartnership } from "./commands.ts";
import { partnershipForm, partnershipFormValues } from "./forms.ts";
import { ADD, CHANGE, displayOf, FIX_ERRORS, formChoices, type IdParams, loadPartnership } from "./load.ts";
import { PARTNERSHIPS_PATH, rollOverInitialValues } from "./rules.ts";
import { ExtendCreditsForm } from "./views/extend-credits.tsx";
import { PartnershipForm } from "./views/form.tsx";

export async function partnershipWorkflowRoutes(app: FastifyInstance) {
  const canChange = offeringRoute(app, access.permission(CHANGE));

  app.get<IdParams>(`${PARTNERSHIPS_PATH}:id/extend/`, canChange, async (request, reply) => {
    const row = await loadPartnership(app.db, request.params.id);
    return showExtendDates(reply, row, { new_agreement_end: row.agreementEnd });
  });

  app.post<IdParams>(`${PARTNERSHIPS_PATH}:id/extend/`, canChange, async (request, reply) => {
    const row = await loadPartnership(app.db, request.params.id);
    const values = submittedValues(request.body);
    const parsed = extensionForm(row.agreementEnd).safeParse(values);
    if (!parsed.success) {
      flash(request, "error", FIX_ERRORS);
      return showExtendDates(reply, row, values, fieldErrors(parsed.error));
    }
    await extendPartnershipDates(app.db, row, row.tierName, parsed.data, request.user, request.ip);
    flash(request, "success", `${displayOf(row)} was extended until ${parsed.data.new_agreement_end}.`);
    return reply.redirect(partnershipPath(row.id), 303);
  });

  app.get<IdParams>(`${PARTNERSHIPS_PATH}:id/extend-credits/`, canChange, async (request, reply) => {
    const row = await loadPartnership(app.db, request.params.id);
    return showExtendCredits(reply, row, { new_credits: String(row.credits) });
  });

  app.post<IdParams>(`${PARTNERSHIPS_PATH}:id/extend-credits/`, canChange, async (request, reply) => {
    const row = await loadPartnership(app.db, request.params.id);
    const values = submittedValues(request.body);
    const parsed = creditsExtensionForm(row.credits).safeParse(values);
    if (!parsed.success) {
      flash(request, "error", FIX_ERRORS);
      return showExtendCredits(reply, row, values, fieldErrors(parsed.error));
    }
    const updated = await extendPartnershipCredits(
      app.db,
      row,
      row.tierName,
      parsed.data,
      request.user,
      request.ip,
    );
    flash(request, "success", `${displayOf(row)} now has ${updated.credits} credits.`);
    return reply.redirect(partnershipPath(row.id), 303);
  });

  const canRollOver = offeringRoute(app, access.permission(ADD, CHANGE));
  app.get<IdParams>(`${PARTNERSHIPS_PATH}:id/roll-over/`, canRollOver, async (request, reply) => {
    const row = await loadNotRolledOver(app, request.params.id);
    return showRollOver(app, reply, row, rollOverInitialValues(row));
  });

  app.post<IdParams>(`${PARTNERSHIPS_PATH}:id/roll-over/`, canRollOver, async (request, reply) => {
    const row = await loadNotRolledOver(app, request.params.id);
    const values = partnershipFormValues(request.body);
    const parsed = partnershipForm.safeParse(values);
    const outcome = parsed.success
      ? await rollOverPartnership(app.db, row, row.tierName, parsed.data, request.user)
      : { ok: false as const, errors: fieldErrors(parsed.error) };
    if (!outcome.ok) {
      if ("alreadyRolledOver" in outcome)
        throw new NotFoundError("This partnership has already been rolled over.");
      flash(request, "error", FIX_ERRORS);
      return showRollOver(app, reply, row, values, outcome.errors);
    }
    flash(
      request,
      "success",
      `${displayOf(row)} was rolled over to partnership ${outcome.partnership.name}; its account benefits are now frozen.`,
    );
    return reply.redirect(partnershipPath(outcome.partnership.id), 303);
  });
}

/** A partnership that may still be rolled over: one with a successor is a 404. */
async function loadNotRolledOver(app: FastifyInstance, id: string): Promise<PartnershipWithTier> {
  const row = await loadPartnership(app.db, id);
  if (row.rolledToPartnershipId !== null) {
    throw new NotFoundError("This partnership has already been rolled over.");
  }
  return row;
}

function showExtendDates(
  reply: FastifyReply,
  row: PartnershipWithTier,
  values: Record<string, string | undefined>,
  errors?: FieldErrors,
) {
  const path = partnershipPath(row.id);
  return reply.page(
    `Extend partnership ${displayOf(row)}`,
    <ExtendDatesForm
      action={`${path}extend/`}
      agreementStart={row.agreementStart}
      agreementEnd={row.agreementEnd}
      values={values}
      errors={errors}
      cancelHref={path}
    />,
  );
}

function showExtendCredits(
  reply: FastifyReply,
  row: PartnershipWithTier,
  values: Record<string, string | undefined>,
  errors?: FieldErrors,
) {
  const path = partnershipPath(row.id);
  return reply.page(
    `Extend credits for partnership ${displayOf(row)}`,
    <ExtendCreditsForm
      action={`${path}extend-credits/`}
      credits={row.credits}
      values={values}
      errors={errors}
      cancelHref={path}
    />,
  );
}

async function showRollOver(
  app: FastifyInstance,
  reply: FastifyReply,
  row: PartnershipWithTier,
  values: Record<string, string | undefined>,
  errors?: FieldErrors,
) {
  const path = partnershipPath(row.id);
  return reply.page(
    `Create new partnership from ${displayOf(row)}`,
    <PartnershipForm
      action={`${path}roll-over/`}
      order="partner-last"
      values={values}
      errors={errors}
      choices={await formChoices(app.db, values)}
      submitLabel="Create and roll over"
      cancelHref={path}
      intro={
        <p>
          The new partnership starts with this partnership's {row.credits} credits and uses the account of the
          partner chosen below. The account benefits linked to this partnership will be frozen. Registration
          codes are unique, so give the new partnership a new one.
        </p>
      }
    />,
  );
}
