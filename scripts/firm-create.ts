// npm run firm:create -- --name NAME --slug SLUG --owner EMAIL [--owner-name NAME] [--teams "A,B"] [--json]
// Provisions a firm, its teams and its owner, and prints the one-time link where the owner sets
// a password. Uses DATABASE_URL, or the embedded database (started for the command if needed).
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { withDatabase } from "./lib/with-db";

const USAGE = 'Usage: npm run firm:create -- --name "Firm name" --slug firm-slug --owner owner@example.com [--owner-name "Name"] [--teams "Team A,Team B"] [--json]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      name: { type: "string" },
      slug: { type: "string" },
      owner: { type: "string" },
      "owner-name": { type: "string" },
      teams: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help || !values.name || !values.slug || !values.owner) {
    console.error(USAGE);
    return 2;
  }
  const teams = values.teams ? values.teams.split(",").map((t) => t.trim()).filter(Boolean) : undefined;
  return withDatabase(async () => {
    const { createFirm } = await import("@/lib/db/firms");
    const result = await createFirm({ name: values.name!, slug: values.slug!, ownerEmail: values.owner!, ownerName: values["owner-name"], teams });
    if (values.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      console.log(`Created firm "${result.firm.name}" (${result.firm.slug}) with teams: ${result.teams.map((t) => t.name).join(", ")}.`);
      console.log(`Owner: ${result.owner.email}`);
      console.log(`One-time link for the owner to set a password (valid until ${result.invitationExpiresAt}):`);
      console.log(`  ${result.invitationUrl}`);
    }
    const { prisma } = await import("@/lib/db/prisma");
    await prisma().$disconnect();
    return 0;
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ZodError) {
      for (const issue of error.issues) console.error(`firm:create: ${issue.path.join(".") || "input"}: ${issue.message}`);
    } else if (error instanceof AppError) {
      console.error(`firm:create: ${error.message}`);
    } else {
      console.error(`firm:create failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(1);
  },
);
