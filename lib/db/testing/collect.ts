import { PassThrough, type Writable } from "node:stream";

/** Everything an export writer wrote to its sink, for tests that parse the CSV, XLSX or PDF. */
export async function collect(write: (sink: Writable) => Promise<unknown>): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (c: Buffer) => chunks.push(c));
  await write(sink);
  return Buffer.concat(chunks);
}
