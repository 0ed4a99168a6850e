import type { Choice } from "../../ui/forms.tsx";
import { PostForm } from "../../ui/forms.tsx";
import type { FormsetRow, RowErrors } from "../../ui/formset.ts";
import { AddRowButton, type FormsetCell, FormsetSelect, FormsetTable } from "../../ui/formset-table.tsx";

export interface PersonsPageProps {
  action: string;
  detailsPath: string;
  membershipId: number;
  rows: readonly FormsetRow[];
  errors?: ReadonlyMap<number, RowErrors> | undefined;
  formErrors?: readonly string[] | undefined;
  /** The persons the rows name (the selects' options until the lookup adds more). */
  persons: readonly Choice[];
  /** Every membership person role. */
  roles: readonly Choice[];
}

/** The persons (membership tasks) formset of a membership (spec §2.8). */
export function PersonsPage(props: PersonsPageProps) {
  return (
    <PostForm action={props.action} novalidate>
      <p>
        The membership's contacts and their roles. Tick “Change” on a row to change it, or “Delete” to remove
        it. A person may hold several roles.
      </p>
      <FormsetTable
        caption="Persons and their roles in the membership"
        columns={[
          {
            field: "person",
            label: "Person",
            render: (cell: FormsetCell) => (
              <FormsetSelect cell={cell} choices={props.persons} lookup="/select_lookups/persons/" />
            ),
          },
          {
            field: "role",
            label: "Role",
            render: (cell: FormsetCell) => (
              <FormsetSelect
                cell={cell}
                choices={props.roles}
                lookup="/select_lookups/membership-person-roles/"
              />
            ),
          },
        ]}
        rows={props.rows}
        errors={props.errors}
        formErrors={props.formErrors}
        canDelete
        parent={{ field: "membership", value: String(props.membershipId) }}
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
