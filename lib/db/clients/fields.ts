import "server-only";
import type { ClientInput } from "@/lib/clients/schema";
import { type CrsInput, calculateCrs } from "@/lib/crs";
import { ecaExpiresOn, languageTestExpiresOn, profileExpiresOn } from "@/lib/deadlines";
import { Prisma } from "../prisma";
import { type ClientRow, dateOnly, dateValue, instantValue } from "./shared";

// What createClient and updateClient write from a ClientInput, and what the audit log compares.

export interface Score {
  crs: number;
  source: "calculated" | "manual";
  reason: string | null;
  factors: CrsInput | null;
}

/** The calculator's total when factors are given (they win), else the score entered by hand. */
export function scoreOf(input: ClientInput): Score | null {
  if (input.crsFactors) return { crs: calculateCrs(input.crsFactors).total, source: "calculated", reason: null, factors: input.crsFactors };
  if (input.manualCrs != null) return { crs: input.manualCrs, source: "manual", reason: input.manualCrsReason, factors: null };
  return null;
}

/** The record's columns from the input, with the derived expiry dates (profile: firm's zone). */
export function storedFields(input: ClientInput, timeZone: string) {
  const profileExpiry = input.profileExpiresOn ?? (input.profileSubmittedAt ? profileExpiresOn(input.profileSubmittedAt, null, timeZone) : null);
  return {
    teamId: input.teamId,
    consultantId: input.consultantId,
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    phone: input.phone,
    dateOfBirth: dateValue(input.dateOfBirth),
    citizenship: input.citizenship,
    status: input.status,
    profileNumber: input.profileNumber,
    profileSubmittedAt: instantValue(input.profileSubmittedAt),
    profileExpiresOn: dateValue(profileExpiry),
    profileExpiryOverride: input.profileExpiresOn != null,
    programs: [...new Set(input.programs)],
    nominationProvince: input.nominationProvince,
    nominatedOn: dateValue(input.nominatedOn),
    categories: [...new Set(input.categories)],
    invitedAt: instantValue(input.invitedAt),
    canadianWorkStartedOn: dateValue(input.canadianWorkStartedOn),
    languageTestType: input.languageTestType,
    languageTestDate: dateValue(input.languageTestDate),
    languageResults: input.languageResults ?? Prisma.DbNull,
    languageTestExpiresOn: dateValue(input.languageTestDate ? languageTestExpiresOn(input.languageTestDate) : null),
    ecaIssuer: input.ecaIssuer,
    ecaIssuedOn: dateValue(input.ecaIssuedOn),
    ecaExpiresOn: dateValue(input.ecaIssuedOn ? ecaExpiresOn(input.ecaIssuedOn) : null),
    workPermitExpiresOn: dateValue(input.workPermitExpiresOn),
    passportExpiresOn: dateValue(input.passportExpiresOn),
    notes: input.notes,
  };
}

const AUDITED_FIELDS = [
  "teamId", "consultantId", "firstName", "lastName", "email", "phone", "dateOfBirth", "citizenship", "status", "profileNumber",
  "profileSubmittedAt", "profileExpiresOn", "profileExpiryOverride", "programs", "nominationProvince", "nominatedOn", "categories",
  "crs", "crsEffectiveAt", "crsFactors", "invitedAt", "canadianWorkStartedOn", "languageTestType", "languageTestDate", "languageResults",
  "ecaIssuer", "ecaIssuedOn", "workPermitExpiresOn", "passportExpiresOn", "notes",
] as const satisfies readonly (keyof ClientRow)[];
const DATE_FIELDS = new Set(["dateOfBirth", "profileExpiresOn", "nominatedOn", "canadianWorkStartedOn", "languageTestDate", "ecaIssuedOn", "workPermitExpiresOn", "passportExpiresOn"]);

/** The audited fields as plain values (calendar dates as YYYY-MM-DD), for diffFields. */
export function auditView(row: ClientRow): Record<string, unknown> {
  return Object.fromEntries(
    AUDITED_FIELDS.map((field) => {
      const value = row[field];
      return [field, DATE_FIELDS.has(field) ? dateOnly(value as Date | null) : value];
    }),
  );
}
