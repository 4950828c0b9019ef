"use client";

import { useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import type { RosterQuery } from "@/lib/clients/roster-query";
import { rosterHref } from "./roster-href";

/**
 * Moves the roster to a new state by changing the URL only; the server page re-reads it and
 * queries again. `query` already shows the requested state while the new page loads (a ticked
 * column stays ticked), and `pending` is true until it has rendered.
 */
export function useRosterNavigation(serverQuery: RosterQuery) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [query, setOptimistic] = useOptimistic(serverQuery, (current, patch: Partial<RosterQuery>) => ({ ...current, ...patch }));
  const go = (patch: Partial<RosterQuery>) => {
    startTransition(() => {
      setOptimistic(patch);
      router.push(rosterHref({ ...query, ...patch }), { scroll: false });
    });
  };
  return { go, pending, query };
}
