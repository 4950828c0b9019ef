import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DATA_DIR } from "./embedded-db";

export const SECRET_FILE = path.join(DATA_DIR, "nextauth-secret");

/**
 * NEXTAUTH_SECRET signs and encrypts session cookies. A set variable always wins. Otherwise a
 * random secret is generated once into `.data/nextauth-secret` (mode 0600) and reused, so sessions
 * survive restarts — but only for the local embedded database or in development: a production
 * deployment on its own DATABASE_URL must choose its secret deliberately, shared by every instance.
 */
export function resolveNextAuthSecret(options: { production: boolean; embedded: boolean }): string {
  const fromEnv = process.env.NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (options.production && !options.embedded) {
    throw new Error(
      "NEXTAUTH_SECRET is not set. With your own DATABASE_URL in production mode DrawDesk needs a fixed secret:\n" +
        '  export NEXTAUTH_SECRET="$(openssl rand -base64 32)"\n' +
        "(keep it stable: changing it signs everyone out).",
    );
  }
  return readOrCreateSecret();
}

function readOrCreateSecret(): string {
  try {
    const existing = fs.readFileSync(SECRET_FILE, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  fs.chmodSync(SECRET_FILE, 0o600);
  return secret;
}
