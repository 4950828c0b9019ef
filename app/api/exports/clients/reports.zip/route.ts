import { authedRoute } from "@/lib/server/route";
import { reportBatchResponse } from "@/lib/server/exports/handlers";

export const dynamic = "force-dynamic";

/** Client status reports for a selection (ids, or view=roster with its filters; at most 500): a ZIP with one PDF per client. */
const handler = authedRoute({ permission: "clients.export" }, (req, viewer) => reportBatchResponse(req, viewer, "zip"));
export const GET = handler;
export const POST = handler;
