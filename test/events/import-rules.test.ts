import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { loadConfig } from "../../src/config.ts";
import { isAllowedHost, isLoopbackAddress, isNonPublicAddress } from "../../src/events/import/addresses.ts";
import { eventFormValues, frontMatterMetadata, metaTagMetadata } from "../../src/events/import/metadata.ts";
import { NOT_GITHUB, workshopSource } from "../../src/events/import/read.ts";
import { validateMetadata } from "../../src/events/import/validate.ts";
import { PRODUCTION_ENV } from "../helpers/config.ts";

const DEFAULT_HOSTS = ["*.github.io", "github.com", "raw.githubusercontent.com"];

describe("addresses the fetcher refuses", () => {
  const refused = [
    "0.0.0.0",
    "10.1.2.3",
    "100.64.0.1",
    "127.0.0.1",
    "169.254.169.254",
    "172.16.5.4",
    "192.168.1.1",
    "224.0.0.1",
    "255.255.255.255",
    "::",
    "::1",
    "fe80::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "64:ff9b::a00:1",
    "2002:c0a8:101::1",
  ];
  for (const address of refused) {
    test(`refuses ${address} because it is not on the public internet`, () => {
      assert.equal(isNonPublicAddress(address), true);
    });
  }

  for (const address of [
    "185.199.108.153",
    "140.82.112.3",
    "2606:50c0:8000::153",
    "::ffff:185.199.108.153",
  ]) {
    test(`accepts ${address} because it is public`, () => {
      assert.equal(isNonPublicAddress(address), false);
    });
  }

  test("refuses text that is not an address at all", () => {
    assert.equal(isNonPublicAddress("not-an-address"), true);
  });

  test("recognises loopback addresses, including IPv4-mapped ones", () => {
    assert.equal(isLoopbackAddress("127.0.0.2"), true);
    assert.equal(isLoopbackAddress("::1"), true);
    assert.equal(isLoopbackAddress("::ffff:127.0.0.1"), true);
    assert.equal(isLoopbackAddress("10.0.0.1"), false);
  });
});

describe("allowed hosts", () => {
  const allowed = (url: string, hosts = DEFAULT_HOSTS) => isAllowedHost(new URL(url), hosts);

  test("allows GitHub Pages sites, GitHub and raw files by default", () => {
    assert.equal(allowed("https://someone.github.io/2024-01-01-x/"), true);
    assert.equal(allowed("https://github.com/someone/repo"), true);
    assert.equal(allowed("https://raw.githubusercontent.com/a/b/HEAD/index.md"), true);
  });

  test("refuses other hosts and look-alikes", () => {
    assert.equal(allowed("https://example.org/"), false);
    assert.equal(allowed("https://github.io/"), false);
    assert.equal(allowed("https://evilgithub.io/"), false);
    assert.equal(allowed("https://github.com.evil.org/"), false);
  });

  test("a host without a port matches only the scheme's default port", () => {
    assert.equal(allowed("https://github.com:8443/a/b"), false);
    assert.equal(allowed("http://github.com/a/b"), true);
  });

  test("a host with a port matches only that port", () => {
    assert.equal(allowed("http://127.0.0.1:4000/", ["127.0.0.1:4000"]), true);
    assert.equal(allowed("http://127.0.0.1:4001/", ["127.0.0.1:4000"]), false);
    assert.equal(allowed("http://127.0.0.1/", ["127.0.0.1:4000"]), false);
  });
});

describe("workshop sources", () => {
  test("a repository URL reads the Pages site first, then the repository's index files", () => {
    const source = workshopSource("https://github.com/someone/2024-05-01-place");
    assert.equal(source.pageUrl, "https://someone.github.io/2024-05-01-place/");
    assert.deepEqual(source.fallbackUrls, [
      "https://raw.githubusercontent.com/someone/2024-05-01-place/HEAD/index.md",
      "https://raw.githubusercontent.com/someone/2024-05-01-place/gh-pages/index.html",
    ]);
    assert.equal(source.websiteUrl, "https://someone.github.io/2024-05-01-place/");
    assert.equal(source.repository, "2024-05-01-place");
  });

  test("a Pages URL is read as typed and gives the website URL", () => {
    const source = workshopSource("http://someone.github.io/2024-05-01-place");
    assert.equal(source.pageUrl, "http://someone.github.io/2024-05-01-place");
    assert.equal(source.websiteUrl, "https://someone.github.io/2024-05-01-place/");
  });

  test("other GitHub addresses are refused because they name no workshop", () => {
    for (const url of [
      "https://github.com/someone",
      "https://github.com/a/b/blob/main/index.md",
      "https://a.github.io/b/c/",
    ]) {
      assert.throws(() => workshopSource(url), { message: NOT_GITHUB });
    }
  });
});

