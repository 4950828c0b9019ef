/** Reading a client CSV row's cells: lists, instants, statuses, the ITA columns, schema paths. */
import type { ClientCsvColumn } from "./csv-template";
import { isCalendarDate } from "@/lib/dates/calendar-date";
import { CLIENT_STATUSES, CLIENT_STATUS_LABELS, type ClientStatus, isInvitedStatus } from "./status";

/** Schema paths → CSV columns; paths the row checks itself are left out (their errors would repeat). */
export const SCHEMA_PATH_COLUMN: Record<string, ClientCsvColumn> = {
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

export const STATUS_BY_WORDS = new Map<string, ClientStatus>([
  ...CLIENT_STATUSES.map((s) => [s, s] as const),
  ...CLIENT_STATUSES.map((s) => [s.replace(/_/g, " "), s] as const),
  ...CLIENT_STATUSES.map((s) => [CLIENT_STATUS_LABELS[s].toLowerCase(), s] as const),
]);

export function splitList(value: string): string[] {
  return value
    .split(";")
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

/**
 * "2026-03-14 09:30" → "2026-03-14T09:30:00": spreadsheets write a space for the T, and the
 * schema's ISO check wants seconds.
 */
export function normaliseInstant(value: string): string {
  return value
    .trim()
    .replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, "$1T$2")
    .replace(/T(\d{2}:\d{2})(?=$|Z|z|[+-]\d)/, "T$1:00");
}

/**
 * The optional itaDate and itaRound columns: a date, and a round only with a date. A row with an
 * ITA date and no status is invited (ita_received); with a status, that status must be one reached
 * through an ITA.
 */
export function itaColumns(dateText: string, roundText: string, status: ClientStatus | null, fail: (column: string, message: string) => void): { date: string | null; round: string | null } {
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
