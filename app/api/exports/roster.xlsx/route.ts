import { authedRoute } from "@/lib/server/route";
import { rosterExportResponse } from "@/lib/server/exports/handlers";

export const dynamic = "force-dynamic";

/** Roster status report (xlsx): the roster view of the query string, every page, streamed. */
export const GET = authedRoute({ permission: "clients.export" }, (req, viewer) => rosterExportResponse(req, viewer, "xlsx"));
