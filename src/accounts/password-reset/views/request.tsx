import { Field, type FieldErrors, PostForm } from "../../../ui/forms.tsx";
import { RESET_LINK_LIFETIME_DAYS } from "../tokens.ts";

export function ResetRequestPage(props: { values?: { email?: string | undefined }; errors?: FieldErrors }) {
  return (
    <div class="col-md-8 col-lg-6">
      <p>
        Forgot your password? Enter the email address of your AMY account and we will send you a link to
        choose a new one.
      </p>
      <PostForm action="/account/password_reset/" novalidate>
        <Field
          name="email"
          label="Email address"
          type="email"
          value={props.values?.email}
          errors={props.errors}
          required
          autocomplete="email"
          autofocus
          maxLength={254}
        />
        <button type="submit" class="btn btn-primary">
          Send me a link
        </button>
      </PostForm>
    </div>
  );
}

export function ResetRequestSentPage() {
  return (
    <div class="col-md-8 col-lg-6">
      <p>
        If an active AMY account uses that address, a link to choose a new password is on its way to it. The
        link works once, for {RESET_LINK_LIFETIME_DAYS} days.
      </p>
      <p>
        Nothing arrived after a few minutes? Look in your spam folder, and check that you gave the address
        your account uses. Accounts that log in only with GitHub have no password to reset.
      </p>
      <p>
        <a href="/account/login/">Back to the login page</a>
      </p>
    </div>
  );
}
