import { Field, type FieldErrors, PostForm } from "../../ui/forms.tsx";
import { MIN_PASSWORD_LENGTH } from "../rules.ts";

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
        <NewPasswordFields errors={props.errors} />
        <button type="submit" class="btn btn-primary">
          Change password
        </button>
      </PostForm>
    </div>
  );
}

/** The new password, twice: shared by the change-password and the reset forms. */
export function NewPasswordFields(props: { errors?: FieldErrors | undefined; autofocus?: boolean }) {
  return (
    <>
      <Field
        name="new_password1"
        label="New password"
        type="password"
        errors={props.errors}
        required
        autocomplete="new-password"
        autofocus={props.autofocus}
        help={`At least ${MIN_PASSWORD_LENGTH} characters, not only digits, not a common password and not close to your name, username or email.`}
      />
      <Field
        name="new_password2"
        label="New password again"
        type="password"
        errors={props.errors}
        required
        autocomplete="new-password"
      />
    </>
  );
}