describe("meta tags", () => {
  test("reads the workshop names and skips other meta tags, comments and scripts", () => {
    const html = `<html><head>
      <meta charset="utf-8"><meta name="viewport" content="width=device-width">
      <meta name="slug" content="2024-05-01-place">
      <META NAME='venue' CONTENT='Hall &amp; Annex'>
      <!-- <meta name="country" content="XX"> -->
      <script>document.write('<meta name="address" content="fake">')</script>
      <meta content="" name="helper">
    </head></html>`;
    assert.deepEqual(metaTagMetadata(html), { slug: "2024-05-01-place", venue: "Hall & Annex", helper: "" });
  });

  test("markup inside a content attribute stays plain text", () => {
    const html = `<meta name="venue" content="&lt;script&gt;alert(1)&lt;/script&gt;"><meta name="address" content='<b>x</b>'>`;
    assert.deepEqual(metaTagMetadata(html), { venue: "<script>alert(1)</script>", address: "<b>x</b>" });
  });
});

describe("front matter", () => {
  const page = (yaml: string) => `---\n${yaml}\n---\n\n# Workshop\n`;

  test("reads scalars, lists and dates; joins lists with | and drops nulls", () => {
    const metadata = frontMatterMetadata(
      page(`layout: workshop # comment
carpentry: "swc"
venue: "Room 1: Main"
address: 'O''Brien Hall'
country: us
startdate: 2024-05-01
enddate: ~
latlng: "45.5, -122.6"
instructor: ["Ann One", 'Bob Two']
helper:
  - Cy Three
  - "Di Four"
contact: []
eventbrite:
humandate: >
  May 1
`),
    );
    assert.deepEqual(metadata, {
      venue: "Room 1: Main",
      address: "O'Brien Hall",
      country: "us",
      startdate: "2024-05-01",
      latlng: "45.5, -122.6",
      instructor: "Ann One|Bob Two",
      helper: "Cy Three|Di Four",
      contact: "",
    });
  });

  test("malformed YAML gives no metadata", () => {
    assert.equal(frontMatterMetadata(page('venue: "unclosed')), undefined);
    assert.equal(frontMatterMetadata(page("instructor: [a, b")), undefined);
    assert.equal(frontMatterMetadata(page("just some words")), undefined);
    assert.equal(frontMatterMetadata(page("- a\n- b")), undefined);
  });

  test("text without two --- separators has no front matter", () => {
    assert.equal(frontMatterMetadata("---\nslug: x\n"), undefined);
    assert.equal(frontMatterMetadata("<html></html>"), undefined);
  });
});

describe("event form values", () => {
  test("maps the metadata to the event form's fields", () => {
    const values = eventFormValues(
      {
        slug: "2024-05-01-place",
        startdate: "2024-05-01",
        enddate: "2024-05-02",
        country: "us",
        venue: "Hall",
        address: "1 Main St",
        latlng: "45.5, -122.6",
        eventbrite: "12345",
        instructor: "Ann|Bob",
        helper: "Cy",
        contact: "a@example.org| b@example.org",
      },
      "https://someone.github.io/2024-05-01-place/",
    );
    assert.deepEqual(values, {
      slug: "2024-05-01-place",
      start: "2024-05-01",
      end: "2024-05-02",
      country: "US",
      venue: "Hall",
      address: "1 Main St",
      latitude: "45.5",
      longitude: "-122.6",
      reg_key: "12345",
      url: "https://someone.github.io/2024-05-01-place/",
      contact: "a@example.org;b@example.org",
      comment: "INSTRUCTORS: Ann, Bob\n\nHELPERS: Cy",
    });
  });

  test("parses strictly: bad dates, numbers and keys give empty values", () => {
    const values = eventFormValues(
      { startdate: "2024-02-30", enddate: "May 2", country: "u", latlng: "XYZ", eventbrite: "12x" },
      "u",
    );
    assert.equal(values.start, "");
    assert.equal(values.end, "");
    assert.equal(values.country, "");
    assert.equal(values.latitude, "");
    assert.equal(values.longitude, "");
    assert.equal(values.reg_key, "");
  });

  test("separate lat and lng win over latlng; a half-empty latlng keeps the other half", () => {
    assert.equal(eventFormValues({ lat: "1.5", lng: "2", latlng: "9,9" }, "u").latitude, "1.5");
    const half = eventFormValues({ latlng: ",-123" }, "u");
    assert.deepEqual([half.latitude, half.longitude], ["", "-123"]);
  });

  test("contacts split on | only", () => {
    assert.equal(eventFormValues({ contact: "Harry,Ron" }, "u").contact, "Harry,Ron");
  });
});

