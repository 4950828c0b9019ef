/**
 * Parses IRCC's rounds feed (ee_rounds_123_en.json) into NormalisedRounds.
 *
 * Two kinds of trouble, kept apart on purpose:
 * - the file is not the feed (not an object, no rounds, a round without number/date/size/cut-off):
 *   FeedFormatError, and nothing is returned, so a broken download never half-imports;
 * - a round is the feed but one of its hand-typed extras cannot be read (a timestamp, the
 *   distribution date): the value is kept as missing and a RoundWarning names the round.
 */
import { differenceInCalendarDays, parseISO } from "date-fns";
import { classifyDrawName, parseDrawPrograms } from "./classify-draw";
import { DISTRIBUTION_KEYS, buildDistribution, checkDistribution } from "./distribution";
import { parseIrccDate, parseIrccTimestamp } from "./parse-timestamp";
import {
  CRS_MAX,
  normalisedRoundSchema,
  type NormalisedRound,
  type RoundField,
  type RoundWarning,
} from "./round";

export class FeedFormatError extends Error {
  override readonly name = "FeedFormatError";
  constructor(
    message: string,
    /** 1-based position in the rounds array, and the drawNumber when known. */
    readonly where: { position?: number; number?: string; field?: string } = {},
  ) {
    super(message);
  }
}

export interface ParsedRounds {
  /** In feed order (IRCC: newest first). */
  rounds: NormalisedRound[];
  warnings: RoundWarning[];
}

export function parseRounds(json: unknown): ParsedRounds {
  const list = roundsArray(json);
  const rounds: NormalisedRound[] = [];
  const warnings: RoundWarning[] = [];
  const seen = new Map<string, number>();
  list.forEach((raw, i) => {
    const round = parseRound(raw, i + 1, warnings);
    const earlier = seen.get(round.number);
    if (earlier !== undefined) {
      // Rounds are keyed by number when imported; two of them would make the import ambiguous.
      throw new FeedFormatError(
        `round ${i + 1} (drawNumber "${round.number}"): same drawNumber as round ${earlier}`,
        { position: i + 1, number: round.number, field: "drawNumber" },
      );
    }
    seen.set(round.number, i + 1);
    rounds.push(round);
  });
  return { rounds, warnings };
}

function roundsArray(json: unknown): unknown[] {
  // The feed is { classes, rounds: [...] }; a bare array is what people save after trimming it.
  if (Array.isArray(json)) return nonEmpty(json);
  if (!isRecord(json)) {
    throw new FeedFormatError(`not IRCC's rounds feed: the file holds ${describe(json)}, not an object`);
  }
  const list = json.rounds;
  if (!Array.isArray(list)) {
    throw new FeedFormatError(
      `not IRCC's rounds feed: "rounds" is ${list === undefined ? "missing" : describe(list)}, not a list`,
    );
  }
  return nonEmpty(list);
}

/** An empty feed is a broken download, not "IRCC has no rounds": say so instead of importing nothing. */
function nonEmpty(list: unknown[]): unknown[] {
  if (list.length === 0) throw new FeedFormatError(`not IRCC's rounds feed: "rounds" is empty`);
  return list;
}

