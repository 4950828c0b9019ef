import { IRCC_ROUNDS_URL, loadRoundsSource } from "./load-source";
import { parseRounds, type ParsedRounds } from "./parse-rounds";

/** The feed the sync reads: DRAWS_FEED_URL, else IRCC's official rounds feed. */
export function feedUrl(env: Record<string, string | undefined> = process.env): string {
  return env.DRAWS_FEED_URL?.trim() || IRCC_ROUNDS_URL;
}

/**
 * Fetches and parses the rounds feed (`draws:sync` and the worker's sync job). Throws
 * FeedSourceError (unreachable, refused) or FeedFormatError (not the feed, a bad round): nothing
 * is imported then.
 */
export async function fetchFeedRounds(url: string): Promise<ParsedRounds> {
  return parseRounds(await loadRoundsSource(url));
}
