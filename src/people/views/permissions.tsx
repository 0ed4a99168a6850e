import { CheckboxField, type Choice, PostForm, SelectField } from "../../ui/forms.tsx";

export function PermissionsPage(props: {
  personId: number;
  values: { isActive: boolean; isSuperuser: boolean; groups: string[]; permissions: string[] };
  choices: { groups: Choice[]; permissions: Choice[] };
}) {
  return (
    <PostForm action={`/workshops/person/${props.personId}/permissions/`}>
      <CheckboxField name="is_active" label="Active (may log in)" checked={props.values.isActive} />
      <CheckboxField
        name="is_superuser"
        label="Superuser (holds every permission)"
        checked={props.values.isSuperuser}
      />
      <SelectField
        name="groups"
        label="Groups"
        choices={props.choices.groups}
        selected={props.values.groups}
        multiple
        help="Members of administrators, steering committee, invoicing or trainers are admins."
      />
      <SelectField
        name="user_permissions"
        label="Permissions of this person alone"
        choices={props.choices.permissions}
        selected={props.values.permissions}
        multiple
      />
      <button type="submit" class="btn btn-primary">
        Save
      </button>{" "}
      <a class="btn btn-link" href={`/workshops/person/${props.personId}/`}>
        Cancel
      </a>
    </PostForm>
  );
}
