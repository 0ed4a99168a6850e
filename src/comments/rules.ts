// Pure rules of comments: where to go after posting, and how a comment's Markdown becomes HTML.
import MarkdownIt from "markdown-it";

export const COMMENT_MAX_LENGTH = 3000;
/** django_comments' user_name column. */
export const USER_NAME_MAX_LENGTH = 50;
export const AUTOMATIC_COMMENT_AUTHOR = "Automatic comment";

/**
 * Where to send the author of a new comment: `next` with `?c=<id>` inserted before its anchor, e.g.
 * `/fiscal/organization/example.org/?c=12#comments`. An unsafe `next` (another site, a scheme) gives
 * way to the object's own comments.
 */
export function commentRedirect(next: string | undefined, objectPage: string, commentId: number): string {
  const target = next && isLocalPath(next) ? next : `${objectPage}#comments`;
  const hashAt = target.indexOf("#");
  const beforeHash = hashAt === -1 ? target : target.slice(0, hashAt);
  const hash = hashAt === -1 ? "" : target.slice(hashAt);
  const separator = beforeHash.includes("?") ? "&" : "?";
  return `${beforeHash}${separator}c=${commentId}${hash}`;
}

/** A path on this site: starts with one slash, no backslashes or control characters. */
export function isLocalPath(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//")) return false;
  return ![...path].some((char) => char === "\\" || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
}

// Raw HTML in a comment is shown as text, and markdown-it refuses javascript:, vbscript:, file: and
// data: links, so a comment cannot run code on the page it is shown on.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

/** The comment's Markdown as safe HTML. */
export function commentHtml(text: string): string {
  return markdown.render(text);
}

/** A person's name as a comment's author: full name, else username, cut to fit the column. */
export function authorName(person: { personal: string; middle: string; family: string; username: string }) {
  const full = [person.personal, person.middle, person.family].filter((part) => part.trim()).join(" ");
  return (full || person.username).slice(0, USER_NAME_MAX_LENGTH);
}
