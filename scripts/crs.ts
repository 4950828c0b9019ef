/**
 * CRS calculator CLI: `npm run --silent crs -- FILE.json` (or `-` for stdin).
 * Reads one profile object or an array of profiles and prints the result(s) as JSON on stdout;
 * needs no database. Every schema error is reported on stderr, with the profile's index and the
 * field path, and then nothing is printed on stdout (no half results to mistake for whole ones).
 * Exit codes: 0 ok, 1 unreadable file / invalid JSON / invalid profile, 2 usage.
 */
import { readFileSync } from "node:fs";
import {
  calculateCrs,
  crsInputSchema,
  describeValue,
  formatIssues,
  type CrsInput,
  type CrsLine,
  type CrsResult,
} from "../lib/crs";
import { CliError, EXIT_OK, parseCommandLine, runCommand, UsageError, writeOut } from "./lib/cli";

const MAX_ERROR_LINES = 50;
/** Results per stdout write: large enough to be fast, small enough to keep memory flat at 100k. */
const WRITE_BATCH = 2_000;

const USAGE = `Usage: npm run --silent crs -- FILE.json
       npm run --silent crs -- - < FILE.json

FILE.json holds one CRS profile object or an array of them (see README, "CRS calculator").
Prints the result, or an array of results in the same order, as JSON on stdout.
Errors name the profile by its index in the array, counting from 0.
Exit status: 0 ok, 1 unreadable file, invalid JSON or invalid profile, 2 usage.`;

function readSource(source: string): string {
  try {
    return readFileSync(source === "-" ? 0 : source, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`cannot read ${source === "-" ? "standard input" : source}: ${reason}`);
  }
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`${source === "-" ? "standard input" : source} is not valid JSON: ${reason}`);
  }
}

/** Validates every profile so one run lists every error, not just the first. */
function validate(profiles: unknown[], isArray: boolean): CrsInput[] {
  const valid: CrsInput[] = new Array(profiles.length);
  const errors: string[] = [];
  let invalidProfiles = 0;
  for (let i = 0; i < profiles.length; i++) {
    const parsed = crsInputSchema.safeParse(profiles[i]);
    if (parsed.success) {
      valid[i] = parsed.data;
      continue;
    }
    invalidProfiles++;
    for (const line of formatIssues(parsed.error, isArray ? `profile ${i}` : "profile")) errors.push(line);
  }
  if (errors.length === 0) return valid;
  const shown = errors.slice(0, MAX_ERROR_LINES);
  if (errors.length > shown.length) shown.push(`… and ${errors.length - shown.length} more errors`);
  const noun = profiles.length === 1 ? "profile" : "profiles";
  // The error lines go out as they are (each names its profile); the summary is the command's error.
  process.stderr.write(`${shown.join("\n")}\n`);
  throw new CliError(`${errors.length} error(s) in ${invalidProfiles} of ${profiles.length} ${noun}; nothing was calculated.`);
}

/**
 * JSON.stringify(result), faster: the calculator shares one frozen object per factor and point
 * value, so each distinct line is stringified once and reused. Serialising was most of the CLI's
 * time at 100,000 profiles (≈3 KB of JSON each). Totals still go through JSON.stringify, so a
 * field added to CrsResult shows up here too; only `breakdown` (the last key) is assembled by hand.
 */
const lineJson = new Map<CrsLine, string>();
function resultJson(result: CrsResult): string {
  const { breakdown, ...totals } = result;
  let lines = "";
  for (let i = 0; i < breakdown.length; i++) {
    const line = breakdown[i];
    let json = lineJson.get(line);
    if (json === undefined) {
      json = JSON.stringify(line);
      lineJson.set(line, json);
    }
    lines += i === 0 ? json : `,${json}`;
  }
  return `${JSON.stringify(totals).slice(0, -1)},"breakdown":[${lines}]}`;
}

async function printArray(profiles: CrsInput[]): Promise<void> {
  // One result per line inside the array: still one JSON document, but greppable, and written in
  // batches so 100,000 results never become one giant string.
  await writeOut("[");
  for (let start = 0; start < profiles.length; start += WRITE_BATCH) {
    const end = Math.min(start + WRITE_BATCH, profiles.length);
    const parts: string[] = [];
    for (let i = start; i < end; i++) parts.push(resultJson(calculateCrs(profiles[i])));
    await writeOut((start === 0 ? "\n" : ",\n") + parts.join(",\n"));
  }
  await writeOut(profiles.length === 0 ? "]\n" : "\n]\n");
}

async function main(): Promise<number> {
  const { positionals } = parseCommandLine(process.argv.slice(2), {});
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "name a JSON file, or - for standard input." : "give one file.");
  const source = positionals[0];
  const data = parseJson(readSource(source), source);
  if (Array.isArray(data)) {
    await printArray(validate(data, true));
  } else if (typeof data === "object" && data !== null) {
    const [profile] = validate([data], false);
    await writeOut(`${JSON.stringify(calculateCrs(profile), null, 2)}\n`);
  } else {
    throw new CliError(`expected a profile object or an array of profiles, got ${describeValue(data)}`);
  }
  return EXIT_OK;
}

runCommand("crs", USAGE, main);
