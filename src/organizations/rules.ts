// Pure rules of organisations: how a domain is written down, shown and linked to.

export const DOMAIN_MAX_LENGTH = 100;

/** Schemes Django's URL validator accepts. */
const URL_SCHEMES = new Set(["http", "https", "ftp", "ftps"]);
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

// Django's URLValidator, in the parts a domain uses: optional user info, a host name with a
// top-level domain, localhost or an IP address, an optional port, then anything without spaces.
const USER_INFO = String.raw`(?:[^\s:@/]+(?::[^\s:@/]*)?@)?`;
const LABEL = String.raw`[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]{0,61}[a-z0-9\u00a1-\uffff])?`;
const TLD = String.raw`\.(?:[a-z\u00a1-\uffff]{2,63}|xn--[a-z0-9]{1,59})\.?`;
const HOST = String.raw`(?:${LABEL}(?:\.${LABEL})*${TLD}|localhost|(?:\d{1,3}\.){3}\d{1,3}|\[[0-9a-f:.]+\])`;
const URL_PATTERN = new RegExp(String.raw`^${USER_INFO}${HOST}(?::\d{1,5})?(?:[/?#]\S*)?$`, "i");

/**
 * The domain as AMY stores it, or undefined when it is not a URL (with `https://` assumed when no
 * scheme is given). The scheme, `;params` and `#fragment` go; user info, port, path and query stay:
 * `http://example.com/` → `example.com/`, `example.com/path;params?query#fragment` → `example.com/path?query`.
 */
export function normalizeDomain(input: string): string | undefined {
  const text = input.trim();
  const withScheme = text.startsWith("//") ? `https:${text}` : SCHEME.test(text) ? text : `https://${text}`;
  const scheme = SCHEME.exec(withScheme)?.[1]?.toLowerCase() ?? "";
  if (!URL_SCHEMES.has(scheme)) return undefined;
  const rest = withScheme.slice(scheme.length + 3);
  if (!URL_PATTERN.test(rest)) return undefined;
  return withoutParamsAndFragment(rest);
}

/** Python's urlparse split of `netloc/path;params?query#fragment`, joined again without params or fragment. */
function withoutParamsAndFragment(rest: string): string {
  const beforeFragment = rest.split("#")[0] ?? "";
  const queryAt = beforeFragment.indexOf("?");
  const location = queryAt === -1 ? beforeFragment : beforeFragment.slice(0, queryAt);
  const query = queryAt === -1 ? "" : beforeFragment.slice(queryAt + 1);
  const lastSegment = location.lastIndexOf("/");
  const paramsAt = location.indexOf(";", Math.max(lastSegment, 0));
  const path = paramsAt === -1 ? location : location.slice(0, paramsAt);
  return query ? `${path}?${query}` : path;
}

/** How an organisation reads everywhere: `Alpha Organization <alpha.edu>`. */
export function organizationDisplay(row: { fullname: string; domain: string }): string {
  return `${row.fullname} <${row.domain}>`;
}

/** The organisation's page; the domain is encoded whole, so a domain with a path stays one segment. */
export function organizationPath(domain: string): string {
  return `/fiscal/organization/${encodeURIComponent(domain)}/`;
}

/** The external link to the organisation's site. */
export function organizationSiteUrl(domain: string): string {
  return `http://${domain}`;
}

export const ORGANIZATION_ORDERINGS = ["fullname", "-fullname", "domain", "-domain"] as const;
export type OrganizationOrdering = (typeof ORGANIZATION_ORDERINGS)[number];

export function isOrganizationOrdering(value: unknown): value is OrganizationOrdering {
  return (ORGANIZATION_ORDERINGS as readonly unknown[]).includes(value);
}

/**
 * The rows of a symmetric affiliation: each pair stored in both directions, as Django does. An
 * organisation is never affiliated with itself.
 */
export function affiliationRows(
  organizationId: number,
  affiliatedIds: readonly number[],
): { fromOrganizationId: number; toOrganizationId: number }[] {
  const others = [...new Set(affiliatedIds)].filter((id) => id !== organizationId);
  return others.flatMap((other) => [
    { fromOrganizationId: organizationId, toOrganizationId: other },
    { fromOrganizationId: other, toOrganizationId: organizationId },
  ]);
}

/** An OpenStreetMap link centred on the coordinates, when both are known. */
export function mapUrl(latitude: number | null, longitude: number | null): string | undefined {
  if (latitude === null || longitude === null) return undefined;
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=12/${latitude}/${longitude}`;
}

export interface ListFilters {
  country: string | undefined;
  membershipVariants: string[];
  orderBy: OrganizationOrdering | undefined;
}

const INVALID_CHOICE = "This is not one of the choices; the list is shown without it.";

/** The query parameter of the membership-variant filter (AMY's name). */
export const VARIANT_FILTER = "memberships__variant";

/**
 * The list's filters from the query string. A value that is not a choice is ignored (the list is
 * shown without it) and reported beside its field.
 */
export function parseListFilters(
  query: Record<string, unknown>,
  countries: readonly string[],
  variants: readonly string[],
): { filters: ListFilters; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const country = firstString(query.country);
  const orderBy = firstString(query.order_by);
  const countryOk = country !== undefined && countries.includes(country);
  const orderOk = isOrganizationOrdering(orderBy);
  if (country && !countryOk) errors.country = [INVALID_CHOICE];
  if (orderBy && !orderOk) errors.order_by = [INVALID_CHOICE];
  const chosen = allStrings(query[VARIANT_FILTER]).filter((value) => value !== "");
  const membershipVariants = [...new Set(chosen.filter((value) => variants.includes(value)))];
  if (membershipVariants.length < new Set(chosen).size) errors[VARIANT_FILTER] = [INVALID_CHOICE];
  return {
    filters: {
      country: countryOk ? country : undefined,
      membershipVariants,
      orderBy: orderOk ? orderBy : undefined,
    },
    errors,
  };
}

function allStrings(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.filter((item): item is string => typeof item === "string");
}

function firstString(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}
