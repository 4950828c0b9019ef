/**
 * The client CSV import's first step, pure: parse the file and check every row against the
 * shared client schema (lib/clients/schema.ts) and the firm's teams, consultants and categories,
 * reporting every problem of every row with its file line and column. Nothing here touches the
 * database or the clock (except `now` as a fallback, see CsvValidationContext).
 *
 * Decisions (documented in the README's import section):
 * - A file missing a required column (firstName, lastName, team), with an unknown or repeated
 *   column, or that is not readable CSV, is refused as a whole: only those errors are reported.
 * - crs is required unless the status is prospect (a prospect may have no score yet).
 * - status accepts the codes (profile_active) and, case-insensitively, the labels ("ITA received")
 *   and codes written with spaces ("profile active").
 * - A profileExpiresAt equal to the 12-month default is not recorded as an override.
 * - Duplicates within the file (same profile number, or same email ignoring case) are errors of
 *   the later row that name the earlier line.
 * - Line numbers are file lines: the header is line 1; a quoted field spanning lines counts each.
 */
import { type Options as CsvParseOptions, parse } from "csv-parse/sync";
import { PROGRAMS } from "@/lib/draws/kinds";
import { profileExpiresOn } from "@/lib/deadlines/expiry";
import { CLIENT_CSV_COLUMNS, type ClientCsvColumn, REQUIRED_CSV_COLUMNS } from "./csv-template";
import { RECORDED_TEST_TYPES, type RecordedResults, type RecordedTestType, recordedTestTypeOf } from "@/lib/language/recorded-test";
import { PROVINCES, clientInputSchema } from "./schema";
import { isCalendarDate } from "@/lib/dates/calendar-date";
import { DEFAULT_TIME_ZONE, toZonedDate, todayIn } from "@/lib/dates/time-zone";
import { CLIENT_STATUSES, CLIENT_STATUS_LABELS, type ClientStatus, isInvitedStatus } from "./status";

export interface CsvValidationContext {
  /** Lowercased team name → team id, every team of the firm. */
  teamsByName: ReadonlyMap<string, string>;
  /** Lowercased email → user id, the firm's users who may be assigned clients. */
  consultantsByEmail: ReadonlyMap<string, string>;
  /** Category codes a client may hold. */
  knownCategories: readonly string[];
  /** When set, a row for a team outside it is an error (a consultant imports into their teams only). */
  writableTeamIds?: ReadonlySet<string>;
  /** The teams' names as the firm writes them, for messages (default: the map's keys). */
  teamNames?: readonly string[];
  /** The firm's zone, to tell a profileExpiresAt equal to the 12-month default. */
  timeZone?: string;
  /** The score's effective time for a prospect row with neither crsEffectiveAt nor profileSubmittedAt. */
  now?: Date;
}

export type CsvErrorKind = "invalid" | "duplicate";

export interface CsvRowError {
  /** File line, 1-based, the header being line 1. */
  line: number;
  /** A column name, or "(file)" / "(row)" for problems of the whole file or row. */
  column: string;
  message: string;
  kind: CsvErrorKind;
}

export interface CsvDuplicate {
  line: number;
  field: "profileNumber" | "email";
  /** The earlier line of the file with the same value. */
  duplicateOfLine?: number;
  /** The firm's live client with the same value (filled in by the database step). */
  existingClientId?: string;
}

/** A valid row, ready for lib/db/clients/bulk.ts's insertClientsBulk (its ClientInsert shape). */
export interface CsvClientRow {
  teamId: string;
  consultantId: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: null;
  dateOfBirth: string | null;
  citizenship: null;
  status: ClientStatus;
  profileNumber: string | null;
  profileSubmittedAt: string | null;
  profileExpiresOn: string | null;
  programs: string[];
  nominationProvince: string | null;
  nominatedOn: null;
  categories: string[];
  crsFactors: null;
  scores: { crs: number; effectiveAt: string; source: string; reason: string | null }[];
  invitedAt: string | null;
  canadianWorkStartedOn: null;
  languageTestType: RecordedTestType | null;
  languageTestDate: string | null;
  languageResults: RecordedResults | null;
  ecaIssuer: null;
  ecaIssuedOn: string | null;
  workPermitExpiresOn: string | null;
  passportExpiresOn: string | null;
  notes: string | null;
  itaDate: string | null;
  itaRound: string | null;
}

