/** A client's audit entry's changes in words, for the client page's audit trail. */
const FIELD_LABELS: Record<string, string> = {
  firstName: "First name",
  lastName: "Last name",
  teamId: "Team",
  consultantId: "Consultant",
  profileSubmittedAt: "Profile submitted",
  profileExpiresOn: "Profile expires",
  crs: "CRS",
  crsFactors: "CRS factors",
  archivedAt: "Archived",
  deletedAt: "Deleted",
};

/** Field labels where the schema name is not a word; factors are too long to show, so only their change is said. */
export function describeChanges(changes: unknown): string {
  if (!changes || typeof changes !== "object") return "";
  const show = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "object" ? "(changed)" : String(v));
  return Object.entries(changes as Record<string, { from?: unknown; to?: unknown }>)
    .map(([field, c]) => (field === "crsFactors" ? "CRS factors changed" : `${FIELD_LABELS[field] ?? field}: ${show(c?.from)} → ${show(c?.to)}`))
    .join("; ");
}
