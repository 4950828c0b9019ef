/**
 * Turns zod issues into one line each, "firstLanguage.clb.reading: expected …", so the CLI, CSV
 * import reports and API errors name the field the same way.
 */
import type { z } from "zod";

export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** One line per issue, each starting with `prefix` (e.g. "profile 3") when given. */
export function formatIssues(error: z.ZodError, prefix?: string): string[] {
  return error.issues.map((issue) => {
    const parts = prefix ? [prefix] : [];
    const path = issuePath(issue.path);
    if (path) parts.push(path);
    parts.push(issue.message);
    return parts.join(": ");
  });
}
