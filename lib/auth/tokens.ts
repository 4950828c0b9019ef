import { createHash, randomBytes } from "node:crypto";

/** A URL-safe random token (256 bits) for one-time links. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are stored hashed, so a copy of the database holds no usable links. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
