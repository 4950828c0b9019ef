/**
 * The client record's input contract, shared by the create/edit form (client-side validation),
 * the server actions, the CSV import and the CLI. Pure zod, no framework.
 */
import { z } from "@/lib/zod";
import { crsInputSchema } from "@/lib/crs/schema";
import { PROGRAMS } from "@/lib/draws/kinds";
import { checkRecordedTest, recordedResultsSchema, recordedTestTypeSchema } from "@/lib/language/recorded-test";
import { CLIENT_STATUSES } from "./status";

export const PROVINCES = ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"] as const;

/** Category codes: the built-in kinds plus any a firm maps later (lowercase words and underscores). */
export const categoryCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, "Use a category code such as healthcare or stem.");

const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const optionalText = (max: number) => z.preprocess(emptyToNull, z.string().trim().max(max, `Use at most ${max} characters.`).nullable().default(null));
/**
 * Dates before 1900 are typos (a year 0001 from a spreadsheet), and the date arithmetic cannot
 * represent years 0–99; a year past 9998 has no 4-digit ISO form once moved to UTC.
 */
const YEAR_RANGE = "Use a year from 1900 to 9998.";
const inYearRange = (iso: string) => {
  const year = new Date(iso).getUTCFullYear();
  // Not a date at all (zod runs this after a failed format check too): the format error says so.
  return Number.isNaN(year) || (year >= 1900 && year <= 9998);
};
const calendarDate = z.preprocess(emptyToNull, z.iso.date({ error: "Use a date as YYYY-MM-DD." }).refine(inYearRange, YEAR_RANGE).nullable().default(null));
/** An instant with a time; a value without a zone is UTC (as the CSV contract says). */
export const instantSchema = z.preprocess(
  (v) => {
    const value = emptyToNull(v);
    if (typeof value !== "string") return value;
    const trimmed = value.trim();
    return /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(trimmed) ? `${trimmed}Z` : trimmed;
  },
  z.iso.datetime({ offset: true, error: "Use a date and time such as 2026-03-14T09:30:00Z." }).refine(inYearRange, YEAR_RANGE).nullable().default(null),
);

export const clientInputSchema = z
  .object({
    firstName: z.string().trim().min(1, "Enter the first name.").max(80),
    lastName: z.string().trim().min(1, "Enter the last name.").max(80),
    email: z.preprocess(emptyToNull, z.email({ error: "Enter a valid email address." }).max(200).nullable().default(null)),
    phone: optionalText(40),
    dateOfBirth: calendarDate,
    citizenship: optionalText(80),
    teamId: z.uuid({ error: "Choose a team." }),
    consultantId: z.preprocess(emptyToNull, z.uuid().nullable().default(null)),
    status: z.enum(CLIENT_STATUSES, { error: "Choose a status." }).default("profile_active"),
    profileNumber: z.preprocess(emptyToNull, z.string().trim().toUpperCase().regex(/^[A-Z0-9]{6,20}$/i, "Use the Express Entry profile number (letters and digits).").nullable().default(null)),
    profileSubmittedAt: instantSchema,
    /** Overrides the 12-month expiry when IRCC shows a different date. */
    profileExpiresOn: calendarDate,
    programs: z.array(z.enum(PROGRAMS)).default([]),
    nominationProvince: z.preprocess(emptyToNull, z.enum(PROVINCES, { error: "Choose a province." }).nullable().default(null)),
    nominatedOn: calendarDate,
    categories: z.array(categoryCodeSchema).default([]),
    /** Either the calculator's factors (the score is computed) or a score entered by hand. */
    crsFactors: crsInputSchema.nullable().default(null),
    manualCrs: z.preprocess((v) => (v === "" || v === undefined ? null : typeof v === "string" ? Number(v) : v), z.int().min(0).max(1200).nullable().default(null)),
    manualCrsReason: optionalText(300),
    crsEffectiveAt: instantSchema,
    invitedAt: instantSchema,
    canadianWorkStartedOn: calendarDate,
    /** A designated test (its results are raw scores) or "other" (CLB levels entered directly). */
    languageTestType: recordedTestTypeSchema,
    languageTestDate: calendarDate,
    languageResults: recordedResultsSchema,
    ecaIssuer: optionalText(40),
    ecaIssuedOn: calendarDate,
    workPermitExpiresOn: calendarDate,
    passportExpiresOn: calendarDate,
    notes: optionalText(5000),
  })
  .superRefine((v, ctx) => {
    if (v.manualCrs !== null && !v.manualCrsReason) {
      ctx.addIssue({ code: "custom", path: ["manualCrsReason"], message: "Say why the score is entered by hand." });
    }
    if (v.status !== "prospect" && !v.profileSubmittedAt) {
      ctx.addIssue({ code: "custom", path: ["profileSubmittedAt"], message: "Enter when the profile was submitted (date and time: it decides tie-breaks)." });
    }
    if (v.nominatedOn && !v.nominationProvince) {
      ctx.addIssue({ code: "custom", path: ["nominationProvince"], message: "Choose the nominating province." });
    }
  })
  // Also when other fields failed (the calculator's copy of a bad result, say): the result's own
  // field must carry the message, so the check reads the record loosely.
  .superRefine((v, ctx) => checkRecordedTest(v, ctx), { when: (payload) => typeof payload.value === "object" && payload.value !== null });

export type ClientInput = z.output<typeof clientInputSchema>;
export type ClientInputDraft = z.input<typeof clientInputSchema>;
