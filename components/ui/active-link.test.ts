import { describe, expect, it } from "vitest";
import { activeLinks } from "./active-link";

const APP = ["/", "/clients", "/draws", "/reports", "/audit", "/settings/users"];
const TABS = ["/clients/7", "/clients/7/crs", "/clients/7/notes"];

function active(hrefs: string[], path: string) {
  return [...activeLinks(hrefs, path)].filter(([, v]) => v !== undefined);
}

describe("activeLinks", () => {
  it.each([
    { hrefs: APP, path: "/", want: [["/", "page"]] },
    { hrefs: APP, path: "/clients", want: [["/clients", "page"]] },
    { hrefs: APP, path: "/clients/", want: [["/clients", "page"]] },
    { hrefs: APP, path: "/clients?page=2&sort=crs", want: [["/clients", "page"]] },
    { hrefs: APP, path: "/clients/7/crs", want: [["/clients", "true"]] },
    { hrefs: APP, path: "/settings/users/3", want: [["/settings/users", "true"]] },
    { hrefs: APP, path: "/clientsarchive", want: [] },
    { hrefs: APP, path: "/login", want: [] },
    { hrefs: TABS, path: "/clients/7", want: [["/clients/7", "page"]] },
    { hrefs: TABS, path: "/clients/7/crs", want: [["/clients/7/crs", "page"]] },
    { hrefs: TABS, path: "/clients/7/notes/12", want: [["/clients/7/notes", "true"]] },
    { hrefs: TABS, path: "/clients/7/deadlines", want: [["/clients/7", "true"]] },
  ])("$path", ({ hrefs, path, want }) => {
    expect(active(hrefs, path)).toEqual(want);
  });
});
