import type { Choice } from "../../ui/forms.tsx";
import { PostForm } from "../../ui/forms.tsx";
import type { FormsetRow, RowErrors } from "../../ui/formset.ts";
import { AddRowButton, type FormsetCell, FormsetSelect, FormsetTable } from "../../ui/formset-table.tsx";

export interface MembersPageProps {
  action: string;
  detailsPath: string;
  membershipId: number;
  consortium: boolean;
  rows: readonly FormsetRow[];
  errors?: ReadonlyMap<number, RowErrors> | undefined;
  formErrors?: readonly string[] | undefined;
  /** The organisations the rows name (the selects' options until the lookup adds more). */
  organizations: readonly Choice[];
  /** Every member role: there are only a few, so they are listed whole. */
  roles: readonly Choice[];
}

/** The members formset of a membership (spec §2.7). */
export function MembersPage(props: MembersPageProps) {
  const shown = props.rows.filter((row) => !(row.initial && row.delete)).length;
  const canAddRow = props.consortium || shown < 1;
  return (
    <PostForm action={props.action} novalidate>
      {props.consortium ? (
        <p>
          A consortium lists any number of organisations. Tick “Change” on a row to change it, or “Delete” to
          remove it.
        </p>
      ) : (
        <div class="alert alert-info" role="note">
          This membership is not a consortium, so it lists exactly one organisation: it can be replaced but
          not removed. To list several organisations, first tick “Consortium” on the membership's edit page.
        </div>
      )}
      <FormsetTable
        caption="Member organisations and their roles"
        columns={[
          {
            field: "organization",
            label: "Organisation",
            render: (cell: FormsetCell) => (
              <FormsetSelect
                cell={cell}
                choices={props.organizations}
                lookup="/select_lookups/organizations/"
              />
            ),
          },
          {
            field: "role",
            label: "Role",
            render: (cell: FormsetCell) => (
              <FormsetSelect cell={cell} choices={props.roles} lookup="/select_lookups/member-roles/" />
            ),
          },
        ]}
        rows={props.rows}
        errors={props.errors}
        formErrors={props.formErrors}
        canDelete={props.consortium}
        parent={{ field: "membership", value: String(props.membershipId) }}
        maxRows={props.consortium ? undefined : 1}
      />
      <div class="d-flex flex-wrap gap-2">
        <button type="submit" class="btn btn-primary">
          Save
        </button>
        {canAddRow ? <AddRowButton /> : null}
        <a class="btn btn-link" href={props.detailsPath}>
          Cancel
        </a>
      </div>
    </PostForm>
  );
}