export interface CsvValidation {
  /** Data rows in the file (blank lines not counted). */
  total: number;
  /** The rows without any error, in file order. */
  rows: { line: number; input: CsvClientRow }[];
  /** Every problem, in file order. */
  errors: CsvRowError[];
  duplicates: CsvDuplicate[];
  /** Every data row's profile number (upper case) and email (lower case), for the firm-wide duplicate check. */
  keys: { line: number; profileNumber: string | null; email: string | null }[];
}

export const IMPORT_SCORE_SOURCE = "import";
const IMPORT_SCORE_REASON = "CSV import";
/** Stands in for a team that did not resolve, so the schema still checks the row's other fields. */
const PLACEHOLDER_UUID = "00000000-0000-4000-8000-000000000000";

/** Schema paths → CSV columns; paths the row checks itself are left out (their errors would repeat). */
const SCHEMA_PATH_COLUMN: Record<string, ClientCsvColumn> = {
  firstName: "firstName",
  lastName: "lastName",
  email: "email",
  dateOfBirth: "dateOfBirth",
  profileNumber: "profileNumber",
  profileSubmittedAt: "profileSubmittedAt",
  profileExpiresOn: "profileExpiresAt",
  crsEffectiveAt: "crsEffectiveAt",
  languageTestType: "languageTest",
  languageTestDate: "languageTestDate",
  "languageResults.listening": "languageListening",
  "languageResults.reading": "languageReading",
  "languageResults.writing": "languageWriting",
  "languageResults.speaking": "languageSpeaking",
  ecaIssuedOn: "ecaIssuedAt",
  workPermitExpiresOn: "workPermitExpiresAt",
  passportExpiresOn: "passportExpiresAt",
  notes: "notes",
};

/** Errors of a row are listed in the file's column order, whole-row problems first. */
const COLUMN_ORDER: string[] = ["(row)", ...CLIENT_CSV_COLUMNS];

const STATUS_BY_WORDS = new Map<string, ClientStatus>([
  ...CLIENT_STATUSES.map((s) => [s, s] as const),
  ...CLIENT_STATUSES.map((s) => [s.replace(/_/g, " "), s] as const),
  ...CLIENT_STATUSES.map((s) => [CLIENT_STATUS_LABELS[s].toLowerCase(), s] as const),
]);

/** Header checks; a non-empty result refuses the file. */
function headerErrors(header: string[]): CsvRowError[] {
  const errors: CsvRowError[] = [];
  const known = new Set<string>(CLIENT_CSV_COLUMNS);
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) errors.push({ line: 1, column: name || "(empty)", message: `Column "${name}" appears more than once.`, kind: "invalid" });
    seen.add(name);
    if (known.has(name)) continue;
    const hint = CLIENT_CSV_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase().replace(/[\s_-]/g, ""));
    errors.push({
      line: 1,
      column: name || "(empty)",
      message: hint
        ? `Unknown column "${name}": did you mean "${hint}"? Column names are case-sensitive.`
        : `Unknown column "${name}". The template's columns are: ${CLIENT_CSV_COLUMNS.join(", ")}.`,
      kind: "invalid",
    });
  }
  for (const required of REQUIRED_CSV_COLUMNS) {
    if (!seen.has(required)) errors.push({ line: 1, column: required, message: `The required column "${required}" is missing.`, kind: "invalid" });
  }
  return errors;
}

interface ParsedRecord {
  line: number;
  fields: string[];
}

/** CSV records with their first file line; line endings are normalised so the count is exact. */
function parseRecords(text: string): ParsedRecord[] {
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  // `lines` is the line a record ends on; a quoted field with line breaks started earlier. csv-parse's
  // types want on_record to return a string[], but any value is kept as the record.
  const toRecord = (fields: string[], context: { lines: number }): ParsedRecord => ({
    line: context.lines - fields.reduce((breaks, field) => breaks + (field.includes("\n") ? field.split("\n").length - 1 : 0), 0),
    fields,
  });
  const options = { relax_column_count: true, skip_empty_lines: true, on_record: toRecord } as unknown as CsvParseOptions;
  return parse(normalised, options) as unknown as ParsedRecord[];
}

function splitList(value: string): string[] {
  return value
    .split(";")
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

/**
 * "2026-03-14 09:30" → "2026-03-14T09:30:00": spreadsheets write a space for the T, and the
 * schema's ISO check wants seconds.
 */
function normaliseInstant(value: string): string {
  return value
    .trim()
    .replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, "$1T$2")
    .replace(/T(\d{2}:\d{2})(?=$|Z|z|[+-]\d)/, "T$1:00");
}

