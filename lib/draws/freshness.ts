import { formatDistanceStrict } from "date-fns";

/**
 * How fresh the draw data is, in words for the dashboard: "Draw data synced 5 minutes ago", or
 * that it never was (no worker ran yet). Pure: the page passes the stored status and the clock.
 */
export function drawDataFreshness(lastSuccessAt: Date | null | undefined, now: Date): string {
  if (!lastSuccessAt) return "Draw data has not been synced from IRCC's feed yet.";
  if (now.getTime() - lastSuccessAt.getTime() < 60_000) return "Draw data synced less than a minute ago.";
  return `Draw data synced ${formatDistanceStrict(lastSuccessAt, now, { addSuffix: true })}.`;
}

/** The last error is news only when no sync succeeded since. */
export function syncFailingSince(status: { lastSuccessAt: Date | null; lastErrorAt: Date | null } | null): boolean {
  return Boolean(status?.lastErrorAt && (!status.lastSuccessAt || status.lastErrorAt > status.lastSuccessAt));
}
