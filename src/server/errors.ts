/** An error whose message is safe to show. Anything else that reaches the handler is a 500. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends HttpError {
  constructor(
    message = "There is nothing at this address. It may have been deleted, or the link may be wrong.",
  ) {
    super(404, "not_found", message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = "Your account does not have access to this page.") {
    super(403, "forbidden", message);
  }
}

export class BadRequestError extends HttpError {
  constructor(message: string) {
    super(400, "bad_request", message);
  }
}

const CSRF_MESSAGE =
  "This form could not be accepted: it has expired or it was not sent from an AMY page. " +
  "Go back, reload the page and submit it again.";

interface FrameworkError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** Turns any thrown value into what the user may see: a status, a stable code and a safe message. */
export function publicError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const { statusCode, code, message } = (error ?? {}) as FrameworkError;
  if (code?.startsWith("FST_CSRF")) return new HttpError(403, "csrf", CSRF_MESSAGE);
  if (statusCode === 413 || code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return new HttpError(413, "too_large", "What you sent is larger than AMY accepts.");
  }
  if (code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
    return new HttpError(415, "unsupported_media_type", "AMY does not accept this kind of content here.");
  }
  if (statusCode === 405)
    return new HttpError(405, "method_not_allowed", "This address does not accept that method.");
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    return new HttpError(statusCode, "bad_request", describeBadRequest(code, message));
  }
  return new HttpError(500, "server_error", "Something went wrong on our side. The error was logged.");
}

function describeBadRequest(code: string | undefined, message: string | undefined): string {
  switch (code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return "The request body is not valid JSON.";
    case "FST_ERR_BAD_URL":
      return "The address is malformed.";
    default:
      return message && message.length < 200 && !message.includes("\n")
        ? message
        : "The request is malformed.";
  }
}
