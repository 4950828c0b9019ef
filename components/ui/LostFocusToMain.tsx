"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * After a client-side navigation whose link disappeared with the old page (a roster row, a draw
 * in a table), the browser's focus falls back to <body> and the next Tab continues from wherever
 * the removed link was: a keyboard user is lost mid-page. Moving focus to <main> puts them at the
 * start of the new content (and a screen reader reads from there). A link that is still there
 * (the navigation) keeps focus, as a person expects.
 */
export function LostFocusToMain({ mainId = "main" }: { mainId?: string }) {
  const pathname = usePathname();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const focused = document.activeElement;
    if (!focused || focused === document.body || !focused.isConnected) document.getElementById(mainId)?.focus({ preventScroll: true });
  }, [pathname, mainId]);
  return null;
}
