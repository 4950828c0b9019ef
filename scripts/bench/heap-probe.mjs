// Loaded into `next start` by bench:load (node --expose-gc --import): on SIGUSR2 the process
// collects all garbage and writes its memory to BENCH_HEAP_DIR/heap-<pid>.json, so the load test
// compares what stays alive before and after the load rather than what V8 has not collected yet.
// A file heap-<pid>.ready says the handler is installed (SIGUSR2 would end a process without it).
import fs from "node:fs";
import path from "node:path";

const dir = process.env.BENCH_HEAP_DIR;
if (dir && typeof globalThis.gc === "function") {
  process.on("SIGUSR2", () => {
    globalThis.gc();
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
    const file = path.join(dir, `heap-${process.pid}.json`);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ pid: process.pid, rss, heapUsed, external, arrayBuffers }));
    fs.renameSync(`${file}.tmp`, file);
  });
  fs.writeFileSync(path.join(dir, `heap-${process.pid}.ready`), "");
}
