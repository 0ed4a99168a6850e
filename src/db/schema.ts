// Every module's tables, for Drizzle's relational queries and for drizzle-kit.
export * from "../accounts/schema.ts";
export * from "../history/schema.ts";
export * from "../mail/schema.ts";
