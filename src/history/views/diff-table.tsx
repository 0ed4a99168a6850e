import type { DiffPart, FieldDiff, ListItem } from "../rules.ts";

/** Field by field, old → new; with `single`, one version's values only. */
export function DiffTable(props: { diff: readonly FieldDiff[]; single: boolean }) {
  if (props.diff.length === 0) return <p class="text-body-secondary">This version stores no fields.</p>;
  return (
    <div class="table-responsive">
      <table class="table table-sm table-bordered align-middle">
        <caption>
          {props.single ? "The record's fields in this version" : "What changed, field by field"}
        </caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            {props.single ? (
              <th scope="col">Value</th>
            ) : (
              <>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {props.diff.map((row) => (
            <tr key={row.field} class={row.changed ? "table-warning" : undefined}>
              <th scope="row">
                {row.label}
                {row.changed ? <span class="visually-hidden"> (changed)</span> : null}
              </th>
              <FieldCells row={row} single={props.single} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FieldCells(props: { row: FieldDiff; single: boolean }) {
  const { row } = props;
  if (row.kind === "list") {
    return (
      <td colSpan={props.single ? 1 : 2}>
        <Items items={row.items} />
      </td>
    );
  }
  if (props.single) {
    return (
      <td>
        <Parts parts={row.after} />
      </td>
    );
  }
  return (
    <>
      <td>
        <Parts parts={row.before} />
      </td>
      <td>
        <Parts parts={row.after} />
      </td>
    </>
  );
}

function Parts(props: { parts: readonly DiffPart[] }) {
  if (props.parts.length === 0) return <span class="text-body-secondary">(empty)</span>;
  return (
    <>
      {props.parts.map((part, index) => {
        if (part.mark === "removed") {
          return (
            <del key={index} class="text-danger-emphasis">
              <span class="visually-hidden">removed: </span>
              {part.text}
            </del>
          );
        }
        if (part.mark === "added") {
          return (
            <ins key={index} class="text-success-emphasis">
              <span class="visually-hidden">added: </span>
              {part.text}
            </ins>
          );
        }
        return <span key={index}>{part.text}</span>;
      })}
    </>
  );
}

const ITEM_STYLE: Record<ListItem["change"], { badge: string; prefix: string; hidden: string }> = {
  same: { badge: "text-bg-secondary", prefix: "", hidden: "" },
  added: { badge: "text-bg-success", prefix: "+ ", hidden: "added: " },
  removed: { badge: "text-bg-danger", prefix: "− ", hidden: "removed: " },
};

function Items(props: { items: readonly ListItem[] }) {
  if (props.items.length === 0) return <span class="text-body-secondary">(none)</span>;
  return (
    <ul class="list-inline mb-0">
      {props.items.map((item) => {
        const style = ITEM_STYLE[item.change];
        return (
          <li key={`${item.change}:${item.text}`} class="list-inline-item">
            <span class={`badge ${style.badge}`}>
              {style.hidden ? <span class="visually-hidden">{style.hidden}</span> : null}
              {style.prefix ? <span aria-hidden="true">{style.prefix}</span> : null}
              {item.text}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
