// What the partnership tests share: a form posted the way the browser posts it, and a valid payload.
import type { Client } from "../../helpers/app.ts";
import { csrfTokenIn } from "../../helpers/app.ts";

/** Posts fields (repeated keys allowed) with the CSRF token of `pageUrl`. */
export async function submitPairs(
  client: Client,
  pageUrl: string,
  pairs: [string, string][],
  actionUrl = pageUrl,
) {
  const page = await client.get(pageUrl);
  const body = new URLSearchParams([["csrfmiddlewaretoken", csrfTokenIn(page.body)], ...pairs]);
  return client.request({
    method: "POST",
    url: actionUrl,
    payload: body.toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
}

/** POSTs to `actionUrl` with a token taken from a page every admin may open. */
export function postAction(client: Client, actionUrl: string, fields: Record<string, string> = {}) {
  return submitPairs(client, "/account/login/", Object.entries(fields), actionUrl);
}

let sequence = 0;

/** A valid partnership form for an organisation partner; override what the test is about. */
export function partnershipFields(
  partner: { organisation: number } | { consortium: number },
  tierId: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  sequence++;
  return {
    partner_organisation: "organisation" in partner ? String(partner.organisation) : "",
    partner_consortium: "consortium" in partner ? String(partner.consortium) : "",
    name: `Posted partnership ${sequence}`,
    tier: tierId,
    agreement_start: "2025-01-01",
    agreement_end: "2025-12-31",
    agreement_link: "https://example.org/agreement",
    registration_code: `posted-${sequence}-${process.pid}`,
    public_status: "public",
    ...overrides,
  };
}
