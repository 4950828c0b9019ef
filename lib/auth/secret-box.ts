/**
 * Encrypts small secrets at rest (the TOTP secret) with AES-256-GCM. The key is derived with
 * HKDF-SHA256 from the app secret (NEXTAUTH_SECRET, which scripts/lib/secret.ts guarantees in
 * every run mode), so a database dump alone does not give anyone's second factor. Rotating
 * NEXTAUTH_SECRET therefore also voids enrolled authenticators: users fall back to recovery codes.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const INFO = "drawdesk totp secret v1";

function keyFrom(appSecret: string): Buffer {
  if (!appSecret) throw new Error("NEXTAUTH_SECRET is not set: two-factor secrets cannot be encrypted.");
  return Buffer.from(hkdfSync("sha256", appSecret, "drawdesk", INFO, 32));
}

export function sealSecret(plain: string, appSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(appSecret), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The plain secret, or null when the box was sealed with another key or tampered with. */
export function openSecret(sealed: string, appSecret: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(appSecret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
