import { impactQuerySchema } from "@/app/(app)/draws/[number]/impact-query";
import { impactResponse } from "@/lib/server/exports/handlers";
import { authedRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Draw impact report (xlsx) with the draw page's filters (team, consultant, margin): the same schema as the page. */
export const GET = authedRoute<{ params: Promise<{ number: string }> }>({ permission: "clients.export" }, async (req, viewer, context) =>
  impactResponse(viewer, decodeURIComponent((await context.params).number), impactQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams)), "xlsx"),
);
