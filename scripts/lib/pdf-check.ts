// Test helpers for PDFs, with Debian's poppler-utils (installed by .ci/run): the text a reader
// would copy out of a PDF, its page count, and a page rendered to PNG for a person to look at.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

async function withFile<T>(pdf: Buffer, body: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "drawdesk-pdf-"));
  const file = path.join(dir, "in.pdf");
  try {
    await writeFile(file, pdf);
    return await body(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The PDF's text in reading order (pdftotext -layout keeps table rows on one line). */
export function pdfToText(pdf: Buffer, options: { layout?: boolean } = {}): Promise<string> {
  return withFile(pdf, async (file) => (await run("pdftotext", [...(options.layout === false ? [] : ["-layout"]), "-enc", "UTF-8", file, "-"], { maxBuffer: 64 << 20 })).stdout);
}

export function pdfPageCount(pdf: Buffer): Promise<number> {
  return withFile(pdf, async (file) => {
    const { stdout } = await run("pdfinfo", [file]);
    return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? NaN);
  });
}

/** Renders one page (1-based) to `outFile` (PNG) at `dpi`; returns the path written. */
export function renderPdfPage(pdf: Buffer, page: number, outFile: string, dpi = 110): Promise<string> {
  return withFile(pdf, async (file) => {
    await mkdir(path.dirname(outFile), { recursive: true });
    const prefix = outFile.replace(/\.png$/, "");
    await run("pdftoppm", ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", file, prefix]);
    return `${prefix}.png`;
  });
}

/** Where test runs keep files for people to look at (git-ignored). */
export const ARTIFACTS = path.join(process.cwd(), "artifacts", "reports");
