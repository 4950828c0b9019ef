import { describe, expect, it } from "vitest";
import { inWinAnsi, pdfText, pdfTextDeep } from "./pdf-text";

describe("pdfText", () => {
  it.each([
    ["−12", "-12"],
    ["Hernández Tomás Müller Çelik", "Hernández Tomás Müller Çelik"],
    // Kept for the fallback fonts, composed when typed with combining marks.
    ["Nguyễn", "Nguyễn"],
    ["Nguye\u0302\u0303n", "Nguyễn"],
    ["Đặng", "Đặng"],
    ["王伟", "王伟"],
    ["محمد", "محمد"],
    ["a → b", "a -> b"],
    ["“quoted” – dash … €", "“quoted” – dash … €"],
  ])("%j → %j", (input, expected) => {
    expect(pdfText(input)).toBe(expected);
  });

  it("maps nested strings and leaves numbers", () => {
    expect(pdfTextDeep({ a: ["−1", 2], b: { c: "ễ" }, d: null })).toEqual({ a: ["-1", 2], b: { c: "ễ" }, d: null });
  });

  it("tells which characters Helvetica has", () => {
    expect([..."aZ é€…"].every(inWinAnsi)).toBe(true);
    expect(["ễ", "王", "م", "−", "\u0301"].some(inWinAnsi)).toBe(false);
  });
});
