import { usePageContext } from "../../ui/context.ts";
import { type FieldErrors, FormAlert, PostForm, TextAreaField } from "../../ui/forms.tsx";
import { formatInstant } from "../../ui/time.ts";
import type { CommentRow } from "../queries.ts";
import { COMMENT_MAX_LENGTH, commentHtml } from "../rules.ts";

export interface CommentFormProps {
  /** "app_label.model" of the object commented on. */
  contentType: string;
  objectPk: number | string;
  /** Where to return after posting; the page's own path plus "#comments". */
  next: string;
  value?: string | undefined;
  errors?: FieldErrors | undefined;
}

/** The thread on an object's page: its comments, then a form to add one for logged-in people. */
export function CommentsSection(
  props: Omit<CommentFormProps, "value" | "errors"> & { comments: readonly CommentRow[] },
) {
  const { viewer } = usePageContext();
  return (
    <section aria-labelledby="comments" class="mt-4">
      <h2 id="comments" class="h4">
        Comments
      </h2>
      {props.comments.length === 0 ? <p class="text-body-secondary">No comments yet.</p> : null}
      {props.comments.map((row) => (
        <CommentCard key={row.id} row={row} />
      ))}
      {viewer ? (
        <CommentForm contentType={props.contentType} objectPk={props.objectPk} next={props.next} />
      ) : null}
    </section>
  );
}

function CommentCard(props: { row: CommentRow }) {
  const { row } = props;
  return (
    <article class="card mb-3" id={`c${row.id}`}>
      <header class="card-header small">
        <strong>{row.authorName}</strong> commented on{" "}
        <time datetime={row.submitDate.toISOString()}>{formatInstant(row.submitDate)}</time>
      </header>
      {/* commentHtml escapes raw HTML and drops unsafe links, so this HTML is safe to insert */}
      <div class="card-body comment-body" dangerouslySetInnerHTML={{ __html: commentHtml(row.text) }} />
    </article>
  );
}

export function CommentForm(props: CommentFormProps) {
  return (
    <PostForm action="/comments/post/" novalidate>
      <FormAlert messages={props.errors?.__all__} />
      <input type="hidden" name="content_type" value={props.contentType} />
      <input type="hidden" name="object_pk" value={String(props.objectPk)} />
      <input type="hidden" name="next" value={props.next} />
      <TextAreaField
        name="comment"
        label="Add a comment"
        help="You can format the text with Markdown."
        value={props.value}
        errors={props.errors}
        required
        maxLength={COMMENT_MAX_LENGTH}
      />
      <button type="submit" class="btn btn-primary">
        Comment
      </button>
    </PostForm>
  );
}
