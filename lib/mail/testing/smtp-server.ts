import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server for tests (smtp-server on a free local port), keeping every message it
 * accepted, parsed by mailparser. `mode` decides what it does with the next messages:
 * accept, refuse the recipient (451, temporary), refuse the data (554), or drop the
 * connection in the middle of the DATA phase.
 */
export type SmtpMode = "accept" | "refuse-recipient" | "refuse-data" | "drop";

export interface TestSmtpServer {
  url: string;
  messages: ParsedMail[];
  mode: SmtpMode;
  /** Milliseconds to wait before answering DATA, to keep two senders in flight together. */
  dataDelayMs: number;
  /** Resolves once `count` messages have been accepted (or rejects after `timeoutMs`). */
  waitForMessages(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = [];
  const state: { mode: SmtpMode; dataDelayMs: number } = { mode: "accept", dataDelayMs: 0 };
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    // No TLS in tests: nodemailer would otherwise upgrade and refuse the self-signed certificate.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.mode === "refuse-recipient") {
        callback(Object.assign(new Error("Mailbox temporarily unavailable"), { responseCode: 451 }));
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        setTimeout(() => {
          if (state.mode === "drop") {
            // Cut every open connection before answering: the client never hears "250 OK".
            const connections = (server as unknown as { connections: Set<{ _socket: { destroy(): void } }> }).connections;
            for (const connection of connections) connection._socket.destroy();
            return;
          }
          if (state.mode === "refuse-data") {
            callback(Object.assign(new Error("Message refused"), { responseCode: 554 }));
            return;
          }
          simpleParser(Buffer.concat(chunks)).then((parsed) => {
            messages.push(parsed);
            callback();
          }, callback);
        }, state.dataDelayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    get mode() {
      return state.mode;
    },
    set mode(mode: SmtpMode) {
      state.mode = mode;
    },
    get dataDelayMs() {
      return state.dataDelayMs;
    },
    set dataDelayMs(ms: number) {
      state.dataDelayMs = ms;
    },
    async waitForMessages(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, the SMTP server got ${messages.length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return messages;
    },
    close() {
      const connections = (server as unknown as { connections: Set<{ _socket: { destroy(): void } }> }).connections;
      for (const connection of connections) connection._socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
