import { describe, expect, it } from "vitest";
import { cursorForView, decodeRosterCursor, encodeRosterCursor, type RosterCursor } from "./roster-cursor";

const ID = "3f2b8c1e-5d4a-4c3b-9a1f-0e6d7c8b9a10";
const cursor = (over: Partial<RosterCursor>): RosterCursor => ({ sort: "name", dir: "asc", keys: ["Ng", "Zoë"], id: ID, side: "after", start: 50, ...over });

describe("roster cursor", () => {
  it.each([
    cursor({}),
    cursor({ sort: "crs", dir: "desc", keys: [null], side: "before", start: 0 }),
    cursor({ sort: "consultant", keys: [null, "O'Brien", "Ana María"] }),
    cursor({ sort: "profileSubmittedAt", keys: ["2026-01-05T14:00:00.123+00:00"] }),
    cursor({ sort: "profileExpiresOn", keys: ["2027-02-28"] }),
    cursor({ sort: "status", keys: ["ita_received", "Ng", "Li"] }),
  ])("survives the URL: %j", (c) => {
    const raw = encodeRosterCursor(c);
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeRosterCursor(raw)).toEqual(c);
  });

  it.each([
    ["not base64url", "a+b/c="],
    ["not JSON", "bm90IGpzb24"],
    ["a key of the wrong type", encodeRosterCursor(cursor({ sort: "crs", keys: ["450"] }))],
    ["a NULL where the column cannot be null", encodeRosterCursor(cursor({ keys: [null, "Zoë"] }))],
    ["a NULL in a later key", encodeRosterCursor(cursor({ sort: "consultant", keys: [1, null, "A"] }))],
    ["too few keys", encodeRosterCursor(cursor({ keys: ["Ng"] }))],
    ["an unknown status", encodeRosterCursor(cursor({ sort: "status", keys: ["hacked", "Ng", "Li"] }))],
    ["an id that is not a uuid", encodeRosterCursor(cursor({ id: "1 OR 1=1" }))],
    ["a date that is not one", encodeRosterCursor(cursor({ sort: "profileExpiresOn", keys: ["2027-02-30"] }))],
  ])("refuses %s", (_label, raw) => {
    expect(decodeRosterCursor(raw)).toBeNull();
    expect(cursorForView(raw, "name", "asc")).toEqual({ notice: "damaged" });
  });

  it("refuses a cursor made for another sort or direction", () => {
    const raw = encodeRosterCursor(cursor({}));
    expect(cursorForView(raw, "name", "asc")).toEqual({ cursor: cursor({}) });
    expect(cursorForView(raw, "crs", "asc")).toEqual({ notice: "otherSort" });
    expect(cursorForView(raw, "name", "desc")).toEqual({ notice: "otherSort" });
    expect(cursorForView(undefined, "name", "asc")).toEqual({});
  });
});
