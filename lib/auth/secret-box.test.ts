import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box";

const key = "an-app-secret-of-at-least-32-characters";

describe("secret box", () => {
  it("opens what it sealed, and never stores the plain text", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXP", key);
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(openSecret(sealed, key)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("seals the same secret differently each time (random IV)", () => {
    expect(sealSecret("same", key)).not.toBe(sealSecret("same", key));
  });

  it("refuses another app secret, a tampered box and garbage", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXP", key);
    expect(openSecret(sealed, "another-app-secret-of-32-characters!!")).toBeNull();
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3], "base64url");
    body[0] ^= 1;
    expect(openSecret([...parts.slice(0, 3), body.toString("base64url")].join("."), key)).toBeNull();
    expect(openSecret("not a box", key)).toBeNull();
  });

  it("refuses to work without an app secret", () => {
    expect(() => sealSecret("x", "")).toThrow(/NEXTAUTH_SECRET/);
  });
});
