import { describe, expect, it } from "vitest";
import { MAX_LOGO_BYTES, checkLogo, firmSettingsSchema } from "./settings";

const valid = { timeZone: "America/Vancouver", nearMissMargin: "15", documentBufferMonths: "6", followedDrawKinds: ["cec", "french"], pdfFirmName: " Maple Immigration " };

describe("firmSettingsSchema", () => {
  it("parses the form's strings", () => {
    expect(firmSettingsSchema.parse(valid)).toEqual({
      timeZone: "America/Vancouver",
      nearMissMargin: 15,
      documentBufferMonths: 6,
      followedDrawKinds: ["cec", "french"],
      pdfFirmName: "Maple Immigration",
      removeLogo: false,
      requireTwoFactor: false,
    });
  });

  it("reads the two-factor requirement from a ticked box; an unticked one sends nothing and means off", () => {
    expect(firmSettingsSchema.parse({ ...valid, requireTwoFactor: "on" }).requireTwoFactor).toBe(true);
    expect(firmSettingsSchema.parse(valid).requireTwoFactor).toBe(false);
  });

  it.each([
    ["timeZone", { timeZone: "Mars/Olympus" }],
    ["nearMissMargin", { nearMissMargin: "101" }],
    ["documentBufferMonths", { documentBufferMonths: "2.5" }],
    ["followedDrawKinds", { followedDrawKinds: ["lottery"] }],
    ["pdfFirmName", { pdfFirmName: "x".repeat(121) }],
  ])("names the field %s when it is wrong", (field, change) => {
    const result = firmSettingsSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path[0]).toBe(field);
  });

  it("reads a single followed kind and an empty firm name", () => {
    expect(firmSettingsSchema.parse({ ...valid, followedDrawKinds: "cec", pdfFirmName: "" })).toMatchObject({ followedDrawKinds: ["cec"], pdfFirmName: null });
  });
});

describe("checkLogo", () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  it("knows PNG and JPEG by their magic bytes", () => {
    expect(checkLogo(png)).toEqual({ ok: true, type: "image/png" });
    expect(checkLogo(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ ok: true, type: "image/jpeg" });
  });

  it("refuses other content whatever its name, an empty file and one over 512 KB", () => {
    expect(checkLogo(new TextEncoder().encode("<svg></svg>")).ok).toBe(false);
    expect(checkLogo(new Uint8Array()).ok).toBe(false);
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(png);
    expect(checkLogo(big)).toMatchObject({ ok: false, message: expect.stringContaining("512 KB") });
    const edge = new Uint8Array(MAX_LOGO_BYTES);
    edge.set(png);
    expect(checkLogo(edge).ok).toBe(true);
  });
});
