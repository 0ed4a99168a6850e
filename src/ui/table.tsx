import type { ComponentChildren } from "preact";
import { withQuery } from "./pagination.ts";

/**
 * A column heading that sorts the list: the first click sorts by `field` ascending, the next by
 * `-field`. The current sort is announced with aria-sort.
 */
export function SortableHeader(props: {
  label: string;
  field: string;
  current: string | undefined;
  path: string;
  query: URLSearchParams;
}) {
  const ascending = props.current === props.field;
  const descending = props.current === `-${props.field}`;
  const next = ascending ? `-${props.field}` : props.field;
  return (
    <th scope="col" aria-sort={ascending ? "ascending" : descending ? "descending" : undefined}>
      <a href={withQuery(props.path, props.query, { order_by: next, page: undefined })}>
        {props.label}
        {ascending ? " ▲" : descending ? " ▼" : ""}
      </a>
    </th>
  );
}

/** A table of records, or the given sentence when there are none. */
export function DataTable(props: {
  caption?: string;
  head: ComponentChildren;
  rowCount: number;
  empty: string;
  children: ComponentChildren;
}) {
  if (props.rowCount === 0) return <p class="text-body-secondary">{props.empty}</p>;
  return (
    <div class="table-responsive">
      <table class="table table-striped table-hover align-middle">
        {props.caption ? <caption>{props.caption}</caption> : null}
        <thead>
          <tr>{props.head}</tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

/** The filter form beside a list: plain GET, so a filtered list is a link that can be shared. */
export function FilterSidebar(props: { path: string; children: ComponentChildren }) {
  return (
    <aside class="col-lg-3 mb-4" aria-labelledby="filter-heading">
      <h2 id="filter-heading" class="h5">
        Filter
      </h2>
      <form method="get" action={props.path}>
        {props.children}
        <button type="submit" class="btn btn-primary btn-sm">
          Apply filters
        </button>{" "}
        <a class="btn btn-link btn-sm" href={props.path}>
          Clear
        </a>
      </form>
    </aside>
  );
}
