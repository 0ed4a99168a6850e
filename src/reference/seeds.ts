import { readFileSync } from "node:fs";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "../db/client.ts";
import type { Seeder } from "../db/seed.ts";
import { projectPath } from "../paths.ts";
import {
  academicLevel,
  badge,
  computingExperienceLevel,
  continent,
  curriculum,
  infoSource,
  knowledgeDomain,
  language,
  lesson,
  role,
  tag,
} from "./schema.ts";

// The rows every installation starts with, inserted into each table while it is still empty, so
// nothing an admin changed later comes back. docs/decisions.md says which source each list follows.

export const TAGS = [
  { name: "automated-email", details: "Automated emails were sent for this event", priority: 10 },
  { name: "DC", details: "Data Carpentry workshop", priority: 20 },
  { name: "LC", details: "Library Carpentry workshop", priority: 30 },
  { name: "SWC", details: "Software Carpentry workshop", priority: 40 },
  { name: "Circuits", details: "Workshop teaching only part of a Carpentries curriculum", priority: 50 },
  { name: "online", details: "Event held entirely online", priority: 60 },
  { name: "TTT", details: "Instructor training (Train the Trainers)", priority: 70 },
  { name: "ITT", details: "Instructor trainer training", priority: 80 },
  { name: "Pilot", details: "Pilot of a new or revised curriculum", priority: 90 },
  { name: "for-profit", details: "Hosted by a for-profit organisation", priority: 100 },
  { name: "scholarship", details: "Fees waived through a scholarship", priority: 110 },
  { name: "private-event", details: "Not listed in public workshop feeds", priority: 120 },
  { name: "cancelled", details: "Event was cancelled", priority: 130 },
  { name: "unresponsive", details: "Hosts do not send attendance data", priority: 140 },
  { name: "stalled", details: "Contact lost, or the training is not going ahead", priority: 150 },
  { name: "LMO", details: "Lesson Maintainer Onboarding", priority: 160 },
  { name: "LSO", details: "Lesson Specific Onboarding", priority: 170 },
  { name: "hackathon", details: "Event is a hackathon", priority: 180 },
  { name: "WiSE", details: "Audience: women in science and engineering", priority: 190 },
  { name: "CLDT", details: "Collaborative Lesson Development Training", priority: 200 },
];

export const ROLES = [
  { name: "instructor", verboseName: "Instructor" },
  { name: "helper", verboseName: "Helper" },
  { name: "learner", verboseName: "Learner" },
  { name: "host", verboseName: "Workshop host" },
  { name: "organizer", verboseName: "Workshop organizer" },
  { name: "supporting-instructor", verboseName: "Supporting Instructor" },
  { name: "contributor", verboseName: "Contributed to lesson materials" },
];

export const BADGES = [
  {
    name: "swc-instructor",
    title: "Software Carpentry Instructor",
    criteria: "Certified to teach Software Carpentry workshops (legacy)",
  },
  {
    name: "dc-instructor",
    title: "Data Carpentry Instructor",
    criteria: "Certified to teach Data Carpentry workshops (legacy)",
  },
  {
    name: "lc-instructor",
    title: "Library Carpentry Instructor",
    criteria: "Certified to teach Library Carpentry workshops (legacy)",
  },
  { name: "instructor", title: "Instructor", criteria: "Certified to teach any Carpentries workshop" },
  { name: "trainer", title: "Trainer", criteria: "Teaches instructor training events" },
  { name: "maintainer", title: "Maintainer", criteria: "Maintains a Carpentries lesson" },
  { name: "mentor", title: "Mentor", criteria: "Mentors new instructors" },
  { name: "mentee", title: "Mentee", criteria: "Took part in the mentorship programme" },
  { name: "creator", title: "Creator", criteria: "Created learning materials or other content" },
  { name: "member", title: "Member", criteria: "Software Carpentry Foundation member (historical)" },
  { name: "organizer", title: "Organizer", criteria: "Organises workshops or learning groups" },
];

export const LESSONS = [
  "swc/git",
  "swc/make",
  "swc/matlab",
  "swc/hg",
  "swc/python",
  "dc/python",
  "swc/r",
  "dc/r",
  "swc/regexp",
  "swc/sql",
  "dc/sql",
  "swc/svn",
  "swc/shell",
  "dc/shell",
  "dc/spreadsheets",
  "dc/cloud",
];

export const DONT_KNOW_YET = "Don't know yet";

