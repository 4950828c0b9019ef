/**
 * Which draw kinds a client can be eligible for, judged from the client record alone (programs,
 * nomination, categories): the roster's "latest relevant cut-off" and its above/below filter.
 * Pool membership, expiry and the score as of a draw are eligibility.ts's business, not this one's.
 * Pure: the SQL in lib/db/clients/roster.ts is generated from KIND_REQUIREMENTS, so both agree.
 */
import { CATEGORY_KINDS, type CategoryKind, DRAW_KINDS, type DrawKind, type Program } from "@/lib/draws/kinds";

/** Every draw kind a client can match; "unrecognised" never does until an admin maps it. */
export type RelevantKind = Exclude<DrawKind, "unrecognised">;
export const RELEVANT_KINDS = DRAW_KINDS.filter((k): k is RelevantKind => k !== "unrecognised");

export type KindRequirement =
  | { needs: "nothing" }
  | { needs: "program"; program: Program }
  | { needs: "nomination" }
  | { needs: "category"; category: CategoryKind };

/**
 * What a client needs for a kind to be relevant. General draws cover every program, so they are
 * relevant to every client; a PNP draw needs a nomination; a category draw needs the category.
 */
export const KIND_REQUIREMENTS: Record<RelevantKind, KindRequirement> = {
  general: { needs: "nothing" },
  cec: { needs: "program", program: "CEC" },
  pnp: { needs: "nomination" },
  fsw: { needs: "program", program: "FSW" },
  fst: { needs: "program", program: "FST" },
  ...(Object.fromEntries(CATEGORY_KINDS.map((category) => [category, { needs: "category", category }])) as Record<CategoryKind, KindRequirement>),
};

export interface KindFacts {
  programs: readonly string[];
  nominationProvince: string | null;
  categories: readonly string[];
}

export function meetsRequirement(client: KindFacts, requirement: KindRequirement): boolean {
  switch (requirement.needs) {
    case "nothing":
      return true;
    case "program":
      return client.programs.includes(requirement.program);
    case "nomination":
      return client.nominationProvince != null && client.nominationProvince.trim() !== "";
    case "category":
      return client.categories.includes(requirement.category);
  }
}

/** The kinds this client can be eligible for, in DRAW_KINDS order ("general" always first). */
export function relevantKinds(client: KindFacts): RelevantKind[] {
  return RELEVANT_KINDS.filter((kind) => meetsRequirement(client, KIND_REQUIREMENTS[kind]));
}

export function isRelevantKind(client: KindFacts, kind: string): boolean {
  return kind !== "unrecognised" && (RELEVANT_KINDS as readonly string[]).includes(kind) && meetsRequirement(client, KIND_REQUIREMENTS[kind as RelevantKind]);
}

/**
 * The latest relevant draw: the first of `latestNewestFirst` (the newest draw of each kind,
 * newest first) whose kind is relevant to the client; null when none is.
 */
export function latestRelevantDraw<D extends { kind: string }>(client: KindFacts, latestNewestFirst: readonly D[]): D | null {
  return latestNewestFirst.find((draw) => isRelevantKind(client, draw.kind)) ?? null;
}

/** crs − the draw's cut-off; null without a score or a draw. */
export function marginTo(crs: number | null, draw: { cutoff: number } | null): number | null {
  return draw && crs != null ? crs - draw.cutoff : null;
}

/**
 * crs − the latest relevant cut-off, with the draw it was measured against; nulls when unknown.
 * `relevant` is the client's relevantKinds when the caller has it already (the exports, per row).
 */
export function marginAgainstLatest<D extends { kind: string; cutoff: number }>(
  client: KindFacts & { crs: number | null },
  latestNewestFirst: readonly D[],
  relevant?: readonly string[],
): { margin: number | null; draw: D | null } {
  const draw = relevant ? (latestNewestFirst.find((d) => relevant.includes(d.kind)) ?? null) : latestRelevantDraw(client, latestNewestFirst);
  return { margin: marginTo(client.crs, draw), draw };
}
