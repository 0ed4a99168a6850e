import type { PgTable } from "drizzle-orm/pg-core";
import {
  accountBenefitDiscount,
  memberRole,
  membershipPersonRole,
  partnershipTier,
} from "../memberships/schema.ts";
import {
  checkboxField,
  choiceField,
  countriesField,
  type FieldSpec,
  nonNegativeIntegerField,
  slugField,
  textAreaField,
  textField,
  urlField,
} from "./forms.ts";
import {
  academicLevel,
  badge,
  computingExperienceLevel,
  continent,
  curriculum,
  curriculumType,
  infoSource,
  knowledgeDomain,
  language,
  lesson,
  role,
  tag,
} from "./schema.ts";

// One description per reference table drives its list, add, edit, retire and restore pages. The
// memberships area's back-office tables (member roles, tiers, discounts…) are described here too: only
// their table definitions are imported, which, like every schema file, sit in the one schema layer.

export interface ListColumn {
  label: string;
  column: string;
  format?: "yes-no" | "countries";
}

export interface ReferenceTable {
  /** The path segment under /reference/. */
  segment: string;
  /** AMY's model name, as in the permissions `<app>.add_<model>` / `<app>.change_<model>`. */
  model: string;
  /** AMY's app label of the model, for its permissions; `workshops` unless said otherwise. */
  appLabel?: "workshops" | "fiscal" | "offering";
  title: string;
  singular: string;
  table: PgTable;
  idKind: "integer" | "uuid";
  /** The column that names a row in messages and links. */
  display: string;
  columns: readonly ListColumn[];
  fields: readonly FieldSpec[];
  /** AMY's ordering, as column keys. */
  orderBy: readonly string[];
  /** How a row is retired: its `retired_at` time, its `active` flag, or not at all. */
  retire: "retired_at" | "active" | "none";
  /** Boolean columns that at most one row may have set. */
  exclusive?: readonly string[];
  /** Where the table's rows are listed when that page lives elsewhere (badges). */
  listElsewhere?: string;
  /** A timestamp column set to the current time on every save (AMY's `last_updated_at`). */
  touch?: string;
}

const name = (max: number, unique = true) =>
  textField("name", "name", "Name", { max, required: true, unique });
const nameColumn: ListColumn = { label: "Name", column: "name" };

const simpleTable = (
  segment: string,
  model: string,
  title: string,
  singular: string,
  table: PgTable,
  max: number,
  orderBy: readonly string[] = ["name"],
): ReferenceTable => ({
  segment,
  model,
  title,
  singular,
  table,
  idKind: "integer",
  display: "name",
  columns: [nameColumn],
  fields: [name(max)],
  orderBy,
  retire: "retired_at",
});

const CARPENTRIES = [
  { value: "SWC", label: "Software Carpentry" },
  { value: "DC", label: "Data Carpentry" },
  { value: "LC", label: "Library Carpentry" },
  { value: "", label: "Unspecified" },
];

