import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The README names the files a newcomer should open (a test, a rule, a job). Files move — the
// lib/db split moved dozens — and a README that points at files that are gone stops telling the
// truth quietly. Every repository path the README quotes must exist.

const ROOT = path.resolve(__dirname, "../..");
const TOP_FOLDERS = ["app", "components", "docs", "e2e", "lib", "prisma", "scripts"];

/** Paths quoted in backticks that start with one of the product's folders, without globs or placeholders. */
export function quotedPaths(markdown: string): string[] {
  const quoted = markdown.match(/`[^`\n]+`/g) ?? [];
  return [
    ...new Set(
      quoted
        .map((q) => q.slice(1, -1).trim())
        .filter((q) => TOP_FOLDERS.some((folder) => q.startsWith(`${folder}/`)))
        .filter((q) => !/[*{}<>…]|\s/.test(q)),
    ),
  ].sort();
}

describe("README", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const paths = quotedPaths(readme);

  it("quotes repository paths (the check below has something to check)", () => {
    expect(paths.length).toBeGreaterThan(30);
  });

  it("names only files and folders that exist", () => {
    const missing = paths.filter((p) => !fs.existsSync(path.join(ROOT, p.replace(/\/$/, ""))));
    expect(missing).toEqual([]);
  });
});
