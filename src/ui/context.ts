import { createContext } from "preact";
import { useContext } from "preact/hooks";

export interface ViewerInfo {
  id: number;
  personal: string;
  isAdmin: boolean;
  isSuperuser: boolean;
}

export type FlashLevel = "success" | "info" | "warning" | "error";
export interface FlashMessage {
  level: FlashLevel;
  message: string;
}

/** What every page knows about the request it answers; the layout provides it to the components inside. */
export interface PageContext {
  path: string;
  csrfToken: string;
  viewer: ViewerInfo | null;
  flashes: FlashMessage[];
  siteBanner: "local" | "testing" | "production";
  version: string;
  /** AMY's SERVICE_OFFERING flag: the navigation then offers the service-offering pages. */
  serviceOffering?: boolean;
}

export const PageContextProvider = createContext<PageContext | null>(null);

export function usePageContext(): PageContext {
  const context = useContext(PageContextProvider);
  if (!context) throw new Error("usePageContext outside a page");
  return context;
}
