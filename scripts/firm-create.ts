// npm run firm:create -- --name NAME --slug SLUG --owner EMAIL [--owner-name NAME] [--teams "A,B"] [--json]
// Provisions a firm, its teams and its owner, and prints the one-time link where the owner sets
// a password. Uses DATABASE_URL, or the embedded database (started for the command if needed).
import { EXIT_OK, parseCommandLine, printJson, runCommand, UsageError, withDatabase } from "./lib/cli";

const COMMAND = "firm:create";
const USAGE = 'Usage: npm run firm:create -- --name "Firm name" --slug firm-slug --owner owner@example.com [--owner-name "Name"] [--teams "Team A,Team B"] [--json]';

async function main(): Promise<number> {
  const { values } = parseCommandLine(process.argv.slice(2), {
    name: { type: "string" },
    slug: { type: "string" },
    owner: { type: "string" },
    "owner-name": { type: "string" },
    teams: { type: "string" },
    json: { type: "boolean", default: false },
  }, { positionals: false });
  const { name, slug, owner } = values as { name?: string; slug?: string; owner?: string };
  const missing = [!name && "--name", !slug && "--slug", !owner && "--owner"].filter(Boolean);
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(", ")}.`);
  const teamList = values.teams as string | undefined;
  const teams = teamList ? teamList.split(",").map((t) => t.trim()).filter(Boolean) : undefined;
  return withDatabase(async () => {
    const { createFirm } = await import("@/lib/db/firms");
    const result = await createFirm({ name: name!, slug: slug!, ownerEmail: owner!, ownerName: values["owner-name"] as string | undefined, teams });
    if (values.json) {
      await printJson(result);
    } else {
      console.log(`Created firm "${result.firm.name}" (${result.firm.slug}) with teams: ${result.teams.map((t) => t.name).join(", ")}.`);
      console.log(`Owner: ${result.owner.email}`);
      console.log(`One-time link for the owner to set a password (valid until ${result.invitationExpiresAt}):`);
      console.log(`  ${result.invitationUrl}`);
    }
    const { prisma } = await import("@/lib/db/prisma");
    await prisma().$disconnect();
    return EXIT_OK;
  });
}

runCommand(COMMAND, USAGE, main);
