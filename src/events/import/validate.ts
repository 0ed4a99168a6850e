import type { MetadataKey, RawMetadata } from "./metadata.ts";

// The workshop website validator: which metadata a workshop page must (or should) carry, and in
// which format. Keys, display names, formats and messages follow AMY's validator.

interface Requirement {
  key: MetadataKey;
  display: string;
  required: boolean;
  format?: string;
}

const COMMON: Requirement[] = [
  { key: "slug", display: "workshop name slug", required: true, format: String.raw`\d{4}-\d{2}-\d{2}-.+` },
  { key: "language", display: "language", required: false, format: String.raw`\w\w` },
  {
    key: "startdate",
    display: "start date startdate",
    required: true,
    format: String.raw`\d{4}-\d{2}-\d{2}`,
  },
  { key: "enddate", display: "end date enddate", required: false, format: String.raw`\d{4}-\d{2}-\d{2}` },
  { key: "country", display: "country", required: true, format: String.raw`\w\w` },
  { key: "venue", display: "venue", required: true },
  { key: "address", display: "address", required: true },
  { key: "instructor", display: "instructor", required: true },
  { key: "helper", display: "helper", required: true },
  { key: "contact", display: "contact", required: true },
  { key: "eventbrite", display: "Eventbrite event ID eventbrite", required: false, format: String.raw`\d+` },
];

const COORDINATE = String.raw`[-+]?[0-9]*\.?[0-9]*`;
const SEPARATE_COORDINATES: Requirement[] = [
  { key: "lat", display: "latitude lat", required: true, format: COORDINATE },
  { key: "lng", display: "longitude lng", required: true, format: COORDINATE },
];
const JOINED_COORDINATES: Requirement[] = [
  {
    key: "latlng",
    display: "latitude / longitude latlng",
    required: true,
    format: String.raw`${COORDINATE},\s?${COORDINATE}`,
  },
];

export interface ValidationReport {
  errors: string[];
  warnings: string[];
}

export function validateMetadata(metadata: RawMetadata): ValidationReport {
  const separate = metadata.lat !== undefined || metadata.lng !== undefined;
  const report: ValidationReport = { errors: [], warnings: [] };
  for (const requirement of [...COMMON, ...(separate ? SEPARATE_COORDINATES : JOINED_COORDINATES)]) {
    check(requirement, metadata[requirement.key], report);
  }
  return report;
}

function check(requirement: Requirement, value: string | undefined, report: ValidationReport): void {
  const { display, required, format } = requirement;
  const kind = required ? "required" : "optional";
  if (value === undefined) {
    if (required) report.errors.push(`Missing required metadata ${display}.`);
    else report.warnings.push(`Missing optional metadata ${display}.`);
  } else if (value === "FIXME") {
    report.errors.push(`Placeholder value "FIXME" for ${kind} metadata ${display}.`);
  } else if (format && (required || value !== "") && !new RegExp(`^(?:${format})$`, "u").test(value)) {
    report.errors.push(
      `Invalid value "${value}" for ${kind} metadata ${display}: should be in format "${format}".`,
    );
  }
}
