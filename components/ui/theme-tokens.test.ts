import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const globals = readFileSync(path.resolve(__dirname, "../../app/globals.css"), "utf8");

function tokens(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

function blockAfter(selector: string): string {
  const start = globals.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`${selector} not found in globals.css`);
  return globals.slice(start, globals.indexOf("}", start));
}

const light = tokens(blockAfter(":root"));
const darkByAttribute = tokens(blockAfter(':root[data-theme="dark"]'));
const darkBySystem = tokens(blockAfter(':root:not([data-theme="light"])'));
const dark = { ...light, ...darkByAttribute };

function luminance(hex: string): number {
  const channels = hex.replace("#", "").match(/../g)!.map((c) => parseInt(c, 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// [foreground, background, minimum]: 4.5 for text, 3 for control borders and the focus ring.
const PAIRS: Array<[string, string, number]> = [
  ...["bg", "surface", "surface-2", "hover", "selected", "neutral-soft"].flatMap((bg): Array<[string, string, number]> => [
    ["text", bg, 4.5],
    ["muted", bg, 4.5],
  ]),
  ["accent", "surface", 4.5],
  ["accent", "bg", 4.5],
  ["accent", "accent-soft", 4.5],
  ["on-accent", "accent", 4.5],
  ["on-accent", "accent-hover", 4.5],
  ["on-accent", "danger-solid", 4.5],
  ["on-accent", "danger", 4.5],
  ...(["info", "success", "warning", "danger"] as const).flatMap((tone): Array<[string, string, number]> => [
    [tone, `${tone}-soft`, 4.5],
    [tone, "surface", 4.5],
    ["text", `${tone}-soft`, 4.5],
  ]),
  ["border-strong", "surface", 3],
  ["focus", "surface", 3],
  ["focus", "bg", 3],
];

describe("theme tokens", () => {
  it("defines the dark theme identically for data-theme and prefers-color-scheme", () => {
    expect(darkBySystem).toEqual(darkByAttribute);
  });

  it("overrides only tokens the light theme defines", () => {
    expect(Object.keys(darkByAttribute).filter((k) => !(k in light))).toEqual([]);
  });

  for (const [name, theme] of [["light", light], ["dark", dark]] as const) {
    it.each(PAIRS)(`${name}: --%s on --%s meets %s:1`, (fg, bg, min) => {
      expect(contrast(theme[fg], theme[bg])).toBeGreaterThanOrEqual(min);
    });
  }

  it("defines every token the component styles use", () => {
    const dir = __dirname;
    const used = readdirSync(dir)
      .filter((f) => f.endsWith(".module.css"))
      .flatMap((f) => [...readFileSync(path.join(dir, f), "utf8").matchAll(/var\(--([\w-]+)/g)].map((m) => `${f}: --${m[1]}`));
    // --table-max-height is set per table by Table's maxHeight prop, with a fallback.
    const missing = used.filter((u) => {
      const token = u.split(": --")[1];
      return token !== "table-max-height" && !(token in light);
    });
    expect(missing).toEqual([]);
  });
});
