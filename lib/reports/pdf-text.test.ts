import { describe, expect, it } from "vitest";
import { pdfText, pdfTextDeep } from "./pdf-text";

describe("pdfText", () => {
  it.each([
    ["−12", "-12"],
    ["Hernández Tomás Müller Çelik", "Hernández Tomás Müller Çelik"],
    ["Nguyễn", "Nguyen"],
    ["Đặng", "?ang"],
    ["王伟", "??"],
    ["a → b", "a -> b"],
    ["“quoted” – dash … €", "“quoted” – dash … €"],
  ])("%j → %j", (input, expected) => {
    expect(pdfText(input)).toBe(expected);
  });

  it("maps nested strings and leaves numbers", () => {
    expect(pdfTextDeep({ a: ["−1", 2], b: { c: "ễ" }, d: null })).toEqual({ a: ["-1", 2], b: { c: "e" }, d: null });
  });
});
