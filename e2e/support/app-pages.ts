import fs from "node:fs";
import path from "node:path";
import type { BrowserContext } from "@playwright/test";

export type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

const ROOT = path.resolve(__dirname, "..", "..");

export interface AppPage {
  /** e.g. "app/(app)/clients/[id]/page.tsx" */
  file: string;
  /** The URL pattern, e.g. "/clients/[id]" */
  route: string;
}

/**
 * Every file of the app directory whose name matches `name`, with the URL it serves. Route groups
 * "(name)" and parallel-route slots "@name" add no URL segment; private folders "_name" are not
 * routed.
 */
export function appFiles(name: RegExp, appDir = path.join(ROOT, "app")): AppPage[] {
  const found: AppPage[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_")) continue;
        const silent = /^\(.*\)$/.test(entry.name) || entry.name.startsWith("@");
        walk(path.join(dir, entry.name), silent ? segments : [...segments, entry.name]);
      } else if (name.test(entry.name)) {
        found.push({ file: path.relative(ROOT, path.join(dir, entry.name)), route: `/${segments.join("/")}` });
      }
    }
  };
  walk(appDir, []);
  return found.sort((a, b) => a.route.localeCompare(b.route) || a.file.localeCompare(b.file));
}

/** Every page of the app, read from app/**\/page.tsx, so a page added later is covered without touching the tests. */
export function appPages(appDir = path.join(ROOT, "app")): AppPage[] {
  return appFiles(/^page\.(tsx|ts|jsx|js|mdx)$/, appDir);
}

/**
 * The route with each dynamic segment filled from `values`, keyed by the segment and its parent
 * ("clients/[id]"), so two different [id]s never get each other's value.
 */
export function fillRoute(page: AppPage, values: Record<string, string>): string {
  const segments = page.route.split("/").slice(1);
  return `/${segments
    .map((segment, i) => {
      if (!segment.startsWith("[")) return segment;
      const key = `${segments[i - 1] ?? ""}/${segment}`;
      const value = values[key];
      if (value === undefined) throw new Error(`${page.file}: no value for "${key}"; add a real one to the page sweep's segment values.`);
      return encodeURIComponent(value);
    })
    .join("/")}`;
}
