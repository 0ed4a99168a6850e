import type { CurrentUser } from "../../accounts/index.ts";

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
