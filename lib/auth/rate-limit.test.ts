import { describe, expect, it } from "vitest";
import { accountKey, addressKey, decideRateLimit, SIGN_IN_RATE_LIMIT } from "./rate-limit";

const now = new Date("2026-11-25T12:00:00Z");

describe("sign-in rate limit", () => {
  it("allows attempts below both limits", () => {
    expect(decideRateLimit({ account: SIGN_IN_RATE_LIMIT.maxFailuresPerAccount - 1, address: 0, oldestFailureAt: now }, now)).toEqual({ allowed: true });
  });

  it("blocks an account at its limit until the oldest failure leaves the window", () => {
    const oldest = new Date(now.getTime() - 5 * 60_000);
    const decision = decideRateLimit({ account: SIGN_IN_RATE_LIMIT.maxFailuresPerAccount, address: 0, oldestFailureAt: oldest }, now);
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: (SIGN_IN_RATE_LIMIT.windowMinutes - 5) * 60 });
  });

  it("blocks a client address at its limit whatever the account", () => {
    const decision = decideRateLimit({ account: 0, address: SIGN_IN_RATE_LIMIT.maxFailuresPerAddress, oldestFailureAt: now }, now);
    expect(decision.allowed).toBe(false);
  });

  it("never asks to wait less than a second", () => {
    const decision = decideRateLimit({ account: 99, address: 0, oldestFailureAt: new Date(now.getTime() - 3_600_000) }, now);
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("keys accounts case-insensitively and addresses as given", () => {
    expect(accountKey("  Owner@Firm.Example ")).toBe("account:owner@firm.example");
    expect(addressKey("203.0.113.9")).toBe("address:203.0.113.9");
    expect(addressKey("")).toBe("address:unknown");
  });
});
