import { describe, expect, it } from "vitest";
import { describeSmtpError, DEFAULT_MAIL_FROM, mailConfigured, mailFrom, messageIdFor } from "./transport";

describe("mail transport settings", () => {
  it("is configured only with a non-empty SMTP_URL", () => {
    expect(mailConfigured({})).toBe(false);
    expect(mailConfigured({ SMTP_URL: "  " })).toBe(false);
    expect(mailConfigured({ SMTP_URL: "smtp://user:pass@mail.example:587" })).toBe(true);
  });

  it("sends from MAIL_FROM, else the default", () => {
    expect(mailFrom({ MAIL_FROM: "Maple Route <draws@maple.example>" })).toBe("Maple Route <draws@maple.example>");
    expect(mailFrom({})).toBe(DEFAULT_MAIL_FROM);
  });

  it("derives one Message-ID per idempotency key, in the sender's domain", () => {
    const from = "Maple Route <draws@maple.example>";
    const id = messageIdFor("digest:419:user-1", from);
    expect(id).toMatch(/^<[0-9a-f]{40}@maple\.example>$/);
    expect(messageIdFor("digest:419:user-1", from)).toBe(id);
    expect(messageIdFor("digest:419:user-2", from)).not.toBe(id);
    expect(messageIdFor("k", "no address")).toMatch(/@drawdesk\.local>$/);
  });

  it("records the SMTP reply of a failed send", () => {
    expect(describeSmtpError(Object.assign(new Error("Can't send mail"), { code: "EENVELOPE", responseCode: 451, response: "451 Mailbox busy" }))).toBe("EENVELOPE 451 451 Mailbox busy");
    expect(describeSmtpError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ESOCKET" }))).toBe("ESOCKET connect ECONNREFUSED 127.0.0.1:1");
  });
});
