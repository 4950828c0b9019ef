/** Short words for dense places (roster badges, table cells); the long labels live beside each rule. */
import type { DeadlineKind } from "@/lib/deadlines";
import type { Tone } from "@/components/ui";
import type { ClientStatus } from "@/lib/clients/status";
import type { CrsSection } from "@/lib/crs";

export const DEADLINE_KIND_SHORT: Record<DeadlineKind, string> = {
  profile: "Profile",
  application: "Apply by",
  language_test: "Test",
  eca: "ECA",
  work_permit: "Permit",
  passport: "Passport",
};

export const CRS_SECTION_LABELS: Record<CrsSection, string> = {
  core: "Core / human capital",
  spouse: "Spouse or common-law partner",
  transferability: "Skill transferability (max 100)",
  additional: "Additional points (max 600)",
};

// The same short words and margin format as the reports, so screens and exports agree.
export { DRAW_KIND_SHORT, formatMargin } from "@/lib/reports/labels";

export const number = new Intl.NumberFormat("en-CA");

export const STATUS_TONES: Record<ClientStatus, Tone> = {
  prospect: "neutral",
  profile_active: "info",
  ita_received: "success",
  application_submitted: "success",
  landed: "success",
  withdrawn: "neutral",
  closed: "neutral",
  invitation_declined: "neutral",
  invitation_expired: "warning",
  approved: "success",
  refused: "neutral",
};

/** Status words short enough for a table cell. */
export const STATUS_SHORT: Record<ClientStatus, string> = {
  prospect: "Prospect",
  profile_active: "In the pool",
  ita_received: "ITA received",
  application_submitted: "Applied",
  landed: "Landed",
  withdrawn: "Withdrawn",
  closed: "Closed",
  invitation_declined: "ITA declined",
  invitation_expired: "ITA expired",
  approved: "Approved",
  refused: "Refused",
};

/** Where a recorded CRS came from, on the client page's score and its history. */
export const SCORE_SOURCE_LABELS: Record<string, string> = { calculated: "Calculator", manual: "Entered by hand", import: "CSV import" };
