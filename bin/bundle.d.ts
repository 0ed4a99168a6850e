/** Writes dist/<name>.mjs, the entry (a path from the project's root) bundled; returns its path. */
export function bundle(entry: string, name: string): Promise<string>;
