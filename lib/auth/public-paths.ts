// Reachable without a session: sign-in, invitation acceptance, password reset, next-auth's own
// endpoints and the health check. Everything else needs one (proxy.ts). The e2e page sweep reads it too, to
// visit these pages signed out.
const PUBLIC_PATHS = [/^\/signin$/, /^\/invite\/[^/]+$/, /^\/forgot-password$/, /^\/reset-password\/[^/]+$/, /^\/api\/auth\//, /^\/api\/health$/];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((p) => p.test(pathname));
}
