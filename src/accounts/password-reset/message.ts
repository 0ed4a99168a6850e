import type { OutgoingMail } from "../../mail/index.ts";
import { RESET_LINK_LIFETIME_DAYS } from "./tokens.ts";

/** The email with the reset link. */
export function resetMessage(
  person: { personal: string; username: string; email: string },
  link: URL,
): OutgoingMail {
  return {
    to: [person.email],
    subject: "Choose a new AMY password",
    body: [
      `Hello ${person.personal},`,
      "",
      `A new password was requested for your AMY account (username: ${person.username}).`,
      `Open this link within ${RESET_LINK_LIFETIME_DAYS} days to choose it:`,
      "",
      link.href,
      "",
      "The link works only once. If you did not ask for a new password, you can ignore this",
      "message: nothing changes until the link is used.",
      "",
      "AMY, The Carpentries",
    ].join("\n"),
  };
}
