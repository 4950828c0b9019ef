import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { checkTotp, looksLikeTotp, newTotpSecret, TOTP_PERIOD_SECONDS, totpUri } from "./totp";

const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const at = new Date("2026-12-04T10:00:10Z");
const epoch = at.getTime() / 1000;
const step = Math.floor(epoch / TOTP_PERIOD_SECONDS);
const codeAt = (seconds: number) => generate({ secret, epoch: Math.floor(seconds) });

describe("TOTP", () => {
  it("accepts the current code and reports its time step", async () => {
    expect(await checkTotp(secret, await codeAt(epoch), at, null)).toEqual({ valid: true, timeStep: step });
  });

  it("accepts the code of one step before or after (clock drift), not two", async () => {
    expect(await checkTotp(secret, await codeAt(epoch - 30), at, null)).toEqual({ valid: true, timeStep: step - 1 });
    expect(await checkTotp(secret, await codeAt(epoch + 30), at, null)).toEqual({ valid: true, timeStep: step + 1 });
    expect(await checkTotp(secret, await codeAt(epoch - 90), at, null)).toEqual({ valid: false, reason: "invalid" });
  });

  it.each([
    ["the same code again", 0, step, "replayed"],
    ["an older step than the last accepted", -30, step, "replayed"],
  ] as const)("refuses %s inside its window", async (_name, offset, last, reason) => {
    expect(await checkTotp(secret, await codeAt(epoch + offset), at, last)).toEqual({ valid: false, reason });
  });

  it("accepts a later step than the last accepted one", async () => {
    expect(await checkTotp(secret, await codeAt(epoch + 30), at, step)).toEqual({ valid: true, timeStep: step + 1 });
  });

  it.each(["", "12345", "1234567", "abcdef", "12 34 5x"])("refuses the malformed code %j without throwing", async (code) => {
    expect(await checkTotp(secret, code, at, null)).toEqual({ valid: false, reason: "invalid" });
  });

  it("ignores spaces inside a code as authenticator apps show it", async () => {
    const code = await codeAt(epoch);
    expect(await checkTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, at, null)).toMatchObject({ valid: true });
    expect(looksLikeTotp(`${code.slice(0, 3)} ${code.slice(3)}`)).toBe(true);
    expect(looksLikeTotp("abcde-fghjk")).toBe(false);
  });

  it("makes distinct base32 secrets and an otpauth address naming the issuer and account", () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
    const uri = new URL(totpUri(a, "ana@firm.example"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(a);
    expect(uri.searchParams.get("issuer")).toBe("DrawDesk");
    expect(decodeURIComponent(uri.pathname)).toContain("ana@firm.example");
  });
});
