import { describe, expect, it } from "vitest";
import { isFormulaLike, neutraliseText } from "./neutralise";

describe("neutraliseText", () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ["+1 416 555 0100", "'+1 416 555 0100"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
  ])("prefixes %j", (input, expected) => {
    expect(isFormulaLike(input)).toBe(true);
    expect(neutraliseText(input)).toBe(expected);
  });

  it.each(["Amara", "O'Neil", "a=b", "5-3", "", " =not first", "Hernández", "\n=next line"])("leaves %j alone", (input) => {
    expect(isFormulaLike(input)).toBe(false);
    expect(neutraliseText(input)).toBe(input);
  });
});
