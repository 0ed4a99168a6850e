import { type FetchPolicy, fetchPage, WebsiteFetchError } from "./fetch.ts";
import { frontMatterMetadata, isEmpty, metaTagMetadata, type RawMetadata } from "./metadata.ts";

// Reading a workshop's metadata from the address an admin typed: the page's meta tags first, then
// the YAML front matter (of the page itself, or of the GitHub repository's index file).

export interface WorkshopSource {
  /** The page whose meta tags are read. */
  pageUrl: string;
  /** Raw repository files whose front matter is read when the page has no meta tags. */
  fallbackUrls: string[];
  /** The GitHub repository name: the slug when the front matter has none. */
  repository: string | undefined;
  /** The workshop website's address, for the event's `url`. */
  websiteUrl: string;
}

const PAGES_URL = /^https?:\/\/([^./]+)\.github\.(?:io|com)\/([^/?#]+)\/?$/i;
const REPOSITORY_URL = /^https?:\/\/github\.com\/([^/?#]+)\/([^/?#]+?)\/?$/i;
const GITHUB_HOST = /^(?:github\.com|[^.]+\.github\.(?:io|com))$/i;

export const NOT_GITHUB = "URL must be a GitHub repository or GitHub Pages URL.";

/** Where to look for a workshop's metadata; GitHub addresses must name a Pages site or a repository. */
export function workshopSource(address: string): WorkshopSource {
  const match = PAGES_URL.exec(address) ?? REPOSITORY_URL.exec(address);
  if (match?.[1] && match[2]) {
    const [user, repository] = [match[1], match[2]];
    const websiteUrl = `https://${user}.github.io/${repository}/`;
    const raw = `https://raw.githubusercontent.com/${user}/${repository}`;
    return {
      pageUrl: PAGES_URL.test(address) ? address : websiteUrl,
      fallbackUrls: [`${raw}/HEAD/index.md`, `${raw}/gh-pages/index.html`],
      repository,
      websiteUrl,
    };
  }
  if (GITHUB_HOST.test(hostOf(address))) throw new WebsiteFetchError("invalid_url", NOT_GITHUB);
  return { pageUrl: address, fallbackUrls: [], repository: undefined, websiteUrl: address };
}

function hostOf(address: string): string {
  try {
    return new URL(address).hostname;
  } catch {
    return "";
  }
}

export interface WorkshopMetadata {
  metadata: RawMetadata;
  websiteUrl: string;
}

/** The workshop's metadata, or a WebsiteFetchError saying clearly why there is none. */
export async function readWorkshopMetadata(address: string, policy: FetchPolicy): Promise<WorkshopMetadata> {
  const source = workshopSource(address.trim());
  const signal = AbortSignal.timeout(policy.timeoutMs);
  const found = (metadata: RawMetadata) => ({ metadata, websiteUrl: source.websiteUrl });
  const page = await fetchPage(source.pageUrl, policy, signal);
  const pageProblem = isSuccess(page.status) ? undefined : statusError(source.pageUrl, page.status);
  if (!pageProblem) {
    const fromTags = metaTagMetadata(page.body);
    if (!isEmpty(fromTags)) return found(fromTags);
    const fromPage = frontMatterMetadata(page.body);
    if (fromPage && !isEmpty(fromPage)) return found(withSlug(fromPage, source.repository));
  }
  for (const url of source.fallbackUrls) {
    const raw = await fetchPage(url, policy, signal);
    const fromRepository = isSuccess(raw.status) ? frontMatterMetadata(raw.body) : undefined;
    if (fromRepository && !isEmpty(fromRepository)) {
      return found(withSlug(fromRepository, source.repository));
    }
  }
  throw pageProblem ?? notWorkshopError(address);
}

/** Front matter without a slug takes the repository's name. */
function withSlug(metadata: RawMetadata, repository: string | undefined): RawMetadata {
  return metadata.slug === undefined && repository ? { ...metadata, slug: repository } : metadata;
}

function isSuccess(status: number): boolean {
  return status >= 200 && status <= 299;
}

function statusError(url: string, status: number): WebsiteFetchError {
  return new WebsiteFetchError("bad_status", `Request for "${url}" returned status code ${status}.`);
}

function notWorkshopError(address: string): WebsiteFetchError {
  return new WebsiteFetchError(
    "not_workshop",
    `${address} does not look like a workshop website: it has no workshop meta tags and no YAML front matter.`,
  );
}
