export const DEFAULT_PAGE_SIZE = 25;
/** "items_per_page=all" shows everything up to this many rows, so no page is unbounded. */
export const MAX_PAGE_SIZE = 1000;

export interface PageRequest {
  page: number;
  perPage: number;
}

/** Reads `page` and `items_per_page` as AMY does: bad values fall back to page 1 and 25 per page. */
export function parsePageRequest(query: Record<string, unknown>): PageRequest {
  const page = firstString(query.page);
  const perPage = firstString(query.items_per_page);
  return {
    page: positiveInteger(page) ?? 1,
    perPage:
      perPage === "all"
        ? MAX_PAGE_SIZE
        : Math.min(positiveInteger(perPage) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
  };
}

export interface PageInfo {
  page: number;
  perPage: number;
  totalItems: number;
  totalPages: number;
  offset: number;
}

/** A page past the end shows the last page. */
export function resolvePage(request: PageRequest, totalItems: number): PageInfo {
  const totalPages = Math.max(1, Math.ceil(totalItems / request.perPage));
  const page = Math.min(request.page, totalPages);
  return { page, perPage: request.perPage, totalItems, totalPages, offset: (page - 1) * request.perPage };
}

export type PageLink = number | "gap";

/** Page numbers to offer: the first two, the current one with two on each side, the last two. */
export function pageLinks(current: number, totalPages: number): PageLink[] {
  const shown = new Set<number>();
  for (const page of [1, 2, totalPages - 1, totalPages]) shown.add(page);
  for (let page = current - 2; page <= current + 2; page++) shown.add(page);
  const pages = [...shown].filter((page) => page >= 1 && page <= totalPages).sort((a, b) => a - b);
  const links: PageLink[] = [];
  for (const page of pages) {
    const previous = links.at(-1);
    if (typeof previous === "number" && page > previous + 1) links.push("gap");
    links.push(page);
  }
  return links;
}

function firstString(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}

function positiveInteger(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,9}$/.test(value)) return undefined;
  const number = Number(value);
  return number >= 1 ? number : undefined;
}

/** The current query string with some parameters replaced (or removed with undefined). */
export function withQuery(
  path: string,
  query: URLSearchParams,
  changes: Record<string, string | undefined>,
): string {
  const next = new URLSearchParams(query);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) next.delete(key);
    else next.set(key, value);
  }
  const text = next.toString();
  return text ? `${path}?${text}` : path;
}
