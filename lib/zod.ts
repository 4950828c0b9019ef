// zod for the app's own schemas: import { z } from "@/lib/zod", never from "zod" (ESLint says so).
// In the browser zod must not try eval: its fast path compiles parsers with new Function(), which
// the Content-Security-Policy (no 'unsafe-eval') refuses, and even its probe for eval, though
// caught, is reported as a CSP violation. It probes when the first object schema is built, so the
// setting must come before any schema module runs: being their import, it does. The server keeps
// the compiled fast path (the CRS command scores 100,000 profiles).
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
