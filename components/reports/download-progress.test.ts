import { describe, expect, it } from "vitest";
import { countLineEnds, filenameOf, formatBytes, progressText } from "./download-progress";

describe("download progress", () => {
  it("counts line ends", () => {
    expect(countLineEnds(new TextEncoder().encode("a,b\r\n1,2\r\n3,4\r\n"))).toBe(3);
    expect(countLineEnds(new Uint8Array())).toBe(0);
  });

  it("reads the file name, preferring the UTF-8 one", () => {
    expect(filenameOf(`attachment; filename="client-report-hernandez.pdf"; filename*=UTF-8''client-report-hern%C3%A1ndez.pdf`, "x")).toBe("client-report-hernández.pdf");
    expect(filenameOf(`attachment; filename="roster.csv"`, "x")).toBe("roster.csv");
    expect(filenameOf(`attachment; filename=roster.xlsx`, "x")).toBe("roster.xlsx");
    expect(filenameOf(null, "export.csv")).toBe("export.csv");
  });

  it("says how far along it is", () => {
    expect(progressText({ bytes: 2_200_000, rows: 12_000, totalRows: 100_000 })).toBe("12,000 of 100,000 rows · 2.1 MB");
    expect(progressText({ bytes: 512, rows: null, totalRows: null })).toBe("512 B received");
    expect(progressText({ bytes: 4096, rows: null, totalRows: 100_000 })).toBe("4 kB received · 100,000 rows");
    expect(progressText({ bytes: 4096, rows: null, totalRows: 1 }, ["report", "reports"])).toBe("4 kB received · 1 report");
    expect(formatBytes(1536)).toBe("1.5 kB");
  });
});
