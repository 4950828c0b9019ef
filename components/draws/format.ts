/** Words and numbers shared by the draw screens and the dashboard. Pure: no framework. */
import { DRAW_KIND_LABELS, type DrawKind } from "@/lib/draws/kinds";
import { INELIGIBLE_REASON_LABELS, type IneligibleReason } from "@/lib/draws/eligibility";

const counts = new Intl.NumberFormat("en-CA");

export function formatCount(n: number): string {
  return counts.format(n);
}

/** "+12", "−3", "0": a margin against a cut-off (the true minus sign reads better in figures). */
export function formatMargin(margin: number): string {
  return margin > 0 ? `+${margin}` : margin < 0 ? `−${-margin}` : "0";
}

/** "Canadian Experience Class", "Trades (2026-Version 3)"; a category an administrator created by its own label. */
export function drawKindLabel(draw: { kind: DrawKind; categoryVersion?: string | null; kindLabel?: string | null }): string {
  const label = draw.kindLabel ?? DRAW_KIND_LABELS[draw.kind] ?? draw.kind;
  return draw.categoryVersion ? `${label} (${draw.categoryVersion})` : label;
}

export function reasonsText(reasons: readonly IneligibleReason[]): string {
  return reasons.map((r) => INELIGIBLE_REASON_LABELS[r] ?? r).join("; ");
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
