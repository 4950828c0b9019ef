import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "./csv-line";

describe("csvLine", () => {
  it("quotes only where needed", () => {
    expect(csvLine(["Okoye", "Amara", 512, -5, null, ""])).toBe("Okoye,Amara,512,-5,,\r\n");
    expect(csvField('say "hi", then\r\nleave')).toBe('"say ""hi"", then\r\nleave"');
    expect(csvField(Number.NaN)).toBe("");
  });

  it("round-trips through a CSV parser", () => {
    const rows = [
      ["Hernández, Tomás", 'The "best"', "multi\nline", "'=HYPERLINK(\"x\")", 0],
      ["", null, "plain", "-", -12],
    ];
    const text = rows.map(csvLine).join("");
    expect(parse(text, { relax_column_count: false })).toEqual(rows.map((r) => r.map((v) => (v === null ? "" : String(v)))));
  });
});
