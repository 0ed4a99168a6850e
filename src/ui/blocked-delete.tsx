export interface BlockingGroup {
  /** The plural name of the related records, e.g. "Tasks". */
  label: string;
  items: { text: string; href?: string | undefined }[];
}

/** Explains why a record was not deleted: the records that still refer to it. */
export function BlockedDeletePage(props: {
  subject: string;
  groups: readonly BlockingGroup[];
  back: string;
}) {
  return (
    <div>
      <p class="lead">
        {props.subject} was not deleted, because other records still refer to it. Remove or change these
        first:
      </p>
      {props.groups.map((group) => (
        <section key={group.label} aria-label={group.label}>
          <h2 class="h5">{group.label}</h2>
          <ul>
            {group.items.map((item) => (
              <li key={`${item.text}${item.href ?? ""}`}>
                {item.href ? <a href={item.href}>{item.text}</a> : item.text}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p>
        <a href={props.back}>Go back</a>
      </p>
    </div>
  );
}
