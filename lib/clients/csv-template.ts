/**
 * The client CSV's columns (issue 4's contract) and the downloadable template. Pure data.
 *
 * Column → client field: profileExpiresAt → profileExpiresOn (an override of the 12-month rule),
 * ecaIssuedAt → ecaIssuedOn, workPermitExpiresAt → workPermitExpiresOn, passportExpiresAt →
 * passportExpiresOn; those and dateOfBirth and languageTestDate are calendar dates (YYYY-MM-DD).
 * languageTest → languageTestType, languageListening… → languageResults (raw results, converted
 * to CLB/NCLC with IRCC's charts when shown).
 * profileSubmittedAt and crsEffectiveAt are instants with a time (no zone = UTC).
 */
import { stringify } from "csv-stringify/sync";

export const CLIENT_CSV_COLUMNS = [
  "firstName",
  "lastName",
  "email",
  "dateOfBirth",
  "team",
  "consultantEmail",
  "profileNumber",
  "profileSubmittedAt",
  "profileExpiresAt",
  "status",
  "programs",
  "nominationProvince",
  "categories",
  "crs",
  "crsEffectiveAt",
  "languageTest",
  "languageTestDate",
  "languageListening",
  "languageReading",
  "languageWriting",
  "languageSpeaking",
  "ecaIssuedAt",
  "workPermitExpiresAt",
  "passportExpiresAt",
  "itaDate",
  "itaRound",
  "notes",
] as const;
export type ClientCsvColumn = (typeof CLIENT_CSV_COLUMNS)[number];

/** A file without one of these is refused as a whole; every other column may be left out. */
export const REQUIRED_CSV_COLUMNS: readonly ClientCsvColumn[] = ["firstName", "lastName", "team"];

/** What each column holds, for the import page and the README. */
export const CLIENT_CSV_COLUMN_HELP: Record<ClientCsvColumn, string> = {
  firstName: "Required.",
  lastName: "Required.",
  email: "Optional; unique among the firm's clients.",
  dateOfBirth: "YYYY-MM-DD, optional.",
  team: "Required: the name of one of your firm's teams.",
  consultantEmail: "Optional: the email of a consultant, admin or owner of the firm.",
  profileNumber: "Express Entry profile number (letters and digits); unique among the firm's clients.",
  profileSubmittedAt: "Date and time, e.g. 2026-03-14T09:30:00-04:00 (no zone = UTC). Required unless the status is prospect.",
  profileExpiresAt: "YYYY-MM-DD; empty = 12 months after submission.",
  status: "prospect, profile_active (default), ita_received, application_submitted, invitation_declined, invitation_expired, approved, refused, landed, withdrawn or closed.",
  programs: "FSW, CEC, FST separated by ';'.",
  nominationProvince: "Two-letter province code (e.g. ON) when the client holds a provincial nomination.",
  categories: "Category codes separated by ';': french, healthcare, stem, trades, transport, agriculture, education, physicians, senior_managers.",
  crs: "Whole number 0–1200. Required unless the status is prospect.",
  crsEffectiveAt: "Date and time the score took effect; empty = profileSubmittedAt.",
  languageTest: "ielts_general, celpip_general, pte_core, tef_canada, tcf_canada, or other (the four results are then CLB levels).",
  languageTestDate: "YYYY-MM-DD (results are valid 2 years); required with a languageTest.",
  languageListening: "The listening result as printed (IELTS band, CELPIP level, PTE/TEF/TCF score); required with a languageTest other than other.",
  languageReading: "The reading result, as for languageListening.",
  languageWriting: "The writing result, as for languageListening.",
  languageSpeaking: "The speaking result, as for languageListening.",
  ecaIssuedAt: "YYYY-MM-DD (an ECA is valid 5 years).",
  workPermitExpiresAt: "YYYY-MM-DD.",
  passportExpiresAt: "YYYY-MM-DD.",
  itaDate: "YYYY-MM-DD, optional: the day the ITA was received. With no status the client is ita_received; the application is due 60 days later.",
  itaRound: "Optional, with itaDate: the round's draw number, e.g. 350.",
  notes: "Free text.",
};

const EXAMPLE_ROWS: Record<ClientCsvColumn, string>[] = [
  {
    firstName: "Priya",
    lastName: "Sharma",
    email: "priya.sharma@example.com",
    dateOfBirth: "1994-07-12",
    team: "Toronto",
    consultantEmail: "",
    profileNumber: "E001234567",
    profileSubmittedAt: "2026-02-03T14:25:00-05:00",
    profileExpiresAt: "",
    status: "profile_active",
    programs: "CEC;FSW",
    nominationProvince: "",
    categories: "healthcare",
    crs: "487",
    crsEffectiveAt: "",
    languageTest: "ielts_general",
    languageTestDate: "2025-11-20",
    languageListening: "8.5",
    languageReading: "7",
    languageWriting: "7",
    languageSpeaking: "7.5",
    ecaIssuedAt: "2024-06-05",
    workPermitExpiresAt: "2027-01-31",
    passportExpiresAt: "2031-04-30",
    itaDate: "",
    itaRound: "",
    notes: "Employer reference letter received",
  },
  {
    firstName: "Chinedu",
    lastName: "Okafor",
    email: "chinedu.okafor@example.com",
    dateOfBirth: "1989-02-28",
    team: "Toronto",
    consultantEmail: "",
    profileNumber: "E009876543",
    profileSubmittedAt: "2025-12-15T09:05:30Z",
    profileExpiresAt: "",
    status: "profile_active",
    programs: "FSW",
    nominationProvince: "ON",
    categories: "stem;french",
    crs: "1012",
    crsEffectiveAt: "2026-03-01T16:00:00Z",
    languageTest: "celpip_general",
    languageTestDate: "2025-08-09",
    languageListening: "10",
    languageReading: "9",
    languageWriting: "9",
    languageSpeaking: "10",
    ecaIssuedAt: "2023-10-17",
    workPermitExpiresAt: "",
    passportExpiresAt: "2029-09-14",
    itaDate: "",
    itaRound: "",
    notes: "",
  },
];

/** The header and two realistic rows; `teamName` replaces the example team (use one of the firm's). */
export function clientCsvTemplate(options: { teamName?: string } = {}): string {
  const rows = EXAMPLE_ROWS.map((row) => CLIENT_CSV_COLUMNS.map((col) => (col === "team" && options.teamName ? options.teamName : row[col])));
  return stringify([[...CLIENT_CSV_COLUMNS], ...rows]);
}
