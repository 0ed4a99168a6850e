import { type CommentRow, CommentsSection } from "../../../comments/index.ts";
import { HistoryLines, type VersionStamp } from "../../../history/index.ts";
import { PostForm } from "../../../ui/forms.tsx";
import { consortiumPath } from "../../rules.ts";
import type { ConsortiumOrganisation, ConsortiumRow } from "../queries.ts";
import { OrganisationList } from "./list.tsx";

export interface ConsortiumDetailsProps {
  consortium: ConsortiumRow;
  organisations: readonly ConsortiumOrganisation[];
  history: { created: VersionStamp | undefined; lastModified: VersionStamp | undefined };
  comments: readonly CommentRow[];
  contentType: string;
  canChange: boolean;
  canDelete: boolean;
}

export function ConsortiumDetailsPage(props: ConsortiumDetailsProps) {
  const { consortium } = props;
  const path = consortiumPath(consortium.id);
  return (
    <div>
      <HistoryLines {...props.history} />
      <dl class="row">
        <dt class="col-sm-3">Name</dt>
        <dd class="col-sm-9">{consortium.name}</dd>
        <dt class="col-sm-3">Description</dt>
        <dd class="col-sm-9">{consortium.description}</dd>
        <dt class="col-sm-3">Organisations</dt>
        <dd class="col-sm-9">
          <OrganisationList organisations={props.organisations} />
        </dd>
      </dl>
      <div class="d-flex gap-2">
        {props.canChange ? (
          <a class="btn btn-primary" href={`${path}edit/`}>
            Edit
          </a>
        ) : null}
        {props.canDelete ? (
          <PostForm action={`${path}delete/`} confirm={`Delete ${consortium.name}? This cannot be undone.`}>
            <button type="submit" class="btn btn-danger">
              Delete
            </button>
          </PostForm>
        ) : null}
      </div>
      <CommentsSection
        contentType={props.contentType}
        objectPk={consortium.id}
        comments={props.comments}
        next={`${path}#comments`}
      />
    </div>
  );
}
