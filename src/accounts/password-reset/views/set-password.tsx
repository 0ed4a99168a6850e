import type { FieldErrors } from "../../../ui/forms.tsx";
import { PostForm } from "../../../ui/forms.tsx";
import { NewPasswordFields } from "../../views/password.tsx";

export function SetPasswordPage(props: { uidb64: string; username: string; errors?: FieldErrors }) {
  return (
    <div class="col-md-8 col-lg-6">
      <p>Choose a new password for your account ({props.username}).</p>
      <PostForm action={`/account/reset/${props.uidb64}/set-password/`} novalidate>
        <NewPasswordFields errors={props.errors} autofocus />
        <button type="submit" class="btn btn-primary">
          Set my password
        </button>
      </PostForm>
    </div>
  );
}

export function InvalidLinkPage() {
  return (
    <div class="col-md-8 col-lg-6">
      <p class="lead">This password reset link cannot be used.</p>
      <p>
        It has expired, it was used already, or part of it was lost when it was copied. Nothing was changed.
      </p>
      <p>
        <a href="/account/password_reset/">Ask for a new link</a>
      </p>
    </div>
  );
}

export function ResetDonePage() {
  return (
    <div class="col-md-8 col-lg-6">
      <p>Your new password is set, and any other sessions of your account have ended.</p>
      <p>
        <a class="btn btn-primary" href="/account/login/">
          Log in
        </a>
      </p>
    </div>
  );
}