export const REFERENCE_TABLES: readonly ReferenceTable[] = [
  {
    segment: "tags",
    model: "tag",
    title: "Tags",
    singular: "tag",
    table: tag,
    idKind: "integer",
    display: "name",
    columns: [nameColumn, { label: "Details", column: "details" }, { label: "Priority", column: "priority" }],
    fields: [
      name(40),
      textField("details", "details", "Details", { max: 100, required: true }),
      nonNegativeIntegerField("priority", "priority", "Priority", "Lower numbers are listed first."),
    ],
    orderBy: ["priority", "name"],
    retire: "retired_at",
  },
  {
    segment: "roles",
    model: "role",
    title: "Roles",
    singular: "role",
    table: role,
    idKind: "integer",
    display: "name",
    columns: [nameColumn, { label: "Verbose name", column: "verboseName" }],
    fields: [name(40), textField("verbose_name", "verboseName", "Verbose name", { max: 100 })],
    orderBy: ["name"],
    retire: "retired_at",
  },
  {
    segment: "badges",
    model: "badge",
    title: "Badges",
    singular: "badge",
    table: badge,
    idKind: "integer",
    display: "title",
    columns: [nameColumn, { label: "Title", column: "title" }, { label: "Criteria", column: "criteria" }],
    fields: [
      textField("name", "name", "Name", {
        max: 40,
        required: true,
        unique: true,
        help: "The machine name used in addresses, e.g. “instructor”.",
      }),
      textField("title", "title", "Title", { max: 40, required: true }),
      textField("criteria", "criteria", "Criteria", { max: 100, required: true }),
    ],
    orderBy: ["name"],
    retire: "retired_at",
    listElsewhere: "/workshops/badges/",
  },
  simpleTable("lessons", "lesson", "Lessons", "lesson", lesson, 40),
  simpleTable(
    "knowledge-domains",
    "knowledgedomain",
    "Knowledge domains",
    "knowledge domain",
    knowledgeDomain,
    100,
  ),
  {
    segment: "languages",
    model: "language",
    title: "Languages",
    singular: "language",
    table: language,
    idKind: "integer",
    display: "name",
    columns: [nameColumn, { label: "Subtag", column: "subtag" }],
    fields: [
      name(100, false),
      textField("subtag", "subtag", "Subtag", {
        max: 10,
        required: true,
        unique: true,
        help: "The primary language subtag of the IANA registry, e.g. “en”.",
      }),
    ],
    orderBy: ["name"],
    retire: "retired_at",
  },
  {
    segment: "curricula",
    model: "curriculum",
    title: "Curricula",
    singular: "curriculum",
    table: curriculum,
    idKind: "integer",
    display: "name",
    columns: [
      { label: "Slug", column: "slug" },
      nameColumn,
      { label: "Carpentry", column: "carpentry" },
      { label: "Other", column: "other", format: "yes-no" },
      { label: "Don't know yet", column: "unknown", format: "yes-no" },
      { label: "Mix & Match", column: "mixMatch", format: "yes-no" },
    ],
    fields: [
      slugField("slug", "slug", "Slug", {
        max: 40,
        unique: true,
        help: "A machine name, e.g. “dc-ecology-r”.",
      }),
      name(200),
      choiceField("carpentry", "carpentry", "Carpentry", CARPENTRIES),
      textAreaField("description", "description", "Description", {
        max: 400,
        help: "Markdown, shown as a tooltip on request forms.",
      }),
      urlField("website", "website", "Website", 200),
      checkboxField("other", "other", "An “other” entry of its Carpentry"),
      checkboxField("unknown", "unknown", "The “Don't know yet” entry", "Only one curriculum can be it."),
      checkboxField("mix_match", "mixMatch", "The “Mix & Match” entry", "Only one curriculum can be it."),
    ],
    orderBy: ["slug"],
    retire: "active",
    exclusive: ["unknown", "mixMatch"],
  },
  {
    segment: "curriculum-types",
    model: "curriculumtype",
    title: "Curriculum types",
    singular: "curriculum type",
    table: curriculumType,
    idKind: "uuid",
    display: "name",
    columns: [{ label: "Program category", column: "programCategory" }, nameColumn],
    fields: [
      textField("program_category", "programCategory", "Program category", { max: 100, required: true }),
      name(100, false),
      textField("description", "description", "Description", { max: 255 }),
    ],
    orderBy: ["programCategory", "name"],
    retire: "retired_at",
  },
  simpleTable("academic-levels", "academiclevel", "Academic levels", "academic level", academicLevel, 40, [
    "id",
  ]),
  simpleTable(
    "computing-experience-levels",
    "computingexperiencelevel",
    "Computing experience levels",
    "computing experience level",
    computingExperienceLevel,
    255,
    ["id"],
  ),
  simpleTable("info-sources", "infosource", "Info sources", "info source", infoSource, 300, ["id"]),
  {
    segment: "continents",
    model: "continent",
    title: "Continents",
    singular: "continent",
    table: continent,
    idKind: "integer",
    display: "name",
    columns: [nameColumn, { label: "Countries", column: "countries", format: "countries" }],
    fields: [name(100), countriesField("countries", "countries", "Countries", 752)],
    orderBy: ["name"],
    retire: "none",
  },
];

