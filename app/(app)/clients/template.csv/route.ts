import { seesAllTeams } from "@/lib/auth/scope";
import { clientCsvTemplate } from "@/lib/clients/csv-template";
import { listTeams } from "@/lib/db/firms";
import { authedRoute } from "@/lib/server/route";

/** The import template: the documented header and example rows naming one of the user's teams. */
export const GET = authedRoute({ permission: "clients.import" }, async (_req, viewer) => {
  const teams = await listTeams(viewer.scope);
  const team = teams.find((t) => seesAllTeams(viewer.scope) || viewer.scope.teamIds.includes(t.id));
  return new Response(clientCsvTemplate({ teamName: team?.name }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="drawdesk-clients-template.csv"',
      "Cache-Control": "no-store",
    },
  });
});
