import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { ForbiddenError, InvalidInputError } from "@/lib/errors";
import { getFirmLogo, getFirmSettings, updateFirmSettings } from "./settings";
import { prisma } from "../prisma";
import { createTestFirm, type TestFirm } from "../testing/fixtures";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const form = { timeZone: "America/Vancouver", nearMissMargin: "12", documentBufferMonths: "3", followedDrawKinds: ["cec"], pdfFirmName: "Maple Immigration" };

let firm: TestFirm;
beforeAll(async () => {
  firm = await createTestFirm({ label: "settings" });
});

describe("firm settings", () => {
  it("saves every field and the logo, and audits what changed", async () => {
    const saved = await updateFirmSettings(firm.user("owner").scope, form, PNG);
    expect(saved).toMatchObject({ timeZone: "America/Vancouver", nearMissMargin: 12, documentBufferMonths: 3, followedDrawKinds: ["cec"], pdfFirmName: "Maple Immigration", hasLogo: true, logoType: "image/png" });
    expect((await getFirmLogo(firm.user("viewer").scope))?.bytes).toEqual(PNG);
    const [entry] = await prisma().auditLog.findMany({ where: { firmId: firm.id, action: "firm.settings.update" } });
    expect(entry.changes).toMatchObject({ timeZone: { from: "America/Toronto", to: "America/Vancouver" }, documentBufferMonths: { from: 6, to: 3 }, logo: { from: "none" } });
  });

  it("refuses a logo that is not PNG/JPEG by its bytes, naming the field, and writes nothing", async () => {
    const svg = new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>");
    const attempt = updateFirmSettings(firm.user("owner").scope, { ...form, nearMissMargin: "40" }, svg);
    await expect(attempt).rejects.toThrow(InvalidInputError);
    await expect(attempt).rejects.toMatchObject({ issues: [{ path: "logo" }] });
    expect((await getFirmSettings(firm.user("owner").scope)).nearMissMargin).toBe(12);
  });

  it("refuses an unknown time zone with the field named", async () => {
    const attempt = updateFirmSettings(firm.user("admin").scope, { ...form, timeZone: "Mars/Olympus" });
    await expect(attempt).rejects.toThrow(ZodError);
    await expect(attempt).rejects.toMatchObject({ issues: [{ path: ["timeZone"] }] });
  });

  it("lets only owners and admins change them", async () => {
    await expect(updateFirmSettings(firm.user("consultant").scope, form)).rejects.toThrow(ForbiddenError);
  });

  it("removes the logo on request", async () => {
    expect((await updateFirmSettings(firm.user("admin").scope, { ...form, removeLogo: "on" })).hasLogo).toBe(false);
    expect(await getFirmLogo(firm.user("admin").scope)).toBeNull();
  });
});
