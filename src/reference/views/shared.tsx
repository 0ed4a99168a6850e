import { PostForm } from "../../ui/forms.tsx";
import type { ReferenceTable } from "../tables.ts";
import { rowPath } from "../tables.ts";

/** The button that retires a row, or restores a retired one. */
export function RetireButton(props: {
  spec: ReferenceTable;
  id: number | string;
  label: string;
  retired: boolean;
  small?: boolean;
}) {
  const { spec, id, retired } = props;
  const size = props.small ? " btn-sm" : "";
  return retired ? (
    <PostForm action={rowPath(spec, id, "restore")} class="d-inline">
      <button type="submit" class={`btn btn-outline-secondary${size}`} aria-label={`Restore ${props.label}`}>
        Restore
      </button>
    </PostForm>
  ) : (
    <PostForm
      action={rowPath(spec, id, "retire")}
      class="d-inline"
      confirm={`Retire the ${spec.singular} “${props.label}”? It stays on the records that use it but is no longer offered in forms.`}
    >
      <button type="submit" class={`btn btn-outline-danger${size}`} aria-label={`Retire ${props.label}`}>
        Retire
      </button>
    </PostForm>
  );
}

export function RetiredBadge() {
  return <span class="badge text-bg-secondary">Retired</span>;
}
