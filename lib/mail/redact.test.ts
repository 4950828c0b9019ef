import { describe, expect, it } from "vitest";
import { HIDDEN_LINK, redactForAdmin } from "./redact";

describe("redactForAdmin", () => {
  const body = "Open https://d.example/reset-password/AbC-12_xyz to choose a new one. <a href=\"https://d.example/reset-password/AbC-12_xyz\">";

  it("hides every reset token of a password reset mail", () => {
    const redacted = redactForAdmin("password_reset", body);
    expect(redacted).not.toContain("AbC-12_xyz");
    expect(redacted).toContain(`https://d.example/reset-password/${HIDDEN_LINK}`);
  });

  it("leaves other mails as they are", () => {
    expect(redactForAdmin("invitation", "https://d.example/invite/tok")).toBe("https://d.example/invite/tok");
    expect(redactForAdmin("draw_digest", body)).toBe(body);
  });
});
