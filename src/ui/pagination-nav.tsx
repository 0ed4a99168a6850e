import { type PageInfo, pageLinks, withQuery } from "./pagination.ts";

/** Previous / numbered / next links that keep the list's other query parameters. */
export function PaginationNav(props: { info: PageInfo; path: string; query: URLSearchParams }) {
  const { info, path, query } = props;
  if (info.totalPages <= 1) return null;
  const href = (page: number) => withQuery(path, query, { page: String(page) });
  return (
    <nav aria-label="Pages">
      <ul class="pagination flex-wrap">
        <li class={info.page === 1 ? "page-item disabled" : "page-item"}>
          {info.page === 1 ? (
            <span class="page-link">« Previous</span>
          ) : (
            <a class="page-link" href={href(info.page - 1)} rel="prev">
              « Previous
            </a>
          )}
        </li>
        {pageLinks(info.page, info.totalPages).map((link, index, links) =>
          link === "gap" ? (
            <li key={`gap-after-${links[index - 1]}`} class="page-item disabled">
              <span class="page-link">…</span>
            </li>
          ) : (
            <li key={link} class={link === info.page ? "page-item active" : "page-item"}>
              <a class="page-link" href={href(link)} aria-current={link === info.page ? "page" : undefined}>
                {link}
              </a>
            </li>
          ),
        )}
        <li class={info.page === info.totalPages ? "page-item disabled" : "page-item"}>
          {info.page === info.totalPages ? (
            <span class="page-link">Next »</span>
          ) : (
            <a class="page-link" href={href(info.page + 1)} rel="next">
              Next »
            </a>
          )}
        </li>
      </ul>
      <p class="text-body-secondary small">
        Page {info.page} of {info.totalPages} · {info.totalItems} in all
      </p>
    </nav>
  );
}
