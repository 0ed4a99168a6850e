import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

export const SITE_BANNERS = ["local", "testing", "production"] as const;

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
    .optional(),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  AMY_DATA_DIR: z.string().min(1).default("./data"),
  AMY_SECRET_KEY: z.string().min(32, "must be at least 32 characters long").optional(),
  AMY_SITE_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  AMY_SITE_BANNER: z.enum(SITE_BANNERS).default("local"),
  AMY_TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|[\d.:/a-fA-F, ]+)$/,
      "must be true, false, or a comma-separated list of proxy addresses",
    )
    .default("false"),
  AMY_SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  AMY_DEFAULT_FROM_EMAIL: z
    .string()
    .regex(/^[^@\s<>]+@[^@\s<>]+$|^[^<>]*<[^@\s<>]+@[^@\s<>]+>$/, {
      error: "must be an email address, optionally with a name: AMY <amy@example.org>",
    })
    .default("webmaster@localhost"),
  AMY_GITHUB_CLIENT_ID: z.string().optional(),
  AMY_GITHUB_CLIENT_SECRET: z.string().optional(),
  AMY_GITHUB_AUTHORIZE_URL: httpUrl.default("https://github.com/login/oauth/authorize"),
  AMY_GITHUB_TOKEN_URL: httpUrl.default("https://github.com/login/oauth/access_token"),
  AMY_GITHUB_API_URL: httpUrl.default("https://api.github.com"),
  AMY_IMPORT_ALLOWED_HOSTS: z
    .string()
    .regex(
      /^\s*(\*\.)?[a-z0-9.-]+(:\d{1,5})?(\s*,\s*(\*\.)?[a-z0-9.-]+(:\d{1,5})?)*\s*$/i,
      "must be a comma-separated list of host names, each optionally *.-prefixed or with :port",
    )
    .default("*.github.io,github.com,raw.githubusercontent.com"),
  AMY_IMPORT_ALLOW_LOOPBACK: z.enum(["true", "false"]).default("false"),
  AMY_REPORTS_SALT_FRONT: z.string().optional(),
  AMY_REPORTS_SALT_BACK: z.string().optional(),
  AMY_REPORTS_LINK: z
    .string()
    .regex(/^https?:\/\/\S*\{hash\}\S*$/, "must be an http(s) URL containing {hash} (and usually {slug})")
    .default("https://workshop-reports.carpentries.org/?key={hash}&slug={slug}"),
  AMY_SERVICE_OFFERING: z.enum(["true", "false"]).default("true"),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env["NODE_ENV"];
  databaseUrl: string | undefined;
  host: string;
  port: number;
  dataDir: string;
  secretKey: string;
  siteUrl: URL;
  siteBanner: (typeof SITE_BANNERS)[number];
  /** Fastify's trustProxy: which proxies' X-Forwarded-* headers to believe (client address, scheme). */
  trustProxy: boolean | string;
  mail: MailConfig;
  /** Undefined when GitHub login is not set up (no AMY_GITHUB_CLIENT_ID): the feature is off. */
  github: GithubConfig | undefined;
  websiteImport: WebsiteImportConfig;
  /** The workshop-reports link written into events: SHA-1 of the salted slug, put into the template. */
  reportsLink: { saltFront: string; saltBack: string; template: string };
  /** AMY's SERVICE_OFFERING flag: partnerships, consortia, accounts, benefits and event categories. */
  serviceOffering: boolean;
}

/** Where the server may fetch workshop websites from (the event import and validator). */
export interface WebsiteImportConfig {
  /** Host patterns: `name`, `*.domain` (any subdomain) or either with `:port`. */
  allowedHosts: string[];
  /** Tests only (refused in production): lets the fetcher reach a server on 127.0.0.1 / ::1. */
  allowLoopback: boolean;
}

export interface MailConfig {
  /** SMTP server to send through; without one, mail is kept in the outbox for superusers to read. */
  smtpUrl: string | undefined;
  defaultFrom: string;
}

