import "server-only";
import { type Scope, can } from "@/lib/auth/scope";
import { type FirmSettingsInput, checkLogo, firmSettingsSchema } from "@/lib/firms/settings";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorOf, diffFields, recordAudit } from "../audit";
import { prisma } from "../prisma";
import { markFirmRoundsStale } from "../draws/results-store";

export interface FirmSettings {
  name: string;
  timeZone: string;
  nearMissMargin: number;
  documentBufferMonths: number;
  followedDrawKinds: string[];
  pdfFirmName: string | null;
  hasLogo: boolean;
  logoType: string | null;
  requireTwoFactor: boolean;
}

const SELECT = { name: true, timeZone: true, nearMissMargin: true, documentBufferMonths: true, followedDrawKinds: true, pdfFirmName: true, pdfLogoType: true, requireTwoFactor: true } as const;

/** Anyone in the firm may read these (the dashboard and PDFs use them); only owners and admins change them. */
export async function getFirmSettings(scope: Scope): Promise<FirmSettings> {
  const firm = await prisma().firm.findUnique({ where: { id: scope.firmId }, select: SELECT });
  if (!firm) throw new NotFoundError("Firm");
  const { pdfLogoType, ...rest } = firm;
  return { ...rest, hasLogo: pdfLogoType != null, logoType: pdfLogoType };
}

/** The firm's PDF logo, for the status PDF; null without one. */
export async function getFirmLogo(scope: Scope): Promise<{ bytes: Uint8Array; type: string } | null> {
  const firm = await prisma().firm.findUnique({ where: { id: scope.firmId }, select: { pdfLogo: true, pdfLogoType: true } });
  return firm?.pdfLogo && firm.pdfLogoType ? { bytes: firm.pdfLogo, type: firm.pdfLogoType } : null;
}

/**
 * Saves the settings and, when given, a new logo (checked by its bytes), with one audit entry
 * naming what changed. Nothing is written when any field or the logo is refused.
 */
export async function updateFirmSettings(scope: Scope, raw: unknown, logo?: Uint8Array | null): Promise<FirmSettings> {
  if (!can(scope, "firm.manage")) throw new ForbiddenError();
  const input: FirmSettingsInput = firmSettingsSchema.parse(raw);
  let logoData: { pdfLogo: Uint8Array<ArrayBuffer> | null; pdfLogoType: string | null } | undefined;
  if (logo && logo.length > 0) {
    const checked = checkLogo(logo);
    if (!checked.ok) throw new InvalidInputError(checked.message, [{ path: "logo", message: checked.message }]);
    logoData = { pdfLogo: new Uint8Array(logo), pdfLogoType: checked.type };
  } else if (input.removeLogo) {
    logoData = { pdfLogo: null, pdfLogoType: null };
  }
  return prisma().$transaction(async (tx) => {
    const before = await tx.firm.findUnique({ where: { id: scope.firmId }, select: { ...SELECT, pdfLogo: false } });
    if (!before) throw new NotFoundError("Firm");
    if (input.requireTwoFactor && !before.requireTwoFactor) await assertOwnTwoFactor(scope, tx);
    const { removeLogo: _r, ...fields } = input;
    const after = await tx.firm.update({ where: { id: scope.firmId }, data: { ...fields, ...(logoData ?? {}) }, select: SELECT });
    const changes: Record<string, unknown> = diffFields({ ...before, pdfLogoType: undefined }, { ...after, pdfLogoType: undefined });
    delete changes.pdfLogoType;
    if (logoData) changes.logo = { from: before.pdfLogoType ? "set" : "none", to: logoData.pdfLogoType ? `${logoData.pdfLogoType}, ${logo?.length ?? 0} bytes` : "none" };
    // Stored draw results hold the near misses at the firm's margin and profile expiry in its zone.
    if (before.nearMissMargin !== after.nearMissMargin || before.timeZone !== after.timeZone) await markFirmRoundsStale(tx, scope.firmId);
    if (Object.keys(changes).length > 0) {
      await recordAudit(actorOf(scope), { action: "firm.settings.update", entityType: "firm", entityId: scope.firmId, changes: JSON.parse(JSON.stringify(changes)) }, tx);
    }
    const { pdfLogoType, ...rest } = after;
    return { ...rest, hasLogo: pdfLogoType != null, logoType: pdfLogoType };
  });
}

/**
 * Requiring two-factor is turned on only by someone who already uses it: otherwise the person
 * saving would lock themselves out of everything but enrolment in the same click.
 */
async function assertOwnTwoFactor(scope: Scope, tx: Prisma.TransactionClient): Promise<void> {
  const me = await tx.user.findUnique({ where: { firmId_id: { firmId: scope.firmId, id: scope.userId } }, select: { totpEnabledAt: true } });
  if (me?.totpEnabledAt) return;
  const message = "Turn on two-factor sign-in for yourself first (Security page), then require it for the firm.";
  throw new InvalidInputError(message, [{ path: "requireTwoFactor", message }]);
}