describe("validator", () => {
  test("all keys missing give 9 errors and 3 warnings", () => {
    const report = validateMetadata({});
    assert.equal(report.errors.length, 9);
    assert.equal(report.warnings.length, 3);
    assert.ok(report.errors.includes("Missing required metadata workshop name slug."));
    assert.ok(report.warnings.includes("Missing optional metadata Eventbrite event ID eventbrite."));
    assert.ok(report.errors.includes("Missing required metadata latitude / longitude latlng."));
  });

  test("all keys FIXME give 12 errors", () => {
    const keys = ["slug", "language", "startdate", "enddate", "country", "venue", "address"];
    const more = ["instructor", "helper", "contact", "eventbrite", "latlng"];
    const report = validateMetadata(Object.fromEntries([...keys, ...more].map((key) => [key, "FIXME"])));
    assert.equal(report.errors.length, 12);
    assert.ok(report.errors.includes('Placeholder value "FIXME" for optional metadata language.'));
  });

  test("a value in the wrong format is an error naming the format", () => {
    const report = validateMetadata({ startdate: "May 1" });
    assert.ok(
      report.errors.includes(
        'Invalid value "May 1" for required metadata start date startdate: should be in format "\\d{4}-\\d{2}-\\d{2}".',
      ),
    );
  });

  test("empty optional values and empty free-text values pass", () => {
    const report = validateMetadata({ venue: "", address: "", eventbrite: "", language: "" });
    assert.ok(!report.errors.some((error) => /venue|address|eventbrite|language/.test(error)));
  });

  test("a lat or lng key asks for both instead of latlng", () => {
    const report = validateMetadata({ lat: "1.5" });
    assert.ok(report.errors.includes("Missing required metadata longitude lng."));
    assert.ok(!report.errors.some((error) => error.includes("latlng")));
  });

  test("a complete, well-formed workshop has no errors", () => {
    const report = validateMetadata({
      slug: "2024-05-01-place",
      language: "en",
      startdate: "2024-05-01",
      enddate: "2024-05-02",
      country: "US",
      venue: "Hall",
      address: "1 Main St",
      instructor: "Ann",
      helper: "Bob",
      contact: "a@example.org",
      eventbrite: "123",
      latlng: "45.5,-122.6",
    });
    assert.deepEqual(report, { errors: [], warnings: [] });
  });
});

describe("import configuration", () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), "amy-import-config-"));
  const production = PRODUCTION_ENV;

  test("allows GitHub's hosts and refuses loopback by default", () => {
    const config = loadConfig({ AMY_DATA_DIR: dataDir() });
    assert.deepEqual(config.websiteImport, { allowedHosts: DEFAULT_HOSTS, allowLoopback: false });
  });

  test("reads a host list with wildcards and ports", () => {
    const config = loadConfig({
      AMY_DATA_DIR: dataDir(),
      AMY_IMPORT_ALLOWED_HOSTS: " *.Example.org, 127.0.0.1:4000 ",
    });
    assert.deepEqual(config.websiteImport.allowedHosts, ["*.example.org", "127.0.0.1:4000"]);
  });

  test("refuses a host list that is not names separated by commas", () => {
    assert.throws(
      () => loadConfig({ AMY_DATA_DIR: dataDir(), AMY_IMPORT_ALLOWED_HOSTS: "http://github.com/" }),
      /AMY_IMPORT_ALLOWED_HOSTS/,
    );
  });

  test("refuses to reach loopback addresses in production", () => {
    assert.throws(
      () => loadConfig({ ...production, AMY_IMPORT_ALLOW_LOOPBACK: "true" }),
      /AMY_IMPORT_ALLOW_LOOPBACK/,
    );
    assert.equal(loadConfig(production).websiteImport.allowLoopback, false);
  });
});
