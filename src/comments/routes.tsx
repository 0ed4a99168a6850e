import type { FastifyInstance } from "fastify";
import { objectPageOf } from "../history/index.ts";
import { access } from "../server/access.ts";
import { BadRequestError } from "../server/errors.ts";
import { parseForm, submittedValues } from "../server/forms.ts";
import { flash } from "../server/render.tsx";
import { postComment } from "./commands.ts";
import { commentForm } from "./forms.ts";
import { commentRedirect } from "./rules.ts";
import { CommentForm } from "./views/comments-section.tsx";

const NO_SUCH_OBJECT = "This comment is not about anything that can be commented on. Go back and try again.";

export async function commentsRoutes(app: FastifyInstance) {
  app.post("/comments/post/", { config: { access: access.login } }, async (request, reply) => {
    const user = request.user;
    if (!user) throw new Error("the login rule let an anonymous visitor in");
    const submitted = submittedValues(request.body);
    const contentType = submitted.content_type ?? "";
    const objectPk = submitted.object_pk ?? "";
    const pageOf = objectPageOf(contentType);
    const objectPage = pageOf && objectPk ? await pageOf(app.db, objectPk) : undefined;
    if (!objectPage) throw new BadRequestError(NO_SUCH_OBJECT);

    const form = parseForm(commentForm, request.body);
    if (!form.ok) {
      flash(request, "error", "Please fix errors in the form below.");
      return reply.page(
        "Add a comment",
        <div>
          <p>
            <a href={`${objectPage}#comments`}>Back to the page you were commenting on</a>
          </p>
          <CommentForm
            contentType={contentType}
            objectPk={objectPk}
            next={form.values.next ?? `${objectPage}#comments`}
            value={form.values.comment}
            errors={form.errors}
          />
        </div>,
      );
    }
    const id = await postComment(app.db, {
      contentType,
      objectPk,
      text: form.data.comment,
      author: user,
      ipAddress: request.ip || null,
    });
    flash(request, "success", "Your comment was added.");
    return reply.redirect(commentRedirect(form.data.next, objectPage, id), 303);
  });
}
