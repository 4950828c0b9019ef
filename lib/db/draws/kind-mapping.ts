import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { drawNameKey, isRecognisedDrawName } from "@/lib/draws/classify-draw";
import type { DrawKindMappingInput } from "@/lib/draws/kind-mapping";
import { DRAW_KINDS } from "@/lib/draws/kinds";
import { ConflictError, ForbiddenError, InvalidInputError } from "@/lib/errors";
import { actorOf, recordAudit } from "../audit";
import { isPlatformAdmin } from "../users/platform-admins";
import { prisma, Prisma } from "../prisma";
import { markRoundsChanged } from "./results-store";

export interface DrawKindMappingResult {
  nameKey: string;
  kind: string;
  /** Set when the mapping created this category kind. */
  createdCategory: { code: string; label: string } | null;
  /** Stored rounds whose kind changed, in draw-number order. */
  reclassified: string[];
}

/** Who made the change: a signed-in platform administrator, or an operator at the command line. */
export type MappingActor = { via: "web"; scope: Scope; email: string } | { via: "cli"; operator: string };

/**
 * Maps an unrecognised draw name to a kind (creating a category kind first when asked), and
 * re-classifies every stored round of that name in the same transaction, with one UPDATE. The
 * change is written to the ledger's own history (DrawImport, like an import that updated those
 * rounds' kind) and, from the web, to the administrator's firm audit log too. It holds the
 * importer's lock, so an import running at the same moment sees the mapping before or after,
 * never half of it.
 */
export async function mapDrawKind(actor: MappingActor, input: DrawKindMappingInput): Promise<DrawKindMappingResult> {
  if (actor.via === "web" && !(await isPlatformAdmin(actor.scope.userId))) {
    throw new ForbiddenError("Only a platform administrator may change how draw names are classified.");
  }
  if (isRecognisedDrawName(input.name)) {
    throw new ConflictError(`"${input.name}" is already recognised by DrawDesk's own rules; only unrecognised names can be mapped.`);
  }
  const nameKey = drawNameKey(input.name);
  if (nameKey === "") throw new InvalidInputError("The draw name has no words to match.", [{ path: "name", message: "Give the draw name as IRCC wrote it." }]);
  const by = actor.via === "web" ? actor.email : `cli:${actor.operator}`;

  return prisma().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('drawdesk.draws.import'))`;
    let kind: string;
    let createdCategory: DrawKindMappingResult["createdCategory"] = null;
    if (input.target === "new") {
      if ((DRAW_KINDS as readonly string[]).includes(input.code) || (await tx.categoryKind.count({ where: { code: input.code } })) > 0) {
        throw new InvalidInputError(`The category code "${input.code}" is already in use.`, [{ path: "code", message: "Choose a code no kind uses yet." }]);
      }
      await tx.categoryKind.create({ data: { code: input.code, label: input.label, createdBy: by } });
      kind = input.code;
      createdCategory = { code: input.code, label: input.label };
    } else {
      kind = input.kind;
      const known = (DRAW_KINDS as readonly string[]).includes(kind) ? kind !== "unrecognised" : (await tx.categoryKind.count({ where: { code: kind } })) > 0;
      if (!known) throw new InvalidInputError(`Unknown kind "${kind}".`, [{ path: "kind", message: "Choose one of the kinds listed." }]);
    }

    const now = new Date();
    await tx.drawKindMapping.upsert({
      where: { nameKey },
      create: { nameKey, name: input.name, kind, mappedBy: by },
      update: { name: input.name, kind, mappedBy: by, updatedAt: now },
    });

    const candidates = await tx.draw.findMany({ where: { kind: { not: kind } }, select: { number: true, name: true, kind: true } });
    const changed = candidates.filter((d) => drawNameKey(d.name) === nameKey).sort((a, b) => a.number.localeCompare(b.number, "en", { numeric: true }));
    const numbers = changed.map((d) => d.number);
    if (numbers.length > 0) {
      await tx.$executeRaw`UPDATE "Draw" SET "kind" = ${kind}, "updatedAt" = ${now} WHERE "number" = ANY(${numbers}::text[])`;
      // Their stored draw results (and the next rounds' "newly above") are recomputed by the worker.
      await markRoundsChanged(tx, numbers, [...new Set(changed.map((d) => d.kind))]);
    }
    const change = { nameKey, name: input.name, kind, createdCategory, reclassified: numbers };
    await tx.drawImport.create({
      data: {
        source: `kind mapping: "${input.name}" → ${kind}`,
        importedBy: by,
        added: 0,
        updated: numbers.length,
        unchanged: 0,
        changes: { updated: changed.map((d) => ({ number: d.number, changes: { kind: { from: d.kind, to: kind } } })), mapping: change } as unknown as Prisma.InputJsonValue,
        warnings: [],
      },
    });
    if (actor.via === "web") {
      await recordAudit(actorOf(actor.scope, actor.email), { action: "draws.kind_mapped", entityType: "DrawKindMapping", entityId: nameKey, changes: change as unknown as Prisma.InputJsonValue }, tx);
    }
    return { nameKey, kind, createdCategory, reclassified: numbers };
  });
}
