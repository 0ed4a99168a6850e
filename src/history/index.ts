// The history module's public surface: record changes inside the transaction that makes them.

export { type ObjectPage, objectPageOf, registerObjectPage } from "./object-pages.ts";
export {
  contentTypeIdOf,
  deleteVersionsOf,
  firstAndLastVersion,
  type VersionStamp,
} from "./queries.ts";
export { type Change, type ChangedObject, recordChange, rowFields } from "./record.ts";
export { historyRoutes } from "./routes.tsx";
export { HistoryLines } from "./views/history-lines.tsx";
