import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { type PageContext, PageContextProvider } from "../../src/ui/context.ts";

const context: PageContext = {
  path: "/",
  csrfToken: "token123",
  viewer: null,
  flashes: [],
  siteBanner: "local",
  version: "0",
};

/** Renders a component as a page would, with a page context (CSRF token "token123"). */
export function renderInPage(node: VNode, overrides: Partial<PageContext> = {}): string {
  return renderToString(
    <PageContextProvider.Provider value={{ ...context, ...overrides }}>{node}</PageContextProvider.Provider>,
  );
}
