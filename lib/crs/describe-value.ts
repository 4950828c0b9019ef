/** How a rejected value is shown in a message: short, and never the whole of a large input. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing (missing)";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return String(value);
}

/** A zod `error` option: "expected <what>, got <the value>". */
export const expected = (what: string) => (issue: { readonly input?: unknown }) => `expected ${what}, got ${describeValue(issue.input)}`;
