/**
 * The constraint a unique violation broke (PostgreSQL error 23505), or undefined for any other
 * error. Drizzle wraps driver errors, so the cause chain is searched.
 */
export function uniqueViolation(error: unknown): string | undefined {
  for (
    let current = error;
    current && typeof current === "object";
    current = (current as { cause?: unknown }).cause
  ) {
    const { code, constraint } = current as { code?: unknown; constraint?: unknown };
    if (code === "23505") return typeof constraint === "string" ? constraint : "";
  }
  return undefined;
}
