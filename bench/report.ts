import { writeFile } from "node:fs/promises";
import os from "node:os";

export interface Measurement {
  p50: number;
  p95: number;
  p99: number;
  requestsPerSecond: number;
  /** Responses other than 2xx, and connection errors: any makes the row fail. */
  failures: number;
}

export interface Row {
  page: string;
  path: string;
  targetMs: number;
  measured: Measurement;
  floor: Measurement;
}

export const RSS_LIMIT_MB = 250;

export interface Report {
  rows: Row[];
  peakRssMb: number;
  /** Before the first run: the app (and the load generator, which shares the process) at rest. */
  startRssMb: number;
  postgresVersion: string;
  seconds: number;
  connections: number;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const ratioOf = (row: Row) =>
  row.floor.requestsPerSecond > 0 ? row.measured.requestsPerSecond / row.floor.requestsPerSecond : 0;
const passes = (row: Row) =>
  row.measured.p95 <= row.targetMs && row.measured.failures === 0 && row.floor.failures === 0;

function resultOf(row: Row): string {
  if (row.measured.failures > 0) return `FAIL (${row.measured.failures} errors)`;
  if (row.floor.failures > 0) return `FAIL (floor: ${row.floor.failures} errors)`;
  return passes(row) ? "pass" : "FAIL";
}

export function printReport(report: Report) {
  const header = ["page", "p50", "p95", "p99", "req/s", "floor req/s", "ratio", "target", "result"];
  const lines = report.rows.map((row) => [
    row.page,
    row.measured.p50.toFixed(1),
    row.measured.p95.toFixed(1),
    row.measured.p99.toFixed(1),
    row.measured.requestsPerSecond.toFixed(0),
    row.floor.requestsPerSecond.toFixed(0),
    ratioOf(row).toFixed(2),
    `${row.targetMs} ms`,
    resultOf(row),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)),
  );
  const format = (cells: string[]) =>
    cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ");
  console.log(`\n${format(header)}\n${widths.map((width) => "-".repeat(width)).join("  ")}`);
  for (const line of lines) console.log(format(line));
  const rssResult = report.peakRssMb <= RSS_LIMIT_MB ? "pass" : "FAIL";
  console.log(
    `\nPeak RSS: ${report.peakRssMb.toFixed(0)} MB (limit ${RSS_LIMIT_MB} MB, ${report.startRssMb.toFixed(0)} MB at rest): ${rssResult}`,
  );
  console.log("Latencies in ms; ratio = page req/s ÷ floor req/s.");
}

export async function writeResults(path: string, report: Report) {
  const cpus = os.cpus();
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus[0]?.model ?? "unknown",
      cores: cpus.length,
      totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
      os: `${os.type()} ${os.release()}`,
      node: process.version,
      postgres: report.postgresVersion,
    },
    settings: { connections: report.connections, secondsPerRun: report.seconds },
    pages: report.rows.map((row) => ({
      page: row.page,
      path: row.path,
      p50: round(row.measured.p50),
      p95: round(row.measured.p95),
      p99: round(row.measured.p99),
      requestsPerSecond: round(row.measured.requestsPerSecond),
      floorRequestsPerSecond: round(row.floor.requestsPerSecond),
      ratio: round(ratioOf(row), 2),
      targetMs: row.targetMs,
      failures: row.measured.failures,
      pass: passes(row),
    })),
    peakRssMb: round(report.peakRssMb),
    startRssMb: round(report.startRssMb),
    rssLimitMb: RSS_LIMIT_MB,
    rssPass: report.peakRssMb <= RSS_LIMIT_MB,
  };
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
}
