// Every module's tables, for Drizzle's relational queries and for drizzle-kit.
export * from "../accounts/schema.ts";
export * from "../comments/schema.ts";
export * from "../community-roles/schema.ts";
export * from "../events/schema.ts";
export * from "../history/schema.ts";
export * from "../mail/schema.ts";
export * from "../memberships/schema.ts";
export * from "../organizations/schema.ts";
export * from "../people/schema.ts";
export * from "../reference/schema.ts";
export { rowCount } from "./row-counts.ts";
