import type { RecordedResults, RecordedTestType } from "@/lib/language/recorded-test";
import type { ClientStatus } from "./status";

/** The client CSV import's shapes: what the check is given and what it reports (see csv-import.ts). */
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
