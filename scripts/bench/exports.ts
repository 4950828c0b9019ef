import { spawn } from "node:child_process";
import path from "node:path";
import type { Scope } from "@/lib/auth/scope";
import type { ExportChildResult } from "./export-child";

const CHILD = path.join(__dirname, "export-child.ts");

/** One roster export in a child process (see export-child.ts), against `databaseUrl`. */
export function runExportChild(databaseUrl: string, request: { format: "csv" | "xlsx"; scope: Scope; search: string; now: Date }): Promise<ExportChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", CHILD, JSON.stringify({ ...request, now: request.now.toISOString() })], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: "" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`the ${request.format} export child failed (exit ${code})`));
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1)!) as ExportChildResult);
      } catch (error) {
        reject(new Error(`the ${request.format} export child printed no result: ${String(error)}`));
      }
    });
  });
}
