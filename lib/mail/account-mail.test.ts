import { describe, expect, it } from "vitest";
import { renderInvitationMail, renderPasswordResetMail } from "./account-mail";
import { appBaseUrl, appUrl } from "./app-url";

describe("account e-mails", () => {
  it("invites with the link, the firm and the validity, names escaped in HTML", () => {
    const mail = renderInvitationMail({ name: "Nadia <N>", firmName: "A & B Immigration", inviterName: "Owner", role: "consultant", url: "https://d.example/invite/tok", validDays: 7 });
    expect(mail.subject).toBe("You are invited to A & B Immigration on DrawDesk");
    expect(mail.text).toContain("Owner invited you to join A & B Immigration on DrawDesk as consultant");
    expect(mail.text).toContain("https://d.example/invite/tok");
    expect(mail.text).toContain("expires in 7 days");
    expect(mail.html).toContain('href="https://d.example/invite/tok"');
    expect(mail.html).toContain("Nadia &lt;N&gt;");
    expect(mail.html).toContain("A &amp; B Immigration");
  });

  it("sends the reset link with its lifetime", () => {
    const mail = renderPasswordResetMail({ name: "Sofia", url: "https://d.example/reset-password/tok", validMinutes: 60 });
    expect(mail.subject).toBe("Reset your DrawDesk password");
    expect(mail.text).toContain("https://d.example/reset-password/tok");
    expect(mail.text).toContain("expires in 60 minutes");
    expect(mail.html).toContain('href="https://d.example/reset-password/tok"');
  });
});

describe("appBaseUrl", () => {
  it.each([
    [{ APP_URL: "https://app.example/", NEXTAUTH_URL: "https://auth.example" }, "https://app.example"],
    [{ NEXTAUTH_URL: "https://auth.example/" }, "https://auth.example"],
    [{ PORT: "4000" }, "http://localhost:4000"],
    [{}, "http://localhost:3000"],
  ])("%j → %s", (env, expected) => {
    expect(appBaseUrl(env)).toBe(expected);
  });

  it("joins a path", () => {
    expect(appUrl("/draws/419", { APP_URL: "https://app.example" })).toBe("https://app.example/draws/419");
  });
});
