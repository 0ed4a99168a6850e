export function GithubProblemPage(props: { message: string }) {
  return (
    <div class="col-md-8 col-lg-6">
      <p class="lead">{props.message}</p>
      <p>You are not logged in, and nothing was changed.</p>
      <p>
        <a href="/account/login/">Back to the login page</a>
      </p>
    </div>
  );
}

export function GithubNotConfiguredPage() {
  return (
    <div class="col-md-8 col-lg-6">
      <p class="lead">Logging in with GitHub is not set up on this AMY site.</p>
      <p>
        <a href="/account/login/">Log in with your username and password</a>, or ask for a new password there
        if you do not have one.
      </p>
    </div>
  );
}