export const KNOWLEDGE_DOMAINS = [
  "Space sciences",
  "Planetary sciences (geology, climatology, oceanography, etc.)",
  "Physics",
  "Chemistry",
  "Organismal biology (ecology, botany, zoology, microbiology)",
  "Genetics, genomics, bioinformatics",
  "Medicine",
  "Civil, mechanical, chemical, or nuclear engineering",
  "Computer science/electrical engineering",
  "Economics/business",
  "Social sciences",
  "Psychology/neuroscience",
  "Humanities",
  "Library and information science",
  "Education",
  "Mathematics/statistics",
  "High performance computing",
  DONT_KNOW_YET,
];

const SWC_LESSONS = "https://software-carpentry.org/lessons/";
const DC_LESSONS = "https://datacarpentry.org/lessons/";
const LC_LESSONS = "https://librarycarpentry.org/lessons/";

export const CURRICULA = [
  {
    slug: "swc-python",
    name: "Software Carpentry (shell, git, Python)",
    carpentry: "SWC",
    website: SWC_LESSONS,
    description: "The more advanced programming lessons, taught in Python.",
  },
  {
    slug: "swc-r",
    name: "Software Carpentry (shell, git, R)",
    carpentry: "SWC",
    website: SWC_LESSONS,
    description: "The more advanced programming lessons, taught in R.",
  },
  {
    slug: "swc-es-python",
    name: "Software Carpentry in Spanish (shell, git, Python)",
    carpentry: "SWC",
    website: SWC_LESSONS,
  },
  {
    slug: "swc-es-r",
    name: "Software Carpentry in Spanish (shell, git, R)",
    carpentry: "SWC",
    website: SWC_LESSONS,
  },
  {
    slug: "swc-plotting",
    name: "Software Carpentry (Plotting and Programming in Python)",
    carpentry: "SWC",
    website: SWC_LESSONS,
    description: "An introductory programming curriculum in Python.",
  },
  {
    slug: "swc-reproducible-science",
    name: "Software Carpentry (R for Reproducible Scientific Analysis)",
    carpentry: "SWC",
    website: SWC_LESSONS,
    description: "An introductory programming curriculum in R.",
  },
  { slug: "swc-other", name: "Software Carpentry (other)", carpentry: "SWC", other: true },
  {
    slug: "dc-ecology-python",
    name: "Data Carpentry (Ecology with Python)",
    carpentry: "DC",
    website: `${DC_LESSONS}#ecology-workshop`,
    description: "Working with tabular data, using ecology examples, in Python.",
  },
  {
    slug: "dc-ecology-r",
    name: "Data Carpentry (Ecology with R)",
    carpentry: "DC",
    website: `${DC_LESSONS}#ecology-workshop`,
    description: "Working with tabular data, using ecology examples, in R.",
  },
  {
    slug: "dc-genomics",
    name: "Data Carpentry (Genomics)",
    carpentry: "DC",
    website: `${DC_LESSONS}#genomics-workshop`,
    description: "Processing sequencing data with shell scripts on cloud machines.",
  },
  {
    slug: "dc-geospatial",
    name: "Data Carpentry (Geospatial)",
    carpentry: "DC",
    website: `${DC_LESSONS}#geospatial-curriculum`,
    description: "Working with geospatial data using R packages.",
  },
  {
    slug: "dc-socsci-python",
    name: "Data Carpentry (Social Sciences with Python)",
    carpentry: "DC",
    website: `${DC_LESSONS}#social-science-curriculum`,
    description: "Working with survey and interview data in Python.",
  },
  {
    slug: "dc-socsci-r",
    name: "Data Carpentry (Social Sciences with R)",
    carpentry: "DC",
    website: `${DC_LESSONS}#social-science-curriculum`,
    description: "Working with survey and interview data in R.",
  },
  { slug: "dc-other", name: "Data Carpentry (other)", carpentry: "DC", other: true, website: DC_LESSONS },
  {
    slug: "lc",
    name: "Library Carpentry (Intro to Data, Unix Shell, Git, and/or OpenRefine)",
    carpentry: "LC",
    website: LC_LESSONS,
    description: "Lessons for people working in libraries and information science.",
  },
  { slug: "lc-other", name: "Library Carpentry (other)", carpentry: "LC", other: true, website: LC_LESSONS },
  { slug: "unknown", name: DONT_KNOW_YET, carpentry: "", unknown: true },
  {
    slug: "",
    name: "Mix & Match",
    carpentry: "",
    mixMatch: true,
    description: "A mixed curriculum, for example git only, without programming.",
  },
];

export const ACADEMIC_LEVELS = [
  "Undergraduate or below",
  "Graduate",
  "Post-doctorate",
  "Faculty",
  "Industry",
  DONT_KNOW_YET,
  "Staff",
];

