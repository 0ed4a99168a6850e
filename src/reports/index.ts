// The reports module's public surface.
export { reportsRoutes } from "./routes.tsx";
