/**
 * Draw kinds and programs: the shared vocabulary of draws, clients and eligibility.
 * Pure data, no framework imports.
 */

export const PROGRAMS = ["FSW", "CEC", "FST"] as const;
export type Program = (typeof PROGRAMS)[number];

/** Category-based draw kinds: a client must hold the category to be eligible. */
export const CATEGORY_KINDS = [
  "french",
  "healthcare",
  "stem",
  "trades",
  "transport",
  "agriculture",
  "education",
  "physicians",
  "senior_managers",
] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

/** Program-based draw kinds. */
export const PROGRAM_KINDS = ["general", "cec", "pnp", "fsw", "fst"] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

export const DRAW_KINDS = [...PROGRAM_KINDS, ...CATEGORY_KINDS, "unrecognised"] as const;
export type DrawKind = (typeof DRAW_KINDS)[number];

export const DRAW_KIND_LABELS: Record<DrawKind, string> = {
  general: "General",
  cec: "Canadian Experience Class",
  pnp: "Provincial Nominee Program",
  fsw: "Federal Skilled Worker",
  fst: "Federal Skilled Trades",
  french: "French-language proficiency",
  healthcare: "Healthcare and social services",
  stem: "STEM",
  trades: "Trades",
  transport: "Transport",
  agriculture: "Agriculture and agri-food",
  education: "Education",
  physicians: "Physicians with Canadian work experience",
  senior_managers: "Senior managers with Canadian work experience",
  unrecognised: "Unrecognised",
};

export function isCategoryKind(kind: string): kind is CategoryKind {
  return (CATEGORY_KINDS as readonly string[]).includes(kind);
}
