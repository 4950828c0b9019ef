// npm run draws:map-kind -- --list
// npm run draws:map-kind -- --name "Skilled Military Recruits" --kind stem
// npm run draws:map-kind -- --name "Skilled Military Recruits" --new-category military --label "Skilled military recruits"
// Lists the draw names DrawDesk does not recognise, or maps one to a kind (an existing one, or a
// new category clients can then be tagged with) and re-classifies the stored rounds of that name.
// The same change as the "Draw names" screen; from here, for whoever runs the server.
import os from "node:os";
import { ZodError } from "zod";
import { CliError, EXIT_OK, parseCommandLine, printJson, runCommand, UsageError, withDatabase } from "./lib/cli";

const COMMAND = "draws:map-kind";
const USAGE = [
  "Usage: npm run draws:map-kind -- --list [--json]",
  '       npm run draws:map-kind -- --name "Draw name" --kind KIND [--json]',
  '       npm run draws:map-kind -- --name "Draw name" --new-category CODE --label "Label" [--json]',
].join("\n");

async function main(): Promise<number> {
  const { values } = parseCommandLine(process.argv.slice(2), {
    list: { type: "boolean", default: false },
    name: { type: "string" },
    kind: { type: "string" },
    "new-category": { type: "string" },
    label: { type: "string" },
    json: { type: "boolean", default: false },
  });
  const { drawKindMappingSchema } = await import("@/lib/draws/kind-mapping");
  let input: import("@/lib/draws/kind-mapping").DrawKindMappingInput | null = null;
  if (!values.list) {
    if (!values.name) throw new UsageError("Give --name, or --list.");
    if (Boolean(values.kind) === Boolean(values["new-category"])) throw new UsageError("Give either --kind or --new-category (with --label).");
    if (values["new-category"] && !values.label) throw new UsageError("--new-category needs --label.");
    const parsed = values.kind
      ? drawKindMappingSchema.safeParse({ target: "existing", name: values.name, kind: values.kind })
      : drawKindMappingSchema.safeParse({ target: "new", name: values.name, code: values["new-category"], label: values.label });
    if (!parsed.success) throw new CliError(describe(parsed.error));
    input = parsed.data;
  }
  return withDatabase(async () => {
    if (!input) {
      const { unrecognisedDrawNames } = await import("@/lib/db/draws/kinds");
      const names = await unrecognisedDrawNames();
      if (values.json) await printJson(names);
      else console.log(names.length ? names.map((n) => `${n.rounds} round(s), latest #${n.latest.number} (${n.latest.date}): ${n.names.join(" | ")}`).join("\n") : "Every stored draw name is recognised.");
      return EXIT_OK;
    }
    const { mapDrawKind } = await import("@/lib/db/draws/kind-mapping");
    const result = await mapDrawKind({ via: "cli", operator: os.userInfo().username }, input);
    if (values.json) await printJson(result);
    else {
      if (result.createdCategory) console.log(`Created the category "${result.createdCategory.label}" (${result.createdCategory.code}).`);
      console.log(`"${input.name}" is now classified as ${result.kind}; ${result.reclassified.length} stored round(s) re-classified${result.reclassified.length ? `: ${result.reclassified.map((n) => `#${n}`).join(", ")}` : ""}.`);
    }
    return EXIT_OK;
  });
}

function describe(error: ZodError): string {
  const flag: Record<string, string> = { name: "--name", kind: "--kind", code: "--new-category", label: "--label" };
  return error.issues.map((i) => `${flag[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`).join("; ");
}

runCommand(COMMAND, USAGE, main);
