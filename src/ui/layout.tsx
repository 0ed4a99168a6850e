import type { ComponentChildren } from "preact";
import { type PageContext, PageContextProvider } from "./context.ts";
import { FlashMessages } from "./flash.tsx";
import { Navigation } from "./navigation.tsx";

export interface LayoutProps {
  context: PageContext;
  title?: string | undefined;
  /** Member pages keep the member bar even for admins. */
  memberBar?: boolean | undefined;
  children: ComponentChildren;
}

export function Layout(props: LayoutProps) {
  const { context } = props;
  return (
    <PageContextProvider.Provider value={context}>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{props.title ? `AMY: ${props.title}` : "AMY"}</title>
          <link rel="stylesheet" href="/static/bootstrap.min.css" />
          <link rel="stylesheet" href="/static/tom-select.min.css" />
          <link rel="stylesheet" href="/static/amy.css" />
          <script src="/static/bootstrap.bundle.min.js" defer />
          <script src="/static/tom-select.complete.min.js" defer />
          <script src="/static/amy.js" defer />
          <script src="/static/event-import.js" defer />
        </head>
        <body>
          <a class="visually-hidden-focusable" href="#main">
            Skip to the content
          </a>
          <SiteBanner banner={context.siteBanner} />
          <Navigation memberBar={props.memberBar} />
          <main id="main" class="container-fluid px-4 pb-4">
            {props.title ? <h1 class="h2 my-3">{props.title}</h1> : null}
            <FlashMessages messages={context.flashes} />
            {props.children}
          </main>
          <footer class="container-fluid px-4 py-3 border-top text-body-secondary small">
            Powered by AMY version {context.version} ·{" "}
            <a href="https://docs.carpentries.org/policies/privacy.html">Privacy policy</a> ·{" "}
            <a href="https://docs.carpentries.org/policies/cookie-policy.html">Cookie policy</a>
          </footer>
        </body>
      </html>
    </PageContextProvider.Provider>
  );
}

function SiteBanner(props: { banner: PageContext["siteBanner"] }) {
  if (props.banner === "production") return null;
  const text =
    props.banner === "testing"
      ? "This is a test copy of AMY. Do not enter real personal data here."
      : "This is a local copy of AMY, for development.";
  return (
    <div
      class={props.banner === "testing" ? "site-banner site-banner-testing" : "site-banner site-banner-local"}
    >
      {text}
    </div>
  );
}
