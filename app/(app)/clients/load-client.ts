import "server-only";
import { notFound } from "next/navigation";
import type { Scope } from "@/lib/auth/scope";
import { getClient, type ClientDetail } from "@/lib/db/clients";
import { NotFoundError } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The client, or Next's 404 page: another firm's or another team's client is simply not found. */
export async function clientOr404(scope: Scope, id: string): Promise<ClientDetail> {
  // A malformed id is a page that does not exist, not a database error.
  if (!UUID.test(id)) notFound();
  try {
    return await getClient(scope, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/** Runs a secondary read of a client that must exist (history, draw results), 404 if it vanished. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
