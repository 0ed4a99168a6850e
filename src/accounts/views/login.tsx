import { Field, type FieldErrors, FormAlert, PostForm } from "../../ui/forms.tsx";

export interface LoginPageProps {
  values: { username?: string | undefined; next?: string | undefined };
  errors?: FieldErrors;
  /** GitHub login is configured: offer its button. */
  githubLogin?: boolean;
}

export function LoginPage(props: LoginPageProps) {
  return (
    <div class="row">
      <section class="col-md-6 col-lg-5" aria-labelledby="login-admins">
        <h2 id="login-admins" class="h4">
          With a username and password
        </h2>
        <p class="text-body-secondary">For staff and anyone who has set a password.</p>
        <FormAlert messages={props.errors?.__all__} />
        <PostForm action="/account/login/" novalidate>
          <input type="hidden" name="next" value={props.values.next ?? ""} />
          <Field
            name="username"
            label="Username or email address"
            value={props.values.username}
            errors={props.errors}
            required
            autocomplete="username"
            autofocus
            maxLength={254}
          />
          <Field
            name="password"
            label="Password"
            type="password"
            errors={props.errors}
            required
            autocomplete="current-password"
          />
          <button type="submit" class="btn btn-primary">
            Log in to AMY
          </button>
        </PostForm>
        <p class="mt-3">
          <a href="/account/password_reset/">Forgot your password?</a>
        </p>
      </section>
      <section class="col-md-6 col-lg-5 mt-4 mt-md-0" aria-labelledby="login-help">
        <h2 id="login-help" class="h4">
          Instructors and trainees
        </h2>
        {props.githubLogin ? <GithubButton next={props.values.next} /> : null}
        <p>
          Trouble logging in? Write to <a href="mailto:team@carpentries.org">team@carpentries.org</a> and we
          will help.
        </p>
      </section>
    </div>
  );
}

function GithubButton(props: { next: string | undefined }) {
  const href = props.next ? `/login/github/?next=${encodeURIComponent(props.next)}` : "/login/github/";
  return (
    <>
      <p>If the AMY team linked your GitHub account to AMY, log in with it:</p>
      <p>
        <a class="btn btn-dark" href={href}>
          Log in with GitHub
        </a>
      </p>
    </>
  );
}
