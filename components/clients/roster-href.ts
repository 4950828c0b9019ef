import { rosterQueryToSearch, type RosterQuery } from "@/lib/clients/roster-query";

/** The roster's URL for a state (defaults left out); for server pages and client components alike. */
export function rosterHref(query: Partial<RosterQuery>): string {
  const search = rosterQueryToSearch(query);
  return search ? `/clients?${search}` : "/clients";
}