export const COMPUTING_EXPERIENCE_LEVELS = [
  "Novice (uses a spreadsheet for data analysis rather than writing code)",
  "Intermediate (can write a few lines of code for personal use)",
  "Proficient (writes multi-page programs which may be shared with others)",
  DONT_KNOW_YET,
];

export const INFO_SOURCES = [
  "Received an email or saw a flyer about The Carpentries",
  "Read about The Carpentries in a newsletter or on university website",
  'Saw one of The Carpentries websites (<a href="https://carpentries.org/">carpentries.org</a>, <a href="https://datacarpentry.org/">datacarpentry.org</a>, <a href="https://librarycarpentry.org/">librarycarpentry.org</a>, <a href="https://software-carpentry.org/">software-carpentry.org</a>)',
  "My advisor or supervisor told me about The Carpentries",
  "A friend or colleague told me about The Carpentries",
  "Saw The Carpentries on social media (Twitter, Facebook, etc.)",
  "Heard about The Carpentries at a conference, meeting, or seminar",
  "Heard about The Carpentries from a funding organization or program office",
  "I am already a part of The Carpentries community",
];

export const CONTINENTS = [
  {
    name: "Africa",
    countries:
      "DZ AO BJ BW BF BI CM CV CF TD KM CD DJ EG GQ ER ET GA GM GH GN GW CI KE LS LR LY MG MW ML MR MU YT MA MZ NA NE NG CG RE RW SH ST SN SC SL SO ZA SS SD SZ TZ TG TN UG EH ZM ZW TF",
  },
  {
    name: "Asia",
    countries:
      "AF AM AZ BH BD BT BN KH CN EG GE IN ID IR IQ IL JP JO KZ KP KR KW KG LA LB MY MV MN MM NP OM PK PH QA RU SA SG LK SY TJ TH TL TR TM AE UZ VN YE IO HK MO PS TW CX CC",
  },
  {
    name: "Europe",
    countries:
      "AL AD AM AT AZ BY BE BA BG HR CY CZ DK EE FI FR GE DE GR HU IS IE IT KZ LV LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SE CH TR UA GB VA AX EU FO GI GG JE SJ IM",
  },
  {
    name: "North America",
    countries:
      "AG BS BB BZ CA CR CU DM DO SV GD GT HT HN JM MX NI PA KN LC VC TT US AI BM VG KY MS PR TC VI AW BQ CW GL GP MQ BL MF PM SX",
  },
  { name: "South America", countries: "AR BO BR CL CO EC GY PY PE SR UY VE BV FK GS GF" },
  { name: "Antarctica", countries: "AQ HM" },
  {
    name: "Australia / Oceania",
    countries: "AU FM FJ KI MH NR NZ PW PG WS SB TO TV VU CK NU AS PF GU NC NF MP PN TK WF UM",
  },
];

/** [subtag, name] pairs of the IANA language subtag registry (data/README.md). */
function bundledLanguages(): { subtag: string; name: string }[] {
  const rows = JSON.parse(readFileSync(projectPath("src/reference/data/languages.json"), "utf8")) as [
    string,
    string,
  ][];
  return rows.map(([subtag, name]) => ({ subtag, name }));
}

/** Fills a table with its starting rows once, while it is empty: a row an admin renames or retires stays so. */
async function seedEmpty<T extends PgTable>(
  tx: Executor,
  table: T,
  rows: T["$inferInsert"][],
): Promise<void> {
  if ((await tx.$count(table)) > 0) return;
  await tx.insert(table).values(rows).onConflictDoNothing();
}

const named = (names: readonly string[]) => names.map((name) => ({ name }));

export const referenceDataSeeder: Seeder = {
  name: "reference data",
  async run(tx) {
    await seedEmpty(tx, tag, TAGS);
    await seedEmpty(tx, role, ROLES);
    await seedEmpty(tx, badge, BADGES);
    await seedEmpty(tx, lesson, named(LESSONS));
    await seedEmpty(tx, knowledgeDomain, named(KNOWLEDGE_DOMAINS));
    await seedEmpty(tx, language, bundledLanguages());
    await seedEmpty(tx, curriculum, CURRICULA);
    await seedEmpty(tx, academicLevel, named(ACADEMIC_LEVELS));
    await seedEmpty(tx, computingExperienceLevel, named(COMPUTING_EXPERIENCE_LEVELS));
    await seedEmpty(tx, infoSource, named(INFO_SOURCES));
    await seedEmpty(
      tx,
      continent,
      CONTINENTS.map((row) => ({ name: row.name, countries: row.countries.replaceAll(" ", ",") })),
    );
  },
};
