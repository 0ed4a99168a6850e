import { fileURLToPath } from "node:url";

/**
 * A file of the project, by its path from the project's root. This module sits one level below the
 * root, as does the bundle `amy` runs (dist/), so the answer is the same from either.
 */
export function projectPath(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, import.meta.url));
}
