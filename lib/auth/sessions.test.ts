import { describe, expect, it } from "vitest";
import { describeUserAgent, liveSince, needsTouch, SESSION_MAX_AGE_SECONDS, SESSION_TOUCH_INTERVAL_MS } from "./sessions";
import { twoFactorRequired } from "./two-factor-policy";

const now = new Date("2026-12-04T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("session records", () => {
  it.each([
    [0, false],
    [SESSION_TOUCH_INTERVAL_MS - 1, false],
    [SESSION_TOUCH_INTERVAL_MS, true],
    [60 * 60_000, true],
  ])("last seen %i ms ago: refresh %s", (ms, expected) => {
    expect(needsTouch(ago(ms), now)).toBe(expected);
  });

  it("counts a session live for the token's lifetime plus one refresh interval", () => {
    expect(liveSince(now).getTime()).toBe(now.getTime() - SESSION_MAX_AGE_SECONDS * 1000 - SESSION_TOUCH_INTERVAL_MS);
  });

  it.each([
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36", "Chrome on Linux"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:130.0) Gecko/20100101 Firefox/130.0", "Firefox on Windows"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", "Safari on macOS"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36 Edg/140.0", "Edge on Windows"],
    ["curl/8.5.0", "Browser"],
  ])("names %s as %s", (ua, name) => {
    expect(describeUserAgent(ua)).toBe(name);
  });

  it("names a missing user agent", () => {
    expect(describeUserAgent(null)).toBe("Unknown browser");
  });
});

describe("two-factor requirement", () => {
  it.each([
    ["owner", true, true],
    ["admin", true, true],
    ["consultant", true, false],
    ["viewer", true, false],
    ["owner", false, false],
    ["admin", false, false],
  ] as const)("%s, firm requires %s: required %s", (role, firm, expected) => {
    expect(twoFactorRequired(role, firm)).toBe(expected);
  });
});
