import type { PageInfo } from "../../../ui/pagination.ts";
import { PaginationNav } from "../../../ui/pagination-nav.tsx";
import { DataTable } from "../../../ui/table.tsx";

export interface BadgeListItem {
  id: number;
  name: string;
  title: string;
  criteria: string;
  awardCount: number;
}

export function BadgesPage(props: {
  badges: readonly BadgeListItem[];
  info: PageInfo;
  query: URLSearchParams;
}) {
  return (
    <div>
      <DataTable
        caption="Badges, by name"
        rowCount={props.badges.length}
        empty="There are no badges yet."
        head={
          <>
            <th scope="col">Name</th>
            <th scope="col">Title</th>
            <th scope="col">Criteria</th>
            <th scope="col" class="text-end">
              Number awarded
            </th>
          </>
        }
      >
        {props.badges.map((badge) => (
          <tr key={badge.id}>
            <td>
              <a href={badgePath(badge.name)}>{badge.name}</a>
            </td>
            <td>{badge.title}</td>
            <td>{badge.criteria}</td>
            <td class="text-end">{badge.awardCount}</td>
          </tr>
        ))}
      </DataTable>
      <PaginationNav info={props.info} path="/workshops/badges/" query={props.query} />
    </div>
  );
}

export function badgePath(name: string): string {
  return `/workshops/badge/${encodeURIComponent(name)}/`;
}
