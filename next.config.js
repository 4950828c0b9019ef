// @ts-check

// Static security headers for every route. Content-Security-Policy is not here: it carries a
// per-request nonce and is set by proxy.ts.
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  // pg, @node-rs/argon2 and @prisma/client are external by default. pdfkit reads its font metrics
  // from files next to its own code and exceljs pulls in optional Node-only modules: both must be
  // loaded from node_modules at run time rather than bundled.
  // fontkit (pdfkit's font engine, also used to pick fallback fonts) likewise.
  serverExternalPackages: ["@prisma/adapter-pg", "pdfkit", "fontkit", "exceljs"],
  // IRCC's full rounds feed is ~0.7 MB and grows with every draw; uploads go through a server
  // action, whose default body limit is 1 MB.
  experimental: { serverActions: { bodySizeLimit: "8mb" } },
  async headers() {
    /** @type {import("next/dist/lib/load-custom-routes").Header[]} */
    const rules = [{ source: "/:path*", headers: securityHeaders }];
    if (process.env.NODE_ENV === "production") {
      // HSTS only where the request reached a TLS-terminating proxy (it sets X-Forwarded-Proto):
      // sent over plain http://localhost it would be ignored by browsers anyway (RFC 6797 §8.1),
      // and a local http run stays reachable. Behind HTTPS every response carries it.
      rules.push({
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }],
      });
    }
    return rules;
  },
};

module.exports = nextConfig;