interface RowContext extends CsvValidationContext {
  categories: ReadonlySet<string>;
  teamList: string;
}

function validateRow(get: (column: ClientCsvColumn) => string, line: number, context: RowContext, errors: CsvRowError[]): CsvClientRow | null {
  const before = errors.length;
  const fail = (column: string, message: string) => errors.push({ line, column, message, kind: "invalid" });

  const teamName = get("team");
  let teamId: string | null = null;
  if (teamName === "") fail("team", "Enter the team's name.");
  else {
    teamId = context.teamsByName.get(teamName.toLowerCase()) ?? null;
    if (!teamId) fail("team", `No team "${teamName}" in your firm. Teams: ${context.teamList}.`);
    else if (context.writableTeamIds && !context.writableTeamIds.has(teamId)) fail("team", `You can import clients only into your own teams; "${teamName}" is not one of them.`);
  }

  const consultantEmail = get("consultantEmail");
  let consultantId: string | null = null;
  if (consultantEmail !== "") {
    consultantId = context.consultantsByEmail.get(consultantEmail.toLowerCase()) ?? null;
    if (!consultantId) fail("consultantEmail", `No consultant with the email ${consultantEmail} in your firm.`);
  }

  const statusText = get("status");
  let status: ClientStatus = "profile_active";
  if (statusText !== "") {
    const found = STATUS_BY_WORDS.get(statusText.toLowerCase().replace(/\s+/g, " "));
    if (found) status = found;
    else fail("status", `Unknown status "${statusText}". Use one of: ${CLIENT_STATUSES.join(", ")}.`);
  }

  const programs: string[] = [];
  for (const value of splitList(get("programs"))) {
    const program = value.toUpperCase();
    if ((PROGRAMS as readonly string[]).includes(program)) {
      if (!programs.includes(program)) programs.push(program);
    } else fail("programs", `Unknown program "${value}". Use FSW, CEC or FST, separated by ";".`);
  }

  const categories: string[] = [];
  for (const value of splitList(get("categories"))) {
    const category = value.toLowerCase();
    if (context.categories.has(category)) {
      if (!categories.includes(category)) categories.push(category);
    } else fail("categories", `Unknown category "${value}". Use codes separated by ";": ${[...context.categories].join(", ")}.`);
  }

  const provinceText = get("nominationProvince");
  const province = provinceText.toUpperCase();
  if (provinceText !== "" && !(PROVINCES as readonly string[]).includes(province)) {
    fail("nominationProvince", `Unknown province "${provinceText}". Use a two-letter code such as ON or BC.`);
  }

  const crsText = get("crs");
  let crs: number | null = null;
  if (crsText === "") {
    if (status !== "prospect") fail("crs", "Enter the CRS score (a whole number from 0 to 1200).");
  } else if (!/^\d+$/.test(crsText) || Number(crsText) > 1200) {
    fail("crs", `"${crsText}" is not a CRS score: use a whole number from 0 to 1200.`);
  } else crs = Number(crsText);

  const testText = get("languageTest");
  const testType = testText === "" ? null : recordedTestTypeOf(testText);
  if (testText !== "" && !testType) fail("languageTest", `Unknown language test "${testText}". Use one of: ${RECORDED_TEST_TYPES.join(", ")}.`);

  const ita = itaColumns(get("itaDate"), get("itaRound"), statusText === "" ? null : status, fail);
  if (ita.date && statusText === "") status = "ita_received";

  const submittedText = normaliseInstant(get("profileSubmittedAt"));
  if (submittedText === "" && status !== "prospect") {
    fail("profileSubmittedAt", "Enter when the profile was submitted (date and time: it decides tie-breaks).");
  }

  const parsed = clientInputSchema.safeParse({
    firstName: get("firstName"),
    lastName: get("lastName"),
    email: get("email"),
    dateOfBirth: get("dateOfBirth"),
    teamId: teamId ?? PLACEHOLDER_UUID,
    status,
    profileNumber: get("profileNumber"),
    // A prospect's stray submission time is still checked; the status rule is checked above.
    profileSubmittedAt: submittedText,
    profileExpiresOn: get("profileExpiresAt"),
    crsEffectiveAt: normaliseInstant(get("crsEffectiveAt")),
    languageTestType: testType,
    languageTestDate: get("languageTestDate"),
    languageResults: { listening: get("languageListening"), reading: get("languageReading"), writing: get("languageWriting"), speaking: get("languageSpeaking") },
    ecaIssuedOn: get("ecaIssuedAt"),
    workPermitExpiresOn: get("workPermitExpiresAt"),
    passportExpiresOn: get("passportExpiresAt"),
    notes: get("notes"),
  });
  if (!parsed.success) {
    const reported = new Set(errors.slice(before).map((e) => `${e.column}|${e.message}`));
    // A column the row's own checks already refused (an unknown languageTest) is not refused twice.
    const checked = new Set(errors.slice(before).map((e) => e.column));
    for (const issue of parsed.error.issues) {
      const column = SCHEMA_PATH_COLUMN[issue.path.join(".")] ?? SCHEMA_PATH_COLUMN[String(issue.path[0])];
      if (!column || checked.has(column) || reported.has(`${column}|${issue.message}`)) continue;
      reported.add(`${column}|${issue.message}`);
      fail(column, issue.message);
    }
  }
  if (errors.length > before || !parsed.success) return null;

  const input = parsed.data;
  const submittedAt = input.profileSubmittedAt ? new Date(input.profileSubmittedAt).toISOString() : null;
  // Only computed for rows that give an expiry: the zone arithmetic costs ~0.2 ms a call.
  const defaultExpiry = input.profileExpiresOn && submittedAt && context.timeZone ? profileExpiresOn(submittedAt, null, context.timeZone) : null;
  if (ita.date && submittedAt && context.timeZone && ita.date < toZonedDate(submittedAt, context.timeZone)) {
    fail("itaDate", `The ITA date ${ita.date} is before the profile was submitted.`);
    return null;
  }
  if (ita.date && context.now && ita.date > todayIn(context.timeZone ?? DEFAULT_TIME_ZONE, context.now)) {
    fail("itaDate", `The ITA date ${ita.date} is in the future.`);
    return null;
  }
  const effectiveAt = input.crsEffectiveAt ? new Date(input.crsEffectiveAt).toISOString() : (submittedAt ?? (context.now ?? new Date()).toISOString());
  return {
    teamId: teamId!,
    consultantId,
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    phone: null,
    dateOfBirth: input.dateOfBirth,
    citizenship: null,
    status,
    profileNumber: input.profileNumber?.toUpperCase() ?? null,
    profileSubmittedAt: submittedAt,
    profileExpiresOn: input.profileExpiresOn !== null && input.profileExpiresOn === defaultExpiry ? null : input.profileExpiresOn,
    programs,
    nominationProvince: provinceText === "" ? null : province,
    nominatedOn: null,
    categories,
    crsFactors: null,
    scores: crs === null ? [] : [{ crs, effectiveAt, source: IMPORT_SCORE_SOURCE, reason: IMPORT_SCORE_REASON }],
    // End of the ITA day (UTC), the draw time convention when the round's time is unknown.
    invitedAt: ita.date ? `${ita.date}T23:59:59.999Z` : null,
    canadianWorkStartedOn: null,
    languageTestType: input.languageTestType,
    languageTestDate: input.languageTestDate,
    languageResults: input.languageResults,
    ecaIssuer: null,
    ecaIssuedOn: input.ecaIssuedOn,
    workPermitExpiresOn: input.workPermitExpiresOn,
    passportExpiresOn: input.passportExpiresOn,
    notes: input.notes,
    itaDate: ita.date,
    itaRound: ita.round,
  };
}

