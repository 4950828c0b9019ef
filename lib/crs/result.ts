/**
 * The calculator's output: section totals plus one line per factor, so the client page can show
 * the score line by line. Lines of a section always add up to that section's total: where a cap
 * bites, a negative "cap" line says so instead of silently shaving a factor.
 *
 * Lines are shared, frozen objects (one per factor and point value, made on first use): scoring
 * 100,000 clients then allocates two objects per client instead of thirty, which is what keeps a
 * roster-wide recompute well under a second (retaining millions of small objects is GC-bound).
 */

export type CrsSection = "core" | "spouse" | "transferability" | "additional";

export type CrsFactor =
  | "age"
  | "education"
  | "first_language_reading"
  | "first_language_writing"
  | "first_language_listening"
  | "first_language_speaking"
  | "second_language_reading"
  | "second_language_writing"
  | "second_language_listening"
  | "second_language_speaking"
  | "second_language_cap"
  | "canadian_work"
  | "spouse_education"
  | "spouse_language_reading"
  | "spouse_language_writing"
  | "spouse_language_listening"
  | "spouse_language_speaking"
  | "spouse_canadian_work"
  | "education_language"
  | "education_canadian_work"
  | "education_cap"
  | "foreign_work_language"
  | "foreign_work_canadian_work"
  | "foreign_work_cap"
  | "certificate_language"
  | "transferability_cap"
  | "sibling"
  | "french"
  | "canadian_education"
  | "provincial_nomination"
  | "additional_cap";

export interface CrsLine {
  readonly section: CrsSection;
  readonly factor: CrsFactor;
  readonly label: string;
  /** Points counted; negative only on cap lines. */
  readonly points: number;
  /** Most this factor can give under the applicable column; absent on cap lines. */
  readonly max?: number;
}

export interface CrsResult {
  total: number;
  core: number;
  spouse: number;
  transferability: number;
  additional: number;
  breakdown: CrsLine[];
}

/** One line of the breakdown minus its points, with the shared lines already made for it. */
export interface LineKind {
  readonly section: CrsSection;
  readonly factor: CrsFactor;
  readonly label: string;
  readonly max: number | undefined;
  readonly made: Map<number, CrsLine>;
}

export function lineKind(section: CrsSection, factor: CrsFactor, label: string, max?: number): LineKind {
  return { section, factor, label, max, made: new Map() };
}

/** The shared, frozen line for `kind` with `points`. */
export function line(kind: LineKind, points: number): CrsLine {
  let made = kind.made.get(points);
  if (made === undefined) {
    const { section, factor, label, max } = kind;
    // Cap lines carry no max key at all, so JSON shows none rather than a null.
    const fresh: CrsLine =
      max === undefined ? { section, factor, label, points } : { section, factor, label, points, max };
    made = Object.freeze(fresh);
    kind.made.set(points, made);
  }
  return made;
}

/** Adds a cap line (`capKind`) when `raw` exceeds `cap`; returns the capped value. */
export function applyCap(lines: CrsLine[], capKind: LineKind, raw: number, cap: number): number {
  if (raw <= cap) return raw;
  lines.push(line(capKind, cap - raw));
  return cap;
}
