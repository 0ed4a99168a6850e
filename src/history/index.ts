// The history module's public surface: record changes inside the transaction that makes them.

export { deleteVersionsOf } from "./queries.ts";
export { type Change, type ChangedObject, recordChange, rowFields } from "./record.ts";
export { historyRoutes } from "./routes.tsx";
