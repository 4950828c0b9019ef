"use client";

import { usePathname } from "next/navigation";
import { AppNav, type AppNavLink } from "./AppNav";

/**
 * AppNav that follows the URL itself. A layout is not re-rendered when the user moves between
 * pages under it, so a path read on the server there would keep marking the first page active.
 */
export function AppNavCurrent({ links }: { links: readonly AppNavLink[] }) {
  return <AppNav links={links} currentPath={usePathname()} />;
}
