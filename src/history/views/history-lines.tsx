import { formatInstant } from "../../ui/time.ts";
import type { VersionStamp } from "../queries.ts";

/** "Created on … by …" and "Last modified on … by …", each linked to that version in the history. */
export function HistoryLines(props: {
  created: VersionStamp | undefined;
  lastModified: VersionStamp | undefined;
}) {
  if (!props.created || !props.lastModified)
    return <p class="text-body-secondary small">No changes recorded yet.</p>;
  return (
    <p class="text-body-secondary small">
      <Stamp label="Created" stamp={props.created} />
      <br />
      <Stamp label="Last modified" stamp={props.lastModified} />
    </p>
  );
}

function Stamp(props: { label: string; stamp: VersionStamp }) {
  return (
    <a href={`/workshops/version/${props.stamp.versionId}/`}>
      {props.label} on{" "}
      <time datetime={props.stamp.dateCreated.toISOString()}>{formatInstant(props.stamp.dateCreated)}</time>{" "}
      by {props.stamp.userName ?? "an unknown user"}
    </a>
  );
}
