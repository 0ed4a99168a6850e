import { Field, type FieldErrors, FormAlert, PostForm } from "../../ui/forms.tsx";

export interface LoginPageProps {
  values: { username?: string | undefined; next?: string | undefined };
  errors?: FieldErrors;
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
      </section>
      <section class="col-md-6 col-lg-5 mt-4 mt-md-0" aria-labelledby="login-help">
        <h2 id="login-help" class="h4">
          Instructors and trainees
        </h2>
        <p>
          Trouble logging in? Write to <a href="mailto:team@carpentries.org">team@carpentries.org</a> and we
          will help.
        </p>
      </section>
    </div>
  );
}
