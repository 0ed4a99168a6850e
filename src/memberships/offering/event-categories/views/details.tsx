import type { VersionStamp } from "../../../../history/index.ts";
import { eventCategoryPath } from "../../../rules.ts";
import { DetailsActions, Facts, Instant, yesNo } from "../../views/parts.tsx";
import type { EventCategoryRow } from "../queries.ts";

export function EventCategoryDetailsPage(props: {
  category: EventCategoryRow;
  history: { created: VersionStamp | undefined; lastModified: VersionStamp | undefined };
  canChange: boolean;
  canDelete: boolean;
}) {
  const { category } = props;
  const path = eventCategoryPath(category.id);
  return (
    <div>
      <DetailsActions
        history={props.history}
        editHref={props.canChange ? `${path}edit/` : undefined}
        deleteAction={props.canDelete ? `${path}delete/` : undefined}
        subject={`event category "${category.name}"`}
      />
      <Facts
        rows={[
          ["Name", category.name],
          ["Description", category.description],
          ["Active", yesNo(category.active)],
          ["Created at", <Instant at={category.createdAt} />],
          ["Last updated at", <Instant at={category.lastUpdatedAt} />],
        ]}
      />
    </div>
  );
}
