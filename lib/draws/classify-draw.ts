/**
 * Turns IRCC's free-text drawName and drawText2 into DrawDesk's vocabulary (kinds.ts).
 */
import { PROGRAMS, type DrawKind, type Program } from "./kinds";

export interface DrawClassification {
  kind: DrawKind;
  /** "2026-Version 3", "Version 1", or null when the name carries none. */
  categoryVersion: string | null;
}

/**
 * Names are matched whole (after the version is cut off), not by keyword: when IRCC adds a
 * category that shares a word with an old one ("Trades occupations for French speakers"), it must
 * come out unrecognised for an admin to map, not be lumped silently into the old kind.
 */
const KIND_PATTERNS: ReadonlyArray<readonly [DrawKind, RegExp]> = [
  ["general", /^(no program specified|general)$/],
  ["cec", /^canadian experience class$/],
  ["pnp", /^provincial nominee program$/],
  ["fsw", /^federal skilled worker( program)?$/],
  ["fst", /^federal skilled trades?( program)?$/],
  ["french", /^french (language )?proficiency$/],
  ["healthcare", /^health ?care( and social services?)?( occupations)?$/],
  ["stem", /^(stem|science technology engineering and math(ematics)?)( occupations)?$/],
  ["trades", /^trades?( occupations)?$/],
  ["transport", /^transport(ation)?( occupations)?$/],
  ["agriculture", /^agricultur(e|al) and agri ?food( occupations)?$/],
  ["education", /^education( occupations)?$/],
  ["physicians", /^physicians with canadian work experience$/],
  ["senior_managers", /^senior managers with canadian work experience$/],
];

/**
 * IRCC has written the version three ways: "(Version 1)" (2023–2025), "(2024-Version 1)", and
 * since 2026 "…, 2026-Version 3" or "… 2026-Version 2" with no comma.
 */
const VERSION = /[\s,]*\(?\s*(?:(\d{4})\s*[-–—]?\s*)?version\s*(\d+)\s*\)?\s*$/i;

function comparable(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[-–—_/]/g, " ")
    .replace(/[.,()'’:]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A name as the rules compare it: version cut off, case, "&" and punctuation ignored. Mappings are
 * keyed by it, so "Skilled Military Recruits, 2026-Version 2" follows the mapping an administrator
 * made for "Skilled Military Recruits (2026-Version 1)".
 */
export function drawNameKey(name: string): string {
  const version = VERSION.exec(name);
  return comparable(version ? name.slice(0, version.index) : name);
}

/** The built-in rules' kind for a name, without mappings; "unrecognised" when none matches. */
function builtInKind(key: string): DrawKind {
  const match = KIND_PATTERNS.find(([, pattern]) => pattern.test(key));
  return match ? match[0] : "unrecognised";
}

/** True when the built-in rules recognise the name, so no mapping may override them. */
export function isRecognisedDrawName(name: string): boolean {
  return builtInKind(drawNameKey(name)) !== "unrecognised";
}

/**
 * Name → kind. `mappings` (name key → kind, from the DrawKindMapping table) apply only where the
 * built-in rules find nothing: an administrator fixes unknown names, never re-labels known ones.
 * A mapped kind may be a category an administrator created, outside DRAW_KINDS; it is carried in
 * the same field and labelled from the CategoryKind table.
 */
export function classifyDrawName(name: string, mappings?: ReadonlyMap<string, string>): DrawClassification {
  const version = VERSION.exec(name);
  const categoryVersion = version
    ? version[1]
      ? `${version[1]}-Version ${Number(version[2])}`
      : `Version ${Number(version[2])}`
    : null;
  const key = drawNameKey(name);
  const kind = builtInKind(key);
  if (kind === "unrecognised" && mappings?.has(key)) return { kind: mappings.get(key) as DrawKind, categoryVersion };
  return { kind, categoryVersion };
}

/** Rounds as parsed (mapping-free), with the administrators' mappings applied to unrecognised names. */
export function applyDrawKindMappings<R extends { name: string; kind: DrawKind }>(rounds: readonly R[], mappings: ReadonlyMap<string, string>): R[] {
  if (mappings.size === 0) return [...rounds];
  return rounds.map((round) => (round.kind === "unrecognised" ? { ...round, kind: classifyDrawName(round.name, mappings).kind } : round));
}

const PROGRAM_NAMES: ReadonlyArray<readonly [Program, RegExp]> = [
  ["FSW", /federal skilled worker|\bfsw\b/],
  ["CEC", /canadian experience class|\bcec\b/],
  ["FST", /federal skilled trades?|\bfst\b/],
];
const PNP_NAME = /provincial nominee|\bpnp\b/;

/**
 * What each kind covers when drawText2 says nothing usable. A nominee is also a candidate of one
 * of the three federal programs (the nomination only adds points), so PNP draws cover all three;
 * general and category draws are open to all three too; a new, unrecognised kind is treated as
 * open to all until an admin maps it, so its clients are not hidden.
 */
const KIND_PROGRAMS: Record<DrawKind, readonly Program[]> = {
  general: PROGRAMS,
  cec: ["CEC"],
  pnp: PROGRAMS,
  fsw: ["FSW"],
  fst: ["FST"],
  french: PROGRAMS,
  healthcare: PROGRAMS,
  stem: PROGRAMS,
  trades: PROGRAMS,
  transport: PROGRAMS,
  agriculture: PROGRAMS,
  education: PROGRAMS,
  physicians: PROGRAMS,
  senior_managers: PROGRAMS,
  unrecognised: PROGRAMS,
};

/**
 * The programs a round covered, from drawText2 ("Federal Skilled Worker Program, Canadian
 * Experience Class and Federal Skilled Trades Program"). "Provincial Nominee Program" stands for
 * all three (see KIND_PROGRAMS). Missing text falls back to the kind; text that names no program
 * also falls back, with a warning.
 */
export function parseDrawPrograms(
  text: string | null | undefined,
  kind: DrawKind,
): { programs: Program[]; warning?: string } {
  // A category an administrator created is open to all three programs, like the built-in ones.
  const fallback = [...(KIND_PROGRAMS[kind] ?? PROGRAMS)];
  if (text == null || text.trim() === "") return { programs: fallback };
  const lower = comparable(text);
  if (PNP_NAME.test(lower)) return { programs: [...PROGRAMS] };
  const named = PROGRAM_NAMES.filter(([, pattern]) => pattern.test(lower)).map(([p]) => p);
  if (named.length === 0) {
    return { programs: fallback, warning: `names no program; used what the kind implies` };
  }
  return { programs: PROGRAMS.filter((p) => named.includes(p)) };
}
