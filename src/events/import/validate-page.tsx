import type { ValidationReport } from "./validate.ts";

export interface ValidatePageProps {
  slug: string;
  /** The website checked; undefined when the event has no URL. */
  websiteUrl: string | undefined;
  /** Why the website could not be read; absent when it was. */
  problem?: string | undefined;
  report?: ValidationReport | undefined;
}

/** The validator's findings for one event's workshop website. */
export function ValidatePage(props: ValidatePageProps) {
  const eventPath = `/workshops/event/${props.slug}/`;
  return (
    <div>
      <p>
        <a href={eventPath}>Back to {props.slug}</a>
      </p>
      {props.websiteUrl ? (
        <p>
          Website checked:{" "}
          <a href={props.websiteUrl} target="_blank" rel="noopener noreferrer">
            {props.websiteUrl}
          </a>
        </p>
      ) : (
        <p class="alert alert-warning">This event has no website URL, so there is nothing to check.</p>
      )}
      {props.problem ? (
        <p class="alert alert-danger" role="alert">
          {props.problem}
        </p>
      ) : null}
      {props.report ? <Findings report={props.report} /> : null}
    </div>
  );
}

function Findings(props: { report: ValidationReport }) {
  const { errors, warnings } = props.report;
  if (errors.length === 0 && warnings.length === 0) {
    return <p class="alert alert-success">The website's metadata has no errors and no warnings.</p>;
  }
  return (
    <div>
      <FindingList title="Errors" items={errors} empty="No errors." itemClass="text-danger" />
      <FindingList title="Warnings" items={warnings} empty="No warnings." itemClass="text-body" />
    </div>
  );
}

function FindingList(props: { title: string; items: string[]; empty: string; itemClass: string }) {
  return (
    <section>
      <h2 class="h4">
        {props.title} ({props.items.length})
      </h2>
      {props.items.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <ul>
          {props.items.map((item) => (
            <li class={props.itemClass}>{item}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
