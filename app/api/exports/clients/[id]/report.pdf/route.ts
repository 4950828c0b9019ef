import { authedRoute } from "@/lib/server/route";
import { clientReportResponse } from "@/lib/server/exports/handlers";

export const dynamic = "force-dynamic";

/** One client's status report (PDF); a client outside the caller's scope is a 404. */
export const GET = authedRoute<{ params: Promise<{ id: string }> }>({ permission: "clients.export" }, async (_req, viewer, context) =>
  clientReportResponse(viewer, (await context.params).id),
);
