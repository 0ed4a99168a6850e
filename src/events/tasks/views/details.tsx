import { HistoryLines, type VersionStamp } from "../../../history/index.ts";
import { accountBenefitPath, membershipDisplay, membershipPath } from "../../../memberships/rules.ts";
import { personDisplay } from "../../../people/index.ts";
import { ActionLink } from "../../../ui/action-link.tsx";
import { PostForm } from "../../../ui/forms.tsx";
import type { TaskSummary } from "../queries.ts";
import { summaryDisplay, taskPath } from "../rules.ts";

export interface TaskDetailsProps {
  task: TaskSummary;
  history: { created: VersionStamp | undefined; lastModified: VersionStamp | undefined };
  canChange: boolean;
  canDelete: boolean;
  /** The allocated account benefit, when the task has one. */
  allocatedBenefit?: { id: string; label: string } | undefined;
  /** Whether the service-offering pages exist to link to. */
  offeringLinks?: boolean;
}

const NOT_USED = "not used since Service Offering 2025";

export function TaskDetailsPage(props: TaskDetailsProps) {
  const { task } = props;
  const path = taskPath(task.id);
  return (
    <div>
      <HistoryLines {...props.history} />
      <dl class="row">
        <dt class="col-sm-3">Event</dt>
        <dd class="col-sm-9">
          <a href={`/workshops/event/${task.eventSlug}/`}>{task.eventSlug}</a>
        </dd>
        <dt class="col-sm-3">Person</dt>
        <dd class="col-sm-9">
          <a href={`/workshops/person/${task.personId}/`}>{personDisplay(task)}</a>
        </dd>
        <dt class="col-sm-3">Role</dt>
        <dd class="col-sm-9">{task.roleVerboseName}</dd>
        <dt class="col-sm-3">Member site seat</dt>
        <dd class="col-sm-9">
          {task.seatMembershipId !== null && task.seatMembership ? (
            <a href={membershipPath(task.seatMembershipId)}>{membershipDisplay(task.seatMembership)}</a>
          ) : (
            "—"
          )}{" "}
          <small class="text-body-secondary">({NOT_USED})</small>
        </dd>
        <dt class="col-sm-3">Allocated benefit</dt>
        <dd class="col-sm-9">
          {props.allocatedBenefit ? (
            props.offeringLinks ? (
              <a href={accountBenefitPath(props.allocatedBenefit.id)}>{props.allocatedBenefit.label}</a>
            ) : (
              props.allocatedBenefit.label
            )
          ) : (
            "—"
          )}
        </dd>
        <dt class="col-sm-3">Public or in-house seat</dt>
        <dd class="col-sm-9">
          {task.seatPublic ? "Public seat" : "In-house seat"}{" "}
          <small class="text-body-secondary">({NOT_USED})</small>
        </dd>
        <dt class="col-sm-3">Open applicant</dt>
        <dd class="col-sm-9">
          {task.seatOpenTraining ? "yes" : "no"} <small class="text-body-secondary">({NOT_USED})</small>
        </dd>
      </dl>
      <div class="d-flex gap-2">
        <ActionLink
          href={`${path}edit/`}
          label="Edit"
          variant="primary"
          allowed={props.canChange}
          deniedReason="You may not change tasks"
        />
        <PostForm
          action={`${path}delete/`}
          confirm={`Delete ${summaryDisplay(task)}? This cannot be undone.`}
        >
          <button
            type="submit"
            class="btn btn-danger"
            disabled={!props.canDelete}
            title={props.canDelete ? undefined : "You may not delete tasks"}
          >
            Delete
          </button>
        </PostForm>
      </div>
    </div>
  );
}
