/** One client CSV row checked against the shared client schema and the firm's teams, consultants and categories. */
import { PROGRAMS } from "@/lib/draws/kinds";
import { profileExpiresOn } from "@/lib/deadlines/expiry";
import type { ClientCsvColumn } from "./csv-template";
import { RECORDED_TEST_TYPES, recordedTestTypeOf } from "@/lib/language/recorded-test";
import { PROVINCES, clientInputSchema } from "./schema";
import { DEFAULT_TIME_ZONE, toZonedDate, todayIn } from "@/lib/dates/time-zone";
import { CLIENT_STATUSES, type ClientStatus } from "./status";
import type { CsvClientRow, CsvRowError, CsvValidationContext } from "./csv-import-types";
import { SCHEMA_PATH_COLUMN, STATUS_BY_WORDS, itaColumns, normaliseInstant, splitList } from "./csv-cells";

export const IMPORT_SCORE_SOURCE = "import";
const IMPORT_SCORE_REASON = "CSV import";
/** Stands in for a team that did not resolve, so the schema still checks the row's other fields. */
const PLACEHOLDER_UUID = "00000000-0000-4000-8000-000000000000";

export interface RowContext extends CsvValidationContext {
  categories: ReadonlySet<string>;
  teamList: string;
}

export function validateRow(get: (column: ClientCsvColumn) => string, line: number, context: RowContext, errors: CsvRowError[]): CsvClientRow | null {
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
