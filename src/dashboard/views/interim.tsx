import type { CurrentUser } from "../../accounts/index.ts";

export function AdminDashboardPage(props: { user: CurrentUser }) {
  return (
    <div>
      <p class="lead">Welcome, {props.user.personal}.</p>
      <p>
        The workshop, person and organisation lists will appear here as they are built. For now you can manage
        your own account.
      </p>
      <ul>
        <li>
          <a href={`/workshops/person/${props.user.id}/password/`}>Change your password</a>
        </li>
        {props.user.isSuperuser ? (
          <li>
            <a href="/dashboard/instructor/">See the instructor dashboard</a>
          </li>
        ) : null}
      </ul>
    </div>
  );
}

export function MemberDashboardPage(props: { user: CurrentUser }) {
  const { user } = props;
  return (
    <div>
      <p class="lead">Hello, {user.personal}. This is your AMY account.</p>
      <dl class="row">
        <dt class="col-sm-3">Name</dt>
        <dd class="col-sm-9">{[user.personal, user.family].filter(Boolean).join(" ")}</dd>
        <dt class="col-sm-3">Username</dt>
        <dd class="col-sm-9">{user.username}</dd>
        <dt class="col-sm-3">Email address</dt>
        <dd class="col-sm-9">{user.email ?? "—"}</dd>
      </dl>
      <p>
        <a href={`/workshops/person/${user.id}/password/`}>Change your password</a>
      </p>
    </div>
  );
}