/** Parses the round at `position` (1-based); pushes its warnings. */
function parseRound(raw: unknown, position: number, warnings: RoundWarning[]): NormalisedRound {
  // Filled in once the draw number is read, so later errors can name it.
  const known: { number?: string } = {};
  const fail = (field: string, problem: string): never => {
    const { number } = known;
    const label =
      number === undefined ? `round ${position}` : `round ${position} (drawNumber "${number}")`;
    throw new FeedFormatError(`${label}: ${field} ${problem}`, { position, number, field });
  };
  if (!isRecord(raw)) return fail("entry", `is ${describe(raw)}, not an object`);
  const text = (field: string) => readText(raw, field, fail);

  const drawNumber = text("drawNumber")?.trim();
  if (!drawNumber) return fail("drawNumber", "is missing");
  // Every message names the round by its number: a damaged 10 MB "number" must not be repeated in each.
  if (drawNumber.length > 20) return fail("drawNumber", `is "${clip(drawNumber, 20)}", not a draw number`);
  known.number = drawNumber;
  const warn = (field: RoundField, message: string) =>
    warnings.push({ number: drawNumber, field, message: `round ${drawNumber}: ${message}` });

  const dateText = text("drawDate");
  if (!dateText?.trim()) return fail("drawDate", "is missing");
  const { date, warning: dateProblem } = parseIrccDate(dateText);
  if (!date) return fail("drawDate", `is "${clip(dateText)}", not a date (${dateProblem})`);

  const size = readCount(raw, "drawSize", fail);
  if (size < 1) fail("drawSize", `is ${size}; a round invites at least one candidate`);
  const cutoff = readCount(raw, "drawCRS", fail);
  if (cutoff > CRS_MAX) fail("drawCRS", `is ${cutoff}, above the CRS maximum of ${CRS_MAX}`);

  const timestamp = (field: "drawDateTime" | "drawCutOff") => {
    const value = text(field);
    const { iso, warning } = parseIrccTimestamp(value, date);
    if (warning) {
      const outcome = iso ? `read as ${iso}: ${warning}` : `could not be read (${warning}); kept as missing`;
      warn(field, `${field} "${clip(value)}" ${outcome}`);
    }
    return iso;
  };
  const drawnAt = timestamp("drawDateTime");
  // Rounds 1–76 (2015–2017) had no tie-break: an empty drawCutOff is null, without a warning.
  const tieBreakAt = timestamp("drawCutOff");
  // A day apart is normal (Ottawa's date, UTC time); more is a typo, as in round 357
  // ("July 12" for a July 22 draw). Kept as read, since which part is wrong cannot be known.
  const daysOff = drawnAt ? differenceInCalendarDays(parseISO(drawnAt.slice(0, 10)), parseISO(date)) : 0;
  if (Math.abs(daysOff) > 1) {
    warn("drawDateTime", `draw time ${drawnAt} is not on the draw date ${date}; kept as read, check it`);
  }
  // Both are "YYYY-MM-DDTHH:mm:ssZ", so text order is time order.
  if (drawnAt && tieBreakAt && tieBreakAt > drawnAt) {
    warn("drawCutOff", `tie-break ${tieBreakAt} is after the draw ${drawnAt}`);
  }

  const name = text("drawName") ?? "";
  const { kind, categoryVersion } = classifyDrawName(name);
  if (kind === "unrecognised") {
    warn("drawName", `drawName "${clip(name)}" is not a known kind; an admin can map it`);
  }
  const programText = text("drawText2");
  const { programs, warning: programProblem } = parseDrawPrograms(programText, kind);
  if (programProblem) warn("drawText2", `drawText2 "${clip(programText)}" ${programProblem}`);

  const counts = DISTRIBUTION_KEYS.map((key) => readOptionalCount(raw, key, warn));
  const { buckets: distribution, published } = buildDistribution(counts);
  let distributionAsOf: string | null = null;
  if (published) {
    for (const problem of checkDistribution(distribution)) warn("distribution", problem);
    const asOn = text("drawDistributionAsOn");
    const parsed = parseIrccDate(asOn, date);
    if (parsed.warning) {
      const message = `could not be read (${parsed.warning}); kept as missing`;
      warn("drawDistributionAsOn", `drawDistributionAsOn "${clip(asOn)}" ${message}`);
    }
    distributionAsOf = parsed.date;
  }

  const round = {
    number: drawNumber, date, drawnAt, tieBreakAt, size, cutoff, name, kind, categoryVersion, programs,
    distributionAsOf, distribution,
  };
  // The schema is the contract with the database layer; a failure here is a parser bug or a
  // shape no check above foresaw, and still must not slip through.
  const checked = normalisedRoundSchema.safeParse(round);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return fail(issue.path.join("."), `is invalid: ${issue.message}`);
  }
  return checked.data;
}

/**
 * IRCC writes counts as text with thousands separators ("4,500", "238,847"). Accepts a JSON
 * number too, and a space as separator; groups must be of three digits so a typo such as
 * "4,50" is refused rather than read as 450.
 */
export function parseIrccInteger(value: unknown): number | null {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value !== "string") return null;
  const text = value.normalize("NFKC").trim();
  if (!/^\d{1,3}([, ]\d{3})+$|^\d+$/.test(text)) return null;
  const n = Number(text.replace(/[, ]/g, ""));
  return Number.isSafeInteger(n) ? n : null;
}

type Fail = (field: string, problem: string) => never;

function readText(raw: Record<string, unknown>, field: string, fail: Fail): string | undefined {
  const value = raw[field];
  if (value == null) return undefined;
  if (typeof value === "string") {
    // PostgreSQL cannot store a NUL in text; a feed holding one is corrupt, not a typo to warn about.
    if (value.includes("\u0000")) return fail(field, "holds a NUL character (a zero byte); the file is damaged");
    return value;
  }
  if (typeof value === "number") return String(value);
  return fail(field, `is ${describe(value)}, not text`);
}

/** A feed value as quoted in a message: a 10 MB field must not become a 10 MB warning. */
function clip(value: string | undefined, max = 80): string | undefined {
  return value !== undefined && value.length > max ? `${value.slice(0, max)}…` : value;
}

function readCount(raw: Record<string, unknown>, field: string, fail: Fail): number {
  const value = raw[field];
  if (value == null || value === "") return fail(field, "is missing");
  const n = parseIrccInteger(value);
  return n ?? fail(field, `is ${clip(JSON.stringify(value))}, not a number`);
}

/** A distribution count that cannot be read is kept as missing: it must not cost the round its cut-off. */
function readOptionalCount(
  raw: Record<string, unknown>,
  field: string,
  warn: (field: RoundField, message: string) => void,
): number | null {
  const value = raw[field];
  if (value == null || value === "") return null;
  const n = parseIrccInteger(value);
  if (n === null) warn("distribution", `${field} is ${clip(JSON.stringify(value))}, not a number; kept as missing`);
  return n;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") {
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  }
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
