import { describe, expect, it } from "vitest";
import { BASE_FONT, fontRuns, type FontChain } from "./pdf-runs";

/** A toy chain: Latin-1 in the base font, then Latin Extended split in two files, Arabic, CJK. */
const chain: FontChain = {
  families: [
    { name: "Sans", files: ["latin", "vietnamese"] },
    { name: "Arabic", files: ["arabic"] },
    { name: "CJK", files: ["cjk"] },
  ],
  has(file, cp) {
    if (file === BASE_FONT) return cp < 0x100;
    if (file === "latin") return cp < 0x250;
    if (file === "vietnamese") return cp >= 0x1ea0 && cp <= 0x1ef9;
    if (file === "arabic") return cp >= 0x600 && cp <= 0x6ff;
    if (file === "cjk") return cp >= 0x4e00 && cp <= 0x9fff;
    return false;
  },
};

const show = (text: string) => fontRuns(text, chain).map((r) => `${r.text}|${r.font}${r.rtl ? "|rtl" : ""}`);

describe("fontRuns", () => {
  it.each([
    ["Amara Okoye", ["Amara|base", " |base", "Okoye|base"]],
    // A word Helvetica cannot draw whole goes whole to one family, split only by its files.
    ["Nguyễn Thị", ["Nguy|latin", "ễ|vietnamese", "n|latin", " |base", "Th|latin", "ị|vietnamese"]],
    ["王小明, Wang", ["王小明|cjk", ",|base", " |base", "Wang|base"]],
    // Right to left: the words are laid out in display order, each word one run for the shaper.
    ["محمد العلي", ["العلي|arabic|rtl", " |base|rtl", "محمد|arabic|rtl"]],
    ["Client: محمد العلي (CEC)", ["Client:|base", " |base", "العلي|arabic|rtl", " |base|rtl", "محمد|arabic|rtl", " |base", "(CEC)|base"]],
    // Numbers inside Arabic keep their left-to-right order.
    ["رقم 123 هنا", ["هنا|arabic|rtl", " |base|rtl", "123|base", " |base|rtl", "رقم|arabic|rtl"]],
    // Brackets inside right-to-left text are mirrored: the opening one is drawn as ")" on the right.
    ["علي (محمد) حسن", ["حسن|arabic|rtl", " |base|rtl", "(|base|rtl", "محمد|arabic|rtl", ")|base|rtl", " |base|rtl", "علي|arabic|rtl"]],
    // A character no font has is a visible "?", never a missing glyph box.
    ["Smith 😀", ["Smith|base", " |base", "?|base"]],
    ["", []],
  ])("%j", (text, runs) => {
    expect(show(text)).toEqual(runs);
  });
});
