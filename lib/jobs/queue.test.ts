import { describe, expect, it } from "vitest";
import { RETRY, syncIntervalSeconds, syncRetry, tickIntervalSeconds } from "./queue";

describe("syncIntervalSeconds", () => {
  it("defaults to 15 minutes and reads DRAWS_SYNC_INTERVAL in seconds", () => {
    expect(syncIntervalSeconds({})).toBe(900);
    expect(syncIntervalSeconds({ DRAWS_SYNC_INTERVAL: " 10 " })).toBe(10);
  });

  it("refuses what is not a whole number of seconds, naming the variable", () => {
    for (const bad of ["abc", "2.5", "0", "4", "-10"]) expect(() => syncIntervalSeconds({ DRAWS_SYNC_INTERVAL: bad })).toThrow(/DRAWS_SYNC_INTERVAL/);
  });
});

describe("tickIntervalSeconds", () => {
  it("defaults to 10 s and ignores nonsense", () => {
    expect(tickIntervalSeconds({})).toBe(10);
    expect(tickIntervalSeconds({ DRAWDESK_TICK_INTERVAL: "2" })).toBe(2);
    expect(tickIntervalSeconds({ DRAWDESK_TICK_INTERVAL: "x" })).toBe(10);
  });
});

describe("syncRetry", () => {
  it("retries with backoff before a distant next sync, not before a near one", () => {
    expect(syncRetry(900)).toEqual(RETRY);
    expect(syncRetry(10)).toEqual({ retryLimit: 0 });
  });
});
