import type { FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import type { CurrentUser } from "../accounts/index.ts";
import type { FlashLevel, FlashMessage, PageContext } from "../ui/context.ts";
import { Layout } from "../ui/layout.tsx";

export interface PageOptions {
  status?: number;
  memberBar?: boolean;
}

declare module "fastify" {
  interface Session {
    personId?: number;
    flash?: FlashMessage[];
    /** Who is logged in, read with the session at each request (session-store.ts); never stored. */
    currentUser?: CurrentUser | null;
  }
  interface FastifyReply {
    /** Renders a page inside the site layout. */
    page(title: string | undefined, body: VNode, options?: PageOptions): Promise<FastifyReply>;
  }
}

export function flash(request: FastifyRequest, level: FlashLevel, message: string): void {
  request.session.flash = [...(request.session.flash ?? []), { level, message }];
}

function takeFlashes(request: FastifyRequest): FlashMessage[] {
  const pending = request.session?.flash;
  if (!pending || pending.length === 0) return [];
  request.session.flash = undefined;
  return pending;
}

export function renderDocument(vnode: VNode): string {
  return `<!doctype html>${renderToString(vnode)}`;
}

export interface RenderSettings {
  siteBanner: PageContext["siteBanner"];
  version: string;
  serviceOffering?: boolean;
  csrfUserInfo(request: FastifyRequest): string;
}

export async function pageContext(
  request: FastifyRequest,
  reply: FastifyReply,
  settings: RenderSettings,
): Promise<PageContext> {
  const user = request.user;
  return {
    path: request.url.split("?")[0] ?? "/",
    csrfToken: await reply.generateCsrf({ userInfo: settings.csrfUserInfo(request) }),
    viewer: user
      ? { id: user.id, personal: user.personal, isAdmin: user.isAdmin, isSuperuser: user.isSuperuser }
      : null,
    flashes: takeFlashes(request),
    siteBanner: settings.siteBanner,
    version: settings.version,
    serviceOffering: settings.serviceOffering ?? false,
  };
}

export function makePageRenderer(settings: RenderSettings) {
  return async function page(
    this: FastifyReply,
    title: string | undefined,
    body: VNode,
    options: PageOptions = {},
  ): Promise<FastifyReply> {
    const context = await pageContext(this.request, this, settings);
    const html = renderDocument(
      <Layout context={context} title={title} memberBar={options.memberBar}>
        {body}
      </Layout>,
    );
    return this.code(options.status ?? 200)
      .type("text/html; charset=utf-8")
      .send(html);
  };
}
