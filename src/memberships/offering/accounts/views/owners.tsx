import type { Choice } from "../../../../ui/forms.tsx";
import { PostForm } from "../../../../ui/forms.tsx";
import type { FormsetRow, RowErrors } from "../../../../ui/formset.ts";
import {
  AddRowButton,
  type FormsetCell,
  FormsetSelect,
  FormsetTable,
} from "../../../../ui/formset-table.tsx";
import { ACCOUNT_OWNER_PERMISSION_TYPES } from "../../../rules.ts";

export interface OwnersPageProps {
  action: string;
  detailsPath: string;
  accountId: string;
  rows: readonly FormsetRow[];
  errors?: ReadonlyMap<number, RowErrors> | undefined;
  formErrors?: readonly string[] | undefined;
  /** The persons the rows name (the selects' options until the lookup adds more). */
  persons: readonly Choice[];
}

/** The owners formset of an organisation or consortium account. */
export function OwnersPage(props: OwnersPageProps) {
  return (
    <PostForm action={props.action} novalidate>
      <p>
        The people who own the account or are its programmatic or billing contacts. Tick “Change” on a row to
        change it, or “Delete” to remove it.
      </p>
      <FormsetTable
        caption="Account owners and their permissions"
        columns={[
          {
            field: "person",
            label: "Person",
            render: (cell: FormsetCell) => (
              <FormsetSelect cell={cell} choices={props.persons} lookup="/select_lookups/persons/" />
            ),
          },
          {
            field: "permission_type",
            label: "Permission type",
            render: (cell: FormsetCell) => (
              <FormsetSelect cell={cell} choices={ACCOUNT_OWNER_PERMISSION_TYPES} />
            ),
          },
        ]}
        rows={props.rows}
        errors={props.errors}
        formErrors={props.formErrors}
        canDelete
        parent={{ field: "account", value: props.accountId }}
      />
      <div class="d-flex flex-wrap gap-2">
        <button type="submit" class="btn btn-primary">
          Save
        </button>
        <AddRowButton />
        <a class="btn btn-link" href={props.detailsPath}>
          Cancel
        </a>
      </div>
    </PostForm>
  );
}
