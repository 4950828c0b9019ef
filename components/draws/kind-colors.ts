import type { DrawKind } from "@/lib/draws/kinds";

/**
 * One colour per draw kind for the charts: mid-tones that read on the light and the dark surface
 * alike (3:1 or better against both). Colour is never the only cue: the legend, the tooltip and
 * the table beside each chart name the kind.
 */
export const KIND_COLORS: Record<DrawKind, string> = {
  general: "#6b7280",
  cec: "#2563eb",
  pnp: "#c2410c",
  fsw: "#7c3aed",
  fst: "#a16207",
  french: "#0891b2",
  healthcare: "#dc2626",
  stem: "#16a34a",
  trades: "#9333ea",
  transport: "#0d9488",
  agriculture: "#65a30d",
  education: "#db2777",
  physicians: "#e11d48",
  senior_managers: "#4f46e5",
  unrecognised: "#78716c",
};
