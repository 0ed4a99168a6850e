import { createHmac, timingSafeEqual } from "node:crypto";

// One-time password reset links, made as Django makes them: the token signs the person's id,
// password hash, last login and the time it was made, so it stops working after 3 days, once the
// password changes (it was used) or once the person logs in again. Nothing is stored.

export const RESET_LINK_LIFETIME_DAYS = 3;
const LIFETIME_SECONDS = RESET_LINK_LIFETIME_DAYS * 24 * 60 * 60;
const EPOCH_MS = Date.UTC(2001, 0, 1); // Django's: keeps the timestamp short
const TOKEN_PATTERN = /^([0-9a-z]{1,8})-([0-9a-f]{32})$/;

/** What a token is bound to. */
export interface ResetSubject {
  id: number;
  password: string;
  lastLogin: Date | null;
  email: string | null;
}

/** The key reset tokens are signed with, derived from AMY_SECRET_KEY for this purpose only. */
export function resetTokenKey(secretKey: string): Buffer {
  return createHmac("sha256", secretKey).update("amy.accounts.password-reset").digest();
}

export function makeResetToken(key: Buffer, subject: ResetSubject, now: Date = new Date()): string {
  const timestamp = secondsSinceEpoch(now);
  return `${timestamp.toString(36)}-${signature(key, subject, timestamp)}`;
}

/** True when the token was made for this person as they are now, less than 3 days before `now`. */
export function isValidResetToken(
  key: Buffer,
  subject: ResetSubject,
  token: string,
  now: Date = new Date(),
): boolean {
  const match = TOKEN_PATTERN.exec(token);
  if (!match?.[1] || !match[2]) return false;
  const timestamp = Number.parseInt(match[1], 36);
  const expected = Buffer.from(signature(key, subject, timestamp));
  if (!timingSafeEqual(expected, Buffer.from(match[2]))) return false;
  return secondsSinceEpoch(now) - timestamp <= LIFETIME_SECONDS;
}

function secondsSinceEpoch(moment: Date): number {
  return Math.floor((moment.getTime() - EPOCH_MS) / 1000);
}

function signature(key: Buffer, subject: ResetSubject, timestamp: number): string {
  const lastLogin = subject.lastLogin ? Math.floor(subject.lastLogin.getTime() / 1000) : "";
  const value = [subject.id, subject.password, lastLogin, timestamp, subject.email ?? ""].join("\u0000");
  const hex = createHmac("sha256", key).update(value).digest("hex");
  // Every other character, as Django does: a shorter link, still 128 bits.
  return [...hex].filter((_char, index) => index % 2 === 0).join("");
}

/** The person id as the link carries it (Django's uidb64). */
export function encodeUid(id: number): string {
  return Buffer.from(String(id)).toString("base64url");
}

/** The person id from a link, or undefined when it is not one we made. */
export function decodeUid(uidb64: string): number | undefined {
  if (!/^[A-Za-z0-9_-]{1,16}$/.test(uidb64)) return undefined;
  const text = Buffer.from(uidb64, "base64url").toString("latin1");
  if (!/^[1-9]\d{0,8}$/.test(text) || encodeUid(Number(text)) !== uidb64) return undefined;
  return Number(text);
}