export interface GithubConfig {
  clientId: string;
  clientSecret: string;
  authorizeUrl: string;
  tokenUrl: string;
  apiUrl: string;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError with every problem listed. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(withoutEmptyValues(environment));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const isProduction = env.NODE_ENV === "production";
  if (isProduction) {
    const missing = [
      "DATABASE_URL",
      "AMY_SECRET_KEY",
      "AMY_SITE_URL",
      "AMY_REPORTS_SALT_FRONT",
      "AMY_REPORTS_SALT_BACK",
    ].filter((name) => !env[name as keyof Env]);
    if (missing.length > 0) {
      throw new ConfigError(`Invalid configuration:\n  NODE_ENV=production requires ${missing.join(", ")}`);
    }
  }
  if (isProduction && env.AMY_SITE_URL?.startsWith("https:") && env.AMY_TRUST_PROXY === "false") {
    // Secure cookies are only sent over https; without trusting the proxy every request looks like http.
    throw new ConfigError(
      "Invalid configuration:\n  AMY_SITE_URL is https, so TLS ends at a proxy: set AMY_TRUST_PROXY to the proxy's address (or true)",
    );
  }
  if (isProduction && env.AMY_IMPORT_ALLOW_LOOPBACK === "true") {
    throw new ConfigError(
      "Invalid configuration:\n  AMY_IMPORT_ALLOW_LOOPBACK is for tests and refused in production",
    );
  }
  if (env.AMY_GITHUB_CLIENT_ID && !env.AMY_GITHUB_CLIENT_SECRET) {
    throw new ConfigError(
      "Invalid configuration:\n  AMY_GITHUB_CLIENT_ID is set, so AMY_GITHUB_CLIENT_SECRET is required",
    );
  }
  const dataDir = resolve(env.AMY_DATA_DIR);
  return {
    env: env.NODE_ENV,
    databaseUrl: env.DATABASE_URL,
    host: env.HOST,
    port: env.PORT,
    dataDir,
    secretKey: env.AMY_SECRET_KEY ?? developmentSecretKey(dataDir),
    siteUrl: new URL(env.AMY_SITE_URL ?? `http://localhost:${env.PORT}`),
    siteBanner: env.AMY_SITE_BANNER,
    trustProxy: parseTrustProxy(env.AMY_TRUST_PROXY),
    mail: { smtpUrl: env.AMY_SMTP_URL, defaultFrom: env.AMY_DEFAULT_FROM_EMAIL },
    github: githubConfig(env),
    reportsLink: {
      saltFront: env.AMY_REPORTS_SALT_FRONT ?? "",
      saltBack: env.AMY_REPORTS_SALT_BACK ?? "",
      template: env.AMY_REPORTS_LINK,
    },
    websiteImport: {
      allowedHosts: env.AMY_IMPORT_ALLOWED_HOSTS.split(",").map((host) => host.trim().toLowerCase()),
      allowLoopback: env.AMY_IMPORT_ALLOW_LOOPBACK === "true",
    },
    serviceOffering: env.AMY_SERVICE_OFFERING === "true",
  };
}

function githubConfig(env: Env): GithubConfig | undefined {
  if (!env.AMY_GITHUB_CLIENT_ID || !env.AMY_GITHUB_CLIENT_SECRET) return undefined;
  return {
    clientId: env.AMY_GITHUB_CLIENT_ID,
    clientSecret: env.AMY_GITHUB_CLIENT_SECRET,
    authorizeUrl: env.AMY_GITHUB_AUTHORIZE_URL,
    tokenUrl: env.AMY_GITHUB_TOKEN_URL,
    apiUrl: env.AMY_GITHUB_API_URL,
  };
}

function parseTrustProxy(value: string): boolean | string {
  return value === "true" || value === "false" ? value === "true" : value;
}

/** An unset variable and one set to "" mean the same: use the default. */
function withoutEmptyValues(environment: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "",
    ),
  );
}

/** Development only: a random key generated once and kept in the data directory. */
function developmentSecretKey(dataDir: string): string {
  const path = join(dataDir, "secret-key");
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(48).toString("base64url");
  writeFileSync(path, `${key}\n`, { mode: 0o600 });
  return key;
}
