"use server";

import { revalidatePath } from "next/cache";
import { enterProvisionalRound, fetchFeed, importFeed, parseFeedText } from "@/lib/db/draws/admin";
import { feedUrlPolicy } from "@/lib/draws/feed-url-policy";
import type { DrawKind } from "@/lib/draws/kinds";
import { IRCC_ROUNDS_URL } from "@/lib/draws/load-source";
import { authedAction, formDataToObject } from "@/lib/server/action";
import { feedImportSchema, manualRoundSchema } from "./schema";

/** The app fetches IRCC's host and the operator's DRAWS_FEED_URL host only (SSRF guard). */
const feedPolicy = () => feedUrlPolicy(IRCC_ROUNDS_URL, process.env.DRAWS_FEED_URL);

const feedImport = authedAction({ permission: "draws.import", schema: feedImportSchema }, async (viewer, input) => {
  const json = input.source === "file" ? parseFeedText(await input.file.text(), input.file.name) : await fetchFeed(input.url, feedPolicy());
  const source = input.source === "file" ? `upload: ${input.file.name}` : input.url;
  const apply = input.mode === "apply";
  const view = await importFeed(viewer.scope, viewer.email, { json, source, apply, expectedDigest: input.digest });
  if (apply) {
    revalidatePath("/draws");
    revalidatePath("/");
  }
  return view;
});

/** Preview (dry run) or apply a rounds file or the feed URL; called by the import form with its own FormData. */
export async function feedImportAction(form: FormData) {
  return feedImport({ ...formDataToObject(form), file: form.get("file") ?? undefined });
}

const manualRound = authedAction({ permission: "draws.import", schema: manualRoundSchema }, async (viewer, input) => {
  const round = await enterProvisionalRound(viewer.scope, viewer.email, {
    ...input,
    kind: input.kind as DrawKind,
    // IRCC publishes tie-break times in UTC; the field holds that wall time.
    tieBreakAt: input.tieBreakAt ? `${input.tieBreakAt.length === 16 ? `${input.tieBreakAt}:00` : input.tieBreakAt}Z` : undefined,
  });
  revalidatePath("/draws");
  revalidatePath("/");
  return { number: round.number };
});

export async function manualRoundAction(_prev: unknown, form: FormData) {
  return manualRound(formDataToObject(form, ["programs"]));
}
