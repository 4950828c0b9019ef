import { Badge, type Tone } from "@/components/ui";
import { DEADLINE_BAND_LABELS, DEADLINE_KIND_LABELS, type DeadlineBand, type DeadlineKind } from "@/lib/deadlines";
import { DEADLINE_KIND_SHORT } from "./labels";

export const BAND_TONES: Record<DeadlineBand, Tone> = {
  overdue: "danger",
  "7": "danger",
  "30": "warning",
  "60": "info",
  "90": "neutral",
};

export interface BadgeDeadline {
  kind: DeadlineKind;
  dueOn: string;
  daysLeft: number;
  /** Null beyond 90 days: not shown as a badge. */
  band: DeadlineBand | null;
}

/** "overdue 3 d", "due today", "in 12 d": the words carry the urgency, the colour repeats it. */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft < 0) return `overdue ${-daysLeft} d`;
  if (daysLeft === 0) return "due today";
  return `in ${daysLeft} d`;
}

/** One deadline as a badge: "Passport in 12 d", its full name and date in the tooltip. */
export function DeadlineBadge({ deadline, withKind = true }: { deadline: BadgeDeadline & { band: DeadlineBand }; withKind?: boolean }) {
  const d = deadline;
  const when = daysLeftText(d.daysLeft);
  return (
    <Badge tone={BAND_TONES[d.band]} title={`${DEADLINE_KIND_LABELS[d.kind]}: last valid day ${d.dueOn} (${DEADLINE_BAND_LABELS[d.band].toLowerCase()})`}>
      {withKind ? `${DEADLINE_KIND_SHORT[d.kind]} ${when}` : when.charAt(0).toUpperCase() + when.slice(1)}
    </Badge>
  );
}

/**
 * Badges for the deadlines within 90 days (or overdue), most urgent first. Deadlines further
 * away are left out: the roster shows what needs attention, the client page shows every date.
 */
export function DeadlineBadges({ deadlines, max }: { deadlines: readonly BadgeDeadline[]; max?: number }) {
  const due = deadlines.filter((d): d is BadgeDeadline & { band: DeadlineBand } => d.band !== null);
  if (due.length === 0) return <span className="muted">—</span>;
  const shown = max ? due.slice(0, max) : due;
  const hidden = due.length - shown.length;
  return (
    <span className="row" style={{ gap: 4 }}>
      {shown.map((d) => (
        <DeadlineBadge key={d.kind} deadline={d} />
      ))}
      {hidden > 0 && <span className="muted small">+{hidden} more</span>}
    </span>
  );
}
