// npm run platform-admin -- --email EMAIL [--revoke] | --list
// Grants (or revokes) the platform-administrator flag: the users who may map unrecognised draw
// names on the "Draw names" screen. Draws are shared by every firm on the install, so no firm role
// grants it; whoever runs the server does, here. Uses DATABASE_URL, or the embedded database.
import { CliError, EXIT_OK, parseCommandLine, printJson, runCommand, UsageError, withDatabase } from "./lib/cli";

const COMMAND = "platform-admin";
const USAGE = "Usage: npm run platform-admin -- --email user@example.com [--revoke] [--json]\n       npm run platform-admin -- --list [--json]";

async function main(): Promise<number> {
  const { values } = parseCommandLine(process.argv.slice(2), {
    email: { type: "string" },
    revoke: { type: "boolean", default: false },
    list: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  });
  if (!values.list && !values.email) throw new UsageError("Give --email, or --list.");
  if (values.list && values.email) throw new UsageError("Give either --email or --list, not both.");
  return withDatabase(async () => {
    const { listPlatformAdmins, setPlatformAdmin } = await import("@/lib/db/users/platform-admins");
    if (values.list) {
      const admins = await listPlatformAdmins();
      if (values.json) await printJson(admins);
      else console.log(admins.length ? admins.map((a) => `${a.email}  ${a.name} (${a.firm})`).join("\n") : "No platform administrators.");
      return EXIT_OK;
    }
    const user = await setPlatformAdmin(values.email!, !values.revoke).catch((error: unknown) => {
      throw error instanceof Error && error.name === "NotFoundError" ? new CliError(`No user has the e-mail address ${values.email}.`) : error;
    });
    if (values.json) await printJson({ ...user, platformAdmin: !values.revoke });
    else console.log(`${user.email} (${user.name}, ${user.firm}) ${values.revoke ? "is no longer" : "is now"} a platform administrator.`);
    return EXIT_OK;
  });
}

runCommand(COMMAND, USAGE, main);