/** Roles and tiers of the memberships area: AMY edits them in its back-office admin only. */
const MEMBERSHIP_TABLES: readonly ReferenceTable[] = [
  {
    segment: "member-roles",
    model: "memberrole",
    title: "Member roles",
    singular: "member role",
    table: memberRole,
    idKind: "integer",
    display: "name",
    columns: [nameColumn, { label: "Verbose name", column: "verboseName" }],
    fields: [
      textField("name", "name", "Name", {
        max: 40,
        required: true,
        unique: true,
        help: "The role of an organisation in a membership. AMY relies on “main” and “contract_signatory”.",
      }),
      textField("verbose_name", "verboseName", "Verbose name", { max: 100 }),
    ],
    orderBy: ["name"],
    retire: "none",
  },
  {
    segment: "membership-person-roles",
    model: "membershippersonrole",
    appLabel: "fiscal",
    title: "Membership person roles",
    singular: "membership person role",
    table: membershipPersonRole,
    idKind: "integer",
    display: "name",
    columns: [nameColumn, { label: "Verbose name", column: "verboseName" }],
    fields: [
      textField("name", "name", "Name", {
        max: 40,
        required: true,
        unique: true,
        help: "The role of a person in a membership. Emails rely on “billing_contact” and “programmatic_contact”.",
      }),
      textField("verbose_name", "verboseName", "Verbose name", { max: 100 }),
    ],
    orderBy: ["name"],
    retire: "none",
  },
  {
    segment: "partnership-tiers",
    model: "partnershiptier",
    appLabel: "fiscal",
    title: "Partnership tiers",
    singular: "partnership tier",
    table: partnershipTier,
    idKind: "uuid",
    display: "name",
    columns: [nameColumn, { label: "Credits", column: "credits" }],
    fields: [
      name(100, false),
      nonNegativeIntegerField(
        "credits",
        "credits",
        "Credits",
        "The credits a partnership of this tier starts with.",
      ),
    ],
    orderBy: ["credits", "name"],
    retire: "none",
    touch: "lastUpdatedAt",
  },
  {
    segment: "account-benefit-discounts",
    model: "accountbenefitdiscount",
    appLabel: "offering",
    title: "Account benefit discounts",
    singular: "account benefit discount",
    table: accountBenefitDiscount,
    idKind: "uuid",
    display: "name",
    columns: [nameColumn],
    fields: [name(100, false)],
    orderBy: ["name"],
    retire: "none",
    touch: "lastUpdatedAt",
  },
];

export const ALL_REFERENCE_TABLES: readonly ReferenceTable[] = [...REFERENCE_TABLES, ...MEMBERSHIP_TABLES];

export function referenceTable(segment: string): ReferenceTable {
  const found = ALL_REFERENCE_TABLES.find((spec) => spec.segment === segment);
  if (!found) throw new Error(`no reference table "${segment}"`);
  return found;
}

/** The permission to add or change a table's rows, e.g. `fiscal.change_partnershiptier`. */
export const permissionOf = (spec: ReferenceTable, action: "add" | "change") =>
  `${spec.appLabel ?? "workshops"}.${action}_${spec.model}`;

export const basePath = (spec: ReferenceTable) => `/reference/${spec.segment}/`;
export const rowPath = (spec: ReferenceTable, id: number | string, action: "edit" | "retire" | "restore") =>
  `${basePath(spec)}${id}/${action}/`;
/** Where a saved or retired row is seen again. */
export const listPath = (spec: ReferenceTable) => spec.listElsewhere ?? basePath(spec);
