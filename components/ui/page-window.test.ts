import { describe, expect, it } from "vitest";
import { pageWindow } from "./page-window";

describe("pageWindow", () => {
  it.each([
    { page: 1, count: 0, want: [] },
    { page: 1, count: 1, want: [1] },
    { page: 3, count: 7, want: [1, 2, 3, 4, 5, 6, 7] },
    { page: 1, count: 20, want: [1, 2, 3, 4, 5, "gap", 20] },
    { page: 4, count: 20, want: [1, 2, 3, 4, 5, "gap", 20] },
    { page: 5, count: 20, want: [1, "gap", 4, 5, 6, "gap", 20] },
    { page: 16, count: 20, want: [1, "gap", 15, 16, 17, "gap", 20] },
    { page: 17, count: 20, want: [1, "gap", 16, 17, 18, 19, 20] },
    { page: 20, count: 20, want: [1, "gap", 16, 17, 18, 19, 20] },
    { page: 99, count: 20, want: [1, "gap", 16, 17, 18, 19, 20] },
    { page: 0, count: 20, want: [1, 2, 3, 4, 5, "gap", 20] },
  ])("page $page of $count", ({ page, count, want }) => {
    expect(pageWindow(page, count)).toEqual(want);
  });

  it("keeps the same length wherever the current page is", () => {
    const lengths = new Set(Array.from({ length: 50 }, (_, i) => pageWindow(i + 1, 50, 2).length));
    expect([...lengths]).toEqual([9]);
  });

  it("never hides a single page behind a gap", () => {
    for (let count = 1; count <= 30; count++) {
      for (let page = 1; page <= count; page++) {
        const items = pageWindow(page, count);
        items.forEach((item, i) => {
          if (item !== "gap") return;
          const before = items[i - 1] as number;
          const after = items[i + 1] as number;
          expect(after - before).toBeGreaterThan(2);
        });
        expect(items).toContain(page);
      }
    }
  });
});
