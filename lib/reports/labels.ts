/** Words used in the reports: short kind names for dense headers. Pure. */
import type { DrawKind } from "@/lib/draws/kinds";

/** Draw kinds in a few letters, as the roster shows them ("+12 vs CEC #375"). */
export const DRAW_KIND_SHORT: Record<DrawKind, string> = {
  general: "General",
  cec: "CEC",
  pnp: "PNP",
  fsw: "FSW",
  fst: "FST",
  french: "French",
  healthcare: "Healthcare",
  stem: "STEM",
  trades: "Trades",
  transport: "Transport",
  agriculture: "Agriculture",
  education: "Education",
  physicians: "Physicians",
  senior_managers: "Senior managers",
  unrecognised: "Unrecognised",
};

const counts = new Intl.NumberFormat("en-CA");

export function formatCount(n: number): string {
  return counts.format(n);
}

/** "+12", "−3", "0": a margin against a cut-off, with a true minus sign. */
export function formatMargin(margin: number): string {
  return margin > 0 ? `+${margin}` : margin < 0 ? `−${-margin}` : "0";
}

/** Whole days from `from` to `to` (both YYYY-MM-DD) by UTC arithmetic: cheap enough for 100,000 rows. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A file name part from free text: letters, digits and dashes only. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .toLowerCase()
      .slice(0, 60) || "export"
  );
}
