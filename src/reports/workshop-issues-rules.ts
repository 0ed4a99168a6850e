/** Pure rules of the workshop issues report: no database, no HTTP. */
import { domainToASCII } from "node:url";

const EMAIL = /^\S+@\S+\.\S+$/;

/**
 * E-mail addresses in an event's `contact` field. AMY stores them joined with ";" but does not split
 * on it; here ";", "," and whitespace all separate addresses (spec 20, notes). Domains are
 * IDNA-encoded; an address whose domain cannot be encoded is dropped.
 */
export function contactEmails(contact: string): string[] {
  const emails: string[] = [];
  for (const token of contact.split(/[\s<>"';,]+/)) {
    if (!EMAIL.test(token)) continue;
    const at = token.lastIndexOf("@");
    const domain = domainToASCII(token.slice(at + 1));
    if (domain) emails.push(`${token.slice(0, at)}@${domain}`);
  }
  return emails;
}

export interface WorkshopIssueFlags {
  missingAttendance: boolean;
  missingLocation: boolean;
  badDates: boolean;
  noInstructors: boolean;
}

/** What each issue's e-mail asks the contacts for. */
export const ISSUE_MAILS: Record<keyof WorkshopIssueFlags, { subject: string; body: string }> = {
  missingAttendance: {
    subject: "How many learners came to your workshop?",
    body: "Hello,\n\nwe have no attendance figures for the workshop {slug}. Could you tell us how many learners took part?\n\nThank you!",
  },
  noInstructors: {
    subject: "Who taught your workshop?",
    body: "Hello,\n\nour records list no instructors for the workshop {slug}. Could you send us the names of the instructors who taught it?\n\nThank you!",
  },
  missingLocation: {
    subject: "Where did your workshop take place?",
    body: "Hello,\n\nour records for the workshop {slug} are missing part of its location. Could you send us its country, address, venue and latitude/longitude?\n\nThank you!",
  },
  badDates: {
    subject: "When did your workshop take place?",
    body: "Hello,\n\nthe dates we have for the workshop {slug} end before they start. Could you confirm its start and end dates?\n\nThank you!",
  },
};
