import { describe, expect, it } from "vitest";
import { decideRetry, MAX_MAIL_ATTEMPTS, retryDelayMs } from "./retry";

describe("mail retry backoff", () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [7, 1_920_000],
    [8, 3_600_000],
    [9, 3_600_000],
  ])("after %i failed attempts waits %i ms", (attempts, delay) => {
    expect(retryDelayMs(attempts)).toBe(delay);
  });

  it("retries at now + delay until the last attempt, then gives up", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    expect(decideRetry(1, now)).toEqual({ give: "retry", at: new Date("2026-06-01T12:00:30Z") });
    expect(decideRetry(MAX_MAIL_ATTEMPTS - 1, now).give).toBe("retry");
    expect(decideRetry(MAX_MAIL_ATTEMPTS, now)).toEqual({ give: "up" });
  });
});
