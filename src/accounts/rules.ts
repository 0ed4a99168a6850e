import { dictionary } from "@zxcvbn-ts/language-common";

export const MIN_PASSWORD_LENGTH = 8;
// How similar (0..1, Django's measure) a password may be to a personal attribute before it is refused.
const MAX_SIMILARITY = 0.7;

const commonPasswords = new Set(dictionary["passwords-common"].map((word) => word.toLowerCase()));

export interface PasswordOwner {
  username: string;
  email: string | null;
  personal?: string;
  middle?: string;
  family?: string;
}

/** Returns what is wrong with a new password (empty when it is acceptable). */
export function passwordProblems(password: string, owner: PasswordOwner): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) {
    problems.push(`Use at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  if (/^\d+$/.test(password)) {
    problems.push("Use more than digits alone.");
  }
  if (commonPasswords.has(password.toLowerCase())) {
    problems.push("This password is one of the most common ones; choose something less guessable.");
  }
  const similarTo = similarAttribute(password, owner);
  if (similarTo) {
    problems.push(`This password is too close to your ${similarTo}.`);
  }
  return problems;
}

function similarAttribute(password: string, owner: PasswordOwner): string | undefined {
  const attributes: [string, string | null | undefined][] = [
    ["username", owner.username],
    ["email address", owner.email],
    ["first name", owner.personal],
    ["middle name", owner.middle],
    ["last name", owner.family],
  ];
  const lowered = password.toLowerCase();
  for (const [label, value] of attributes) {
    if (!value) continue;
    const parts = [value, ...value.split(/\W+/)]
      .map((part) => part.toLowerCase())
      .filter((part) => part.length >= 3);
    if (parts.some((part) => similarity(lowered, part) >= MAX_SIMILARITY)) return label;
  }
  return undefined;
}

/** Ratcliff/Obershelp similarity (Python's difflib ratio, which Django's check uses): 2·matches / total length. */
export function similarity(a: string, b: string): number {
  if (a.length + b.length === 0) return 1;
  return (2 * matchingCharacters(a, b)) / (a.length + b.length);
}

function matchingCharacters(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  let bestLength = 0;
  let bestA = 0;
  let bestB = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let length = 0;
      while (i + length < a.length && j + length < b.length && a[i + length] === b[j + length]) length++;
      if (length > bestLength) {
        bestLength = length;
        bestA = i;
        bestB = j;
      }
    }
  }
  if (bestLength === 0) return 0;
  return (
    bestLength +
    matchingCharacters(a.slice(0, bestA), b.slice(0, bestB)) +
    matchingCharacters(a.slice(bestA + bestLength), b.slice(bestB + bestLength))
  );
}

/**
 * Where to go after logging in: the requested page when it is a path on this site, the dashboard
 * otherwise (no open redirects through `next`).
 */
export function safeNextPath(next: string | undefined): string {
  if (!next?.startsWith("/") || next.startsWith("//")) return "/dashboard/";
  if ([...next].some((char) => char === "\\" || char.charCodeAt(0) < 0x20)) return "/dashboard/";
  return next;
}

export const ADMIN_GROUPS = ["administrators", "steering committee", "invoicing", "trainers"] as const;

/** AMY's "is admin": superusers and members of any of the four admin groups. */
export function isAdmin(person: { isSuperuser: boolean; groups: readonly string[] }): boolean {
  return (
    person.isSuperuser || person.groups.some((name) => (ADMIN_GROUPS as readonly string[]).includes(name))
  );
}

export const LOGIN_FAILURE_LIMIT = 10;
export const LOGIN_FAILURE_WINDOW_MINUTES = 15;

export function isLoginBlocked(failures: { forAccount: number; fromAddress: number }): boolean {
  return failures.forAccount >= LOGIN_FAILURE_LIMIT || failures.fromAddress >= LOGIN_FAILURE_LIMIT;
}
