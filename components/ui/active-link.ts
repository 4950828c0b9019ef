/** The aria-current value for a nav link: "page" on its own page, "true" inside its section. */
export type AriaCurrent = "page" | "true" | undefined;

function normalise(path: string): string {
  const bare = path.split(/[?#]/)[0] || "/";
  return bare.length > 1 ? bare.replace(/\/+$/, "") : bare;
}

function contains(href: string, path: string): boolean {
  if (href === path) return true;
  // "/" is the dashboard, not the parent of every page.
  return href !== "/" && path.startsWith(`${href}/`);
}

/**
 * Which of `hrefs` is active for `currentPath`: the longest one that is the path or a section
 * above it, so "/clients/7/crs" picks "/clients/7/crs" over "/clients/7", and "/clients/7" picks
 * "/clients".
 */
export function activeLinks(hrefs: readonly string[], currentPath: string): Map<string, AriaCurrent> {
  const path = normalise(currentPath);
  let best: string | undefined;
  for (const href of hrefs) {
    const h = normalise(href);
    if (contains(h, path) && (best === undefined || h.length > normalise(best).length)) best = href;
  }
  const result = new Map<string, AriaCurrent>();
  for (const href of hrefs) {
    result.set(href, href === best ? (normalise(href) === path ? "page" : "true") : undefined);
  }
  return result;
}
