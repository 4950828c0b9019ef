import fs from "node:fs";
import path from "node:path";
import { appFiles, appPages, type AppPage } from "./app-pages";

// Everything the app answers, read from the code so that a page, route handler or server action
// added later is in the access matrix without anyone listing it: pages (app/**/page.tsx), each
// exported HTTP method of app/**/route.ts, and each exported async function of a "use server"
// module, with its id taken from the build's server-reference manifest.

const ROOT = path.resolve(__dirname, "..", "..");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type Method = (typeof METHODS)[number];

export interface PageEndpoint extends AppPage {
  kind: "page";
  /** The key of its rule in the policy: the URL pattern. */
  key: string;
}
export interface RouteEndpoint extends AppPage {
  kind: "route";
  method: Method;
  /** "GET /api/exports/roster.csv" */
  key: string;
}
export interface ActionEndpoint {
  kind: "action";
  file: string;
  name: string;
  /** "app/(app)/clients/[id]/actions.ts#archiveClientAction" */
  key: string;
  /** Its parameter list, e.g. "(_prev: unknown, form: FormData)". */
  signature: string;
  /** The id the browser sends in the Next-Action header. */
  id: string;
  /** A page that renders a form with this action (it must be posted to such a page). */
  page: AppPage;
}
export type Endpoint = PageEndpoint | RouteEndpoint | ActionEndpoint;

/** The HTTP methods a route handler exports: `export const GET`, `export async function POST`, `export { h as GET }`. */
export function exportedMethods(source: string): Method[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|async\s+function|function)\s+([A-Z]+)\b/g)) found.add(m[1]);
  for (const block of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of block[1].split(",")) found.add(part.trim().split(/\s+as\s+/).pop() ?? "");
  }
  return METHODS.filter((m) => found.has(m));
}

/** The exported async functions (name and parameter list) of a module whose first statement is "use server" (none otherwise). */
export function serverActions(source: string): { name: string; signature: string }[] {
  const body = source.replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*/, "");
  if (!/^\s*["']use server["']/.test(body)) return [];
  const found = [...source.matchAll(/export\s+async\s+function\s+(\w+)\s*\(([^)]*)\)/g), ...source.matchAll(/export\s+const\s+(\w+)\s*=\s*async\s*\(([^)]*)\)/g)];
  return found.map((m) => ({ name: m[1], signature: `(${m[2]})` })).sort((a, b) => a.name.localeCompare(b.name));
}

interface ManifestEntry {
  filename: string;
  exportedName: string;
  workers: Record<string, unknown>;
}

function referenceManifest(): Record<string, ManifestEntry> {
  const file = path.join(ROOT, ".next", "server", "server-reference-manifest.json");
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> }).node;
}

export function appEndpoints(): Endpoint[] {
  const pages: PageEndpoint[] = appPages().map((p) => ({ ...p, kind: "page", key: p.route }));
  const routes: RouteEndpoint[] = appFiles(/^route\.(ts|js)$/).flatMap((r) => {
    const methods = exportedMethods(fs.readFileSync(path.join(ROOT, r.file), "utf8"));
    if (methods.length === 0) throw new Error(`${r.file} exports no HTTP method the matrix recognises`);
    return methods.map((method): RouteEndpoint => ({ ...r, kind: "route", method, key: `${method} ${r.route}` }));
  });

  const manifest = Object.entries(referenceManifest());
  const pageByWorker = new Map(pages.map((p) => [p.file.replace(/\.(tsx|ts|jsx|js|mdx)$/, ""), p]));
  const actions: ActionEndpoint[] = appFiles(/\.(ts|tsx)$/).flatMap((f) =>
    serverActions(fs.readFileSync(path.join(ROOT, f.file), "utf8")).map(({ name, signature }): ActionEndpoint => {
      const entry = manifest.find(([, e]) => e.filename === f.file && e.exportedName === name);
      if (!entry) throw new Error(`${f.file}#${name} is not in the build's server-reference manifest: run \`npm run build\` again.`);
      // Posted to the page beside its module when there is one (the page is rendered after the
      // action, so another page's own permission would decide the answer instead).
      const workers = Object.keys(entry[1].workers).map((w) => pageByWorker.get(w));
      const page = workers.find((p) => p && path.dirname(p.file) === path.dirname(f.file)) ?? workers.find((p) => p !== undefined);
      if (!page) throw new Error(`${f.file}#${name}: no page of the app uses it, so it cannot be called over HTTP.`);
      return { kind: "action", file: f.file, name, signature, key: `${f.file}#${name}`, id: entry[0], page };
    }),
  );
  // The other way round: an action the build knows of but the source scan missed (a "use server"
  // module outside app/, an export form the scan does not read) must not go untested.
  const scanned = new Set(actions.map((a) => a.key));
  const missed = manifest.map(([, e]) => `${e.filename}#${e.exportedName}`).filter((k) => !scanned.has(k));
  if (missed.length) throw new Error(`server actions the source scan missed: ${missed.join(", ")}`);
  return [...pages, ...routes, ...actions];
}
