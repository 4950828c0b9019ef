/** A client's score history for the page: oldest first, and the sentence that sums it up beside the chart. */
import { formatInstant } from "@/lib/dates";

interface Score {
  effectiveAt: string;
  crs: number;
}

export function scoresOldestFirst<T extends Score>(history: readonly T[]): T[] {
  return [...history].sort((a, b) => Date.parse(a.effectiveAt) - Date.parse(b.effectiveAt));
}

export function scoreHistorySummary(ordered: readonly Score[], timeZone: string): string {
  const at = (iso: string) => formatInstant(iso, timeZone, { seconds: false });
  return ordered.length === 0
    ? "No CRS recorded yet."
    : `CRS ${ordered[0].crs} from ${at(ordered[0].effectiveAt)}${ordered.length > 1 ? `, now ${ordered[ordered.length - 1].crs} since ${at(ordered[ordered.length - 1].effectiveAt)}` : ""}; ${ordered.length} score${ordered.length === 1 ? "" : "s"} recorded.`;
}