/**
 * The optional itaDate and itaRound columns: a date, and a round only with a date. A row with an
 * ITA date and no status is invited (ita_received); with a status, that status must be one reached
 * through an ITA.
 */
function itaColumns(dateText: string, roundText: string, status: ClientStatus | null, fail: (column: string, message: string) => void): { date: string | null; round: string | null } {
  if (dateText === "") {
    if (roundText !== "") fail("itaRound", "Give the itaDate too: a round without the ITA date cannot be recorded.");
    return { date: null, round: null };
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateText) || !isCalendarDate(dateText)) {
    fail("itaDate", `"${dateText}" is not a date: use YYYY-MM-DD.`);
    return { date: null, round: null };
  }
  if (status !== null && !isInvitedStatus(status)) fail("itaDate", `An ITA date needs an invited status (e.g. ita_received), not ${status}.`);
  if (roundText.length > 20) fail("itaRound", "At most 20 characters (the draw number).");
  return { date: dateText, round: roundText === "" ? null : roundText };
}

/** Rows checked between two progress reports (and, in the async form, two yields to the event loop). */
const BATCH = 2_000;

/**
 * The check as a generator: yields [rows done, rows in total] after each batch and returns the
 * result, so the synchronous and the asynchronous forms share one implementation.
 */
function* validationSteps(text: string, context: CsvValidationContext): Generator<[number, number], CsvValidation> {
  let records: ParsedRecord[];
  try {
    records = parseRecords(text);
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    return { total: 0, rows: [], duplicates: [], keys: [], errors: [{ line: e.lines ?? 1, column: "(file)", message: `The file is not readable CSV: ${e.message ?? "unknown error"}`, kind: "invalid" }] };
  }
  if (records.length === 0) return { total: 0, rows: [], duplicates: [], keys: [], errors: [{ line: 1, column: "(file)", message: "The file is empty: it needs the header line and at least one client.", kind: "invalid" }] };

  const header = records[0].fields.map((name) => name.trim());
  const dataRecords = records.slice(1).filter((r) => r.fields.some((f) => f.trim() !== ""));
  const refused = headerErrors(header);
  if (refused.length) return { total: dataRecords.length, rows: [], duplicates: [], keys: [], errors: refused };

  const index = new Map(header.map((name, i) => [name as ClientCsvColumn, i]));
  const rowContext: RowContext = {
    ...context,
    categories: new Set(context.knownCategories),
    teamList: [...(context.teamNames ?? context.teamsByName.keys())].join(", ") || "none",
  };
  const rows: CsvValidation["rows"] = [];
  const errors: CsvRowError[] = [];
  const duplicates: CsvDuplicate[] = [];
  const keys: CsvValidation["keys"] = [];
  const firstLineOf = { profileNumber: new Map<string, number>(), email: new Map<string, number>() };

  // The file is read: from here on the progress bar knows the total.
  yield [0, dataRecords.length];
  for (const [n, { line, fields }] of dataRecords.entries()) {
    if (n > 0 && n % BATCH === 0) yield [n, dataRecords.length];
    const get = (column: ClientCsvColumn) => {
      const i = index.get(column);
      return i === undefined ? "" : (fields[i] ?? "").trim();
    };
    const rowErrors: CsvRowError[] = [];
    if (fields.length !== header.length) {
      rowErrors.push({ line, column: "(row)", message: `This row has ${fields.length} fields; the header has ${header.length}.`, kind: "invalid" });
    }
    // PostgreSQL cannot store a NUL in text: without this the row would pass and the insert fail.
    fields.forEach((field, i) => {
      if (field.includes("\u0000")) {
        rowErrors.push({ line, column: header[i] || "(row)", message: "This cell holds a NUL character (a zero byte), which cannot be stored: save the file again as CSV text.", kind: "invalid" });
      }
    });
    const input = validateRow(get, line, rowContext, rowErrors);
    const rowKeys = { profileNumber: get("profileNumber").toUpperCase(), email: get("email").toLowerCase() };
    // A key with a NUL (already this row's error) cannot be looked up in PostgreSQL either.
    const key = (value: string) => (value === "" || value.includes("\u0000") ? null : value);
    keys.push({ line, profileNumber: key(rowKeys.profileNumber), email: key(rowKeys.email) });
    for (const field of ["profileNumber", "email"] as const) {
      const key = rowKeys[field];
      if (key === "") continue;
      const earlier = firstLineOf[field].get(key);
      if (earlier === undefined) firstLineOf[field].set(key, line);
      else {
        const what = field === "profileNumber" ? "profile number" : "email";
        rowErrors.push({ line, column: field, message: `Same ${what} as line ${earlier}.`, kind: "duplicate" });
        duplicates.push({ line, field, duplicateOfLine: earlier });
      }
    }
    rowErrors.sort((a, b) => COLUMN_ORDER.indexOf(a.column) - COLUMN_ORDER.indexOf(b.column));
    errors.push(...rowErrors);
    if (input && rowErrors.length === 0) rows.push({ line, input });
  }
  yield [dataRecords.length, dataRecords.length];
  return { total: dataRecords.length, rows, errors, duplicates, keys };
}

/** Checks a whole client CSV; see the file comment for the rules. */
export function validateClientCsv(text: string, context: CsvValidationContext): CsvValidation {
  const steps = validationSteps(text, context);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same check, giving the event loop back every 2,000 rows so a server stays responsive while a
 * 100,000-row file is checked (seconds of work), and reporting progress as it goes.
 */
export async function validateClientCsvAsync(
  text: string,
  context: CsvValidationContext,
  onProgress?: (done: number, total: number) => void,
): Promise<CsvValidation> {
  const steps = validationSteps(text, context);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(...step.value);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
