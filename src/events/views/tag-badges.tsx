import type { EventTagBadge } from "../list-queries.ts";
import { tagColour } from "../rules.ts";

/** An event's tags as coloured badges; hovering one shows what the tag means. */
export function TagBadges(props: { tags: readonly EventTagBadge[] }) {
  return (
    <>
      {props.tags.map((tag) => (
        <span key={tag.name} class={`badge text-bg-${tagColour(tag.name)} me-1`} title={tag.details}>
          {tag.name}
        </span>
      ))}
    </>
  );
}
