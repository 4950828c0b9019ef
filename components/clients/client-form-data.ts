/**
 * The client form's fields to clientInputSchema's draft, and back. Shared by the browser (checks
 * the form with the same zod schema before sending) and the server actions (which parse it again:
 * the browser's check is a convenience, never the gate). Pure: no React, no Next.
 */
import { format } from "date-fns";
import { TZDate, tz } from "@date-fns/tz";
import { ABILITIES } from "@/lib/crs";
import type { ClientInputDraft } from "@/lib/clients/schema";
import type { CrsInput } from "@/lib/crs";

/** Date-and-time fields: each is a date input and a time input, read in the form's time zone. */
export const INSTANT_FIELDS = ["profileSubmittedAt", "crsEffectiveAt", "invitedAt"] as const;
export type InstantField = (typeof INSTANT_FIELDS)[number];

export const CRS_MODES = ["calculator", "manual", "none"] as const;
export type CrsMode = (typeof CRS_MODES)[number];

const TEXT_FIELDS = [
  "firstName",
  "lastName",
  "email",
  "phone",
  "dateOfBirth",
  "citizenship",
  "teamId",
  "consultantId",
  "status",
  "profileNumber",
  "profileExpiresOn",
  "nominationProvince",
  "nominatedOn",
  "manualCrsReason",
  "canadianWorkStartedOn",
  "languageTestType",
  "languageTestDate",
  "ecaIssuer",
  "ecaIssuedOn",
  "workPermitExpiresOn",
  "passportExpiresOn",
  "notes",
] as const;

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * "2026-03-14" + "09:30" (or "09:30:15") in `timeZone` to an ISO instant in UTC. A date without a
 * time is passed on as it is, so the schema names the field ("use a date and time").
 */
export function composeInstant(date: string, time: string, timeZone: string): string {
  const d = date.trim();
  const t = time.trim();
  if (!d && !t) return "";
  if (!d || !t) return d || t;
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  const tm = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (!dm || !tm) return `${d}T${t}`;
  if (timeZone === "UTC") return `${d}T${tm[1].padStart(2, "0")}:${tm[2]}:${tm[3] ?? "00"}Z`;
  const local = new TZDate(Number(dm[1]), Number(dm[2]) - 1, Number(dm[3]), Number(tm[1]), Number(tm[2]), Number(tm[3] ?? 0), timeZone);
  return new Date(local.getTime()).toISOString().replace(".000Z", "Z");
}

/** An instant as the date and time inputs show it in `timeZone` (seconds kept: tie-breaks need them). */
export function splitInstant(instant: string | Date | null | undefined, timeZone: string): { date: string; time: string } {
  if (!instant) return { date: "", time: "" };
  const at = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) return { date: "", time: "" };
  return { date: format(at, "yyyy-MM-dd", { in: tz(timeZone) }), time: format(at, "HH:mm:ss", { in: tz(timeZone) }) };
}

/** The form's fields as the schema's draft input. */
export function clientDraftFromForm(form: FormData): ClientInputDraft {
  const out: Record<string, unknown> = {};
  for (const name of TEXT_FIELDS) out[name] = text(form, name);
  const timeZone = text(form, "timeZone") || "UTC";
  for (const name of INSTANT_FIELDS) out[name] = composeInstant(text(form, `${name}.date`), text(form, `${name}.time`), timeZone);

  out.programs = form.getAll("programs").filter((v): v is string => typeof v === "string");
  const extraCategories = text(form, "categoriesOther")
    .split(/[,;\s]+/)
    .filter(Boolean);
  out.categories = [...form.getAll("categories").filter((v): v is string => typeof v === "string"), ...extraCategories];

  const mode = (text(form, "crsMode") || "none") as CrsMode;
  out.crsFactors = null;
  out.manualCrs = "";
  if (mode === "calculator") {
    try {
      out.crsFactors = JSON.parse(text(form, "crsFactors"));
    } catch {
      out.crsFactors = text(form, "crsFactors");
    }
  } else if (mode === "manual") {
    out.manualCrs = text(form, "manualCrs");
  } else {
    out.manualCrsReason = "";
  }

  const results: Record<string, string> = {};
  for (const ability of ABILITIES) {
    const value = text(form, `languageResults.${ability}`).trim();
    if (value) results[ability] = value;
  }
  out.languageResults = Object.keys(results).length ? results : null;
  return out as ClientInputDraft;
}

/** zod issues keyed by path ("crsFactors.firstLanguage.clb.reading"), as the server returns them. */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

/** What the create and edit actions answer; `conflict` marks a save refused for a stale version. */
export type ClientSaveResult = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string>; conflict?: boolean };

/** The record as the form shows it; dates "YYYY-MM-DD", instants ISO strings. */
export interface ClientFormValues {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  dateOfBirth: string | null;
  citizenship: string | null;
  teamId: string;
  consultantId: string | null;
  status: string;
  profileNumber: string | null;
  profileSubmittedAt: string | null;
  /** Only the consultant's override; empty means the 12-month rule. */
  profileExpiresOn: string | null;
  programs: string[];
  nominationProvince: string | null;
  nominatedOn: string | null;
  categories: string[];
  crsFactors: CrsInput | null;
  manualCrs: number | null;
  manualCrsReason: string | null;
  invitedAt: string | null;
  canadianWorkStartedOn: string | null;
  languageTestType: string | null;
  languageTestDate: string | null;
  languageResults: Record<string, unknown> | null;
  ecaIssuer: string | null;
  ecaIssuedOn: string | null;
  workPermitExpiresOn: string | null;
  passportExpiresOn: string | null;
  notes: string | null;
}
