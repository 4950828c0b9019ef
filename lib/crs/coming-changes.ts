/**
 * Coming CRS changes for a client's dashboard: points lost (or gained, under 20) at the next
 * birthday, and points gained when the next full year of Canadian work completes.
 */
import { nextAnniversary } from "./age";
import { parseIsoDate } from "./iso-date";
import { calculateCrs } from "./calculate";
import type { CrsInput } from "./schema";

export type CrsChangeKind = "birthday" | "canadian_work_anniversary";

export interface CrsChange {
  kind: CrsChangeKind;
  /** YYYY-MM-DD, strictly after asOf. */
  date: string;
  /** Change caused by this event alone (negative = points lost). */
  pointsChange: number;
  /** Total after this event and every earlier event in the list. */
  newTotal: number;
}

export interface CrsChangeFacts {
  dateOfBirth: string | null;
  /** Start of the client's current, continuing Canadian work; null if not working in Canada. */
  canadianWorkStartedOn: string | null;
}

type Event = { kind: CrsChangeKind; date: string; apply: (input: CrsInput) => CrsInput };

/**
 * `input.age` and `input.canadianWorkYears` are taken as the values on `asOf` (derive age with
 * ageOn(dateOfBirth, asOf)); each event adds one year to them. Events are listed by date and
 * applied in turn, so a later entry's newTotal already includes the earlier ones. Events that
 * change nothing (e.g. a birthday at 45+, a sixth year of work) are left out.
 * Throws RangeError for a malformed date.
 */
export function comingCrsChanges(input: CrsInput, facts: CrsChangeFacts, asOf: string): CrsChange[] {
  parseIsoDate(asOf, "asOf"); // a bad asOf is an error even when there is no date to move
  const events: Event[] = [];
  if (facts.dateOfBirth) {
    const { date } = nextAnniversary(facts.dateOfBirth, asOf);
    events.push({ kind: "birthday", date, apply: (p) => ({ ...p, age: p.age + 1 }) });
  }
  if (facts.canadianWorkStartedOn) {
    const { date } = nextAnniversary(facts.canadianWorkStartedOn, asOf);
    events.push({
      kind: "canadian_work_anniversary",
      date,
      apply: (p) => ({ ...p, canadianWorkYears: p.canadianWorkYears + 1 }),
    });
  }
  // Stable sort: on the same day the birthday (pushed first) is listed first.
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const changes: CrsChange[] = [];
  let profile = input;
  let total = calculateCrs(input).total;
  for (const event of events) {
    profile = event.apply(profile);
    const newTotal = calculateCrs(profile).total;
    if (newTotal !== total) {
      changes.push({ kind: event.kind, date: event.date, pointsChange: newTotal - total, newTotal });
    }
    total = newTotal;
  }
  return changes;
}
