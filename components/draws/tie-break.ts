/** The tie-break rule in words, for a client at exactly the cut-off. Pure: no framework. */
import { formatInstant } from "@/lib/dates/format-instant";
import type { TieBreakOutcome } from "@/lib/draws/eligibility";

export function tieBreakNote(
  client: { tieBreak: TieBreakOutcome; profileSubmittedAt: string | null },
  draw: { tieBreakAt: string | null },
  timeZone: string,
): string | null {
  const at = (iso: string) => formatInstant(iso, timeZone, { seconds: true });
  switch (client.tieBreak) {
    case "before":
      return `Submitted ${at(client.profileSubmittedAt!)}, before the tie-break time ${at(draw.tieBreakAt!)} → invited`;
    case "after":
      return `Submitted ${at(client.profileSubmittedAt!)}, after the tie-break time ${at(draw.tieBreakAt!)} → not invited`;
    case "no_tie_break_time":
      return "At the cut-off; IRCC published no tie-break time for this round, so everyone at the cut-off was invited";
    default:
      return null;
  }
}
