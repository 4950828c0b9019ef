import { describe, expect, it } from "vitest";
import { newRecoveryCodes, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";

describe("recovery codes", () => {
  it("makes ten distinct codes of two groups of five unambiguous characters", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-hj-km-np-z2-9]{5}-[a-hj-km-np-z2-9]{5}$/);
    expect(newRecoveryCodes()).not.toEqual(codes);
  });

  it.each([
    ["abcde-fghjk", "abcde-fghjk"],
    ["ABCDE-FGHJK", "abcde-fghjk"],
    [" abcde fghjk ", "abcde-fghjk"],
    ["abcdefghjk", "abcde-fghjk"],
  ])("reads %j as %j", (input, stored) => {
    expect(normaliseRecoveryCode(input)).toBe(stored);
  });

  it.each(["", "abcde-fghj", "abcde-fghjkm", "abcde-fghj1", "123456", "abcde_fghjk"])("refuses %j", (input) => {
    expect(normaliseRecoveryCode(input)).toBeNull();
  });
});
