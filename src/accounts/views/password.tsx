import { Field, type FieldErrors, PostForm } from "../../ui/forms.tsx";

export interface PasswordPageProps {
  personId: number;
  personName: string;
  /** The person changes their own password and must confirm the current one. */
  askOldPassword: boolean;
  errors?: FieldErrors;
}

export function PasswordPage(props: PasswordPageProps) {
  return (
    <div class="col-md-8 col-lg-6">
      <p>
        {props.askOldPassword
          ? "Choose a new password for your account."
          : `Set a new password for ${props.personName}.`}{" "}
        A good password is long and not used anywhere else.
      </p>
      <PostForm action={`/workshops/person/${props.personId}/password/`} novalidate>
        {props.askOldPassword ? (
          <Field
            name="old_password"
            label="Current password"
            type="password"
            errors={props.errors}
            required
            autocomplete="current-password"
            autofocus
          />
        ) : null}
        <Field
          name="new_password1"
          label="New password"
          type="password"
          errors={props.errors}
          required
          autocomplete="new-password"
          help="At least 8 characters, not only digits, not a common password and not close to your name, username or email."
        />
        <Field
          name="new_password2"
          label="New password again"
          type="password"
          errors={props.errors}
          required
          autocomplete="new-password"
        />
        <button type="submit" class="btn btn-primary">
          Change password
        </button>
      </PostForm>
    </div>
  );
}
