import { createHash, pbkdf2Sync, timingSafeEqual } from "node:crypto";
import { type Algorithm, hash, verify } from "@node-rs/argon2";
import bcrypt from "bcryptjs";

/** Stored for accounts that log in only through GitHub (Django's "unusable password"). */
export const UNUSABLE_PASSWORD = "!";

// OWASP's argon2id baseline; tests use the cheapest settings so the suite stays fast.
const STRONG = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const CHEAP = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
const ARGON2ID = 2 as Algorithm; // the package's const enum, which isolated modules cannot read
const argon2Options = () => ({ algorithm: ARGON2ID, ...(process.env.NODE_ENV === "test" ? CHEAP : STRONG) });

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options());
}

export function isUsablePassword(encoded: string): boolean {
  return encoded !== "" && !encoded.startsWith(UNUSABLE_PASSWORD);
}

export interface PasswordCheck {
  valid: boolean;
  /** True when the hash is valid but in an older format or with weaker settings: store a new one. */
  needsRehash: boolean;
}

/**
 * Verifies a password against our argon2id hashes and the Django formats an AMY database brings:
 * `pbkdf2_sha256`, `pbkdf2_sha1`, `argon2`, `bcrypt_sha256` and `bcrypt`.
 */
export async function verifyPassword(password: string, encoded: string): Promise<PasswordCheck> {
  if (!isUsablePassword(encoded)) return { valid: false, needsRehash: false };
  const valid = await verifyEncoded(password, encoded).catch(() => false);
  return { valid, needsRehash: valid && !isCurrentFormat(encoded) };
}

function isCurrentFormat(encoded: string): boolean {
  const { memoryCost, timeCost } = argon2Options();
  return encoded.startsWith(`$argon2id$v=19$m=${memoryCost},t=${timeCost},`);
}

async function verifyEncoded(password: string, encoded: string): Promise<boolean> {
  if (encoded.startsWith("$argon2")) return verify(encoded, password);
  const separator = encoded.indexOf("$");
  const algorithm = encoded.slice(0, separator);
  const rest = encoded.slice(separator + 1);
  switch (algorithm) {
    case "argon2":
      // Django writes "argon2" + the PHC string without its leading "$".
      return verify(`$${rest}`, password);
    case "pbkdf2_sha256":
      return verifyPbkdf2(password, rest, "sha256", 32);
    case "pbkdf2_sha1":
      return verifyPbkdf2(password, rest, "sha1", 20);
    case "bcrypt_sha256":
      return bcrypt.compare(createHash("sha256").update(password).digest("hex"), stripDollar(rest));
    case "bcrypt":
      return bcrypt.compare(password, stripDollar(rest));
    default:
      return false;
  }
}

/** Django's bcrypt formats store "bcrypt$$2b$…": the hash itself starts after the first "$". */
function stripDollar(rest: string): string {
  return rest.startsWith("$") ? rest : `$${rest}`;
}

function verifyPbkdf2(password: string, rest: string, digest: "sha256" | "sha1", keyLength: number): boolean {
  const [iterations, salt, expected] = rest.split("$");
  if (!iterations || !salt || !expected) return false;
  const count = Number.parseInt(iterations, 10);
  if (!Number.isSafeInteger(count) || count < 1 || count > 10_000_000) return false;
  const actual = pbkdf2Sync(password, salt, count, keyLength, digest);
  const wanted = Buffer.from(expected, "base64");
  return wanted.length === actual.length && timingSafeEqual(actual, wanted);
}
