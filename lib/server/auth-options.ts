import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { authenticate } from "@/lib/db/users/sign-in";
import { createUserSession, endUserSession } from "@/lib/db/users/sessions";
import { RateLimitedError, SecondFactorError } from "@/lib/errors";
import { signInSchema } from "@/lib/users/schemas";


/** The client address as the proxy in front of the app reports it (first hop). */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined> | undefined): string {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return get("x-forwarded-for")?.split(",")[0]?.trim() || get("x-real-ip") || "unknown";
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", error: "/signin" },
  // Secure (and __Secure- prefixed) cookies whenever the app is served over https.
  useSecureCookies: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" }, code: { label: "Authentication code", type: "text" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        try {
          const address = clientAddress(req?.headers);
          const user = await authenticate(parsed.data.email, parsed.data.password, address, new Date(), parsed.data.code);
          if (!user) return null;
          const userAgent = req?.headers?.["user-agent"];
          const sessionId = await createUserSession(user, { userAgent: Array.isArray(userAgent) ? userAgent[0] : userAgent, ip: address });
          return { id: user.userId, firmId: user.firmId, email: user.email, name: user.name, role: user.role, teamIds: user.teamIds, sessionId };
        } catch (error) {
          // next-auth passes a thrown error's message to the sign-in page as ?error=.
          if (error instanceof RateLimitedError) throw new Error("RateLimited");
          if (error instanceof SecondFactorError) throw new Error(error.kind === "required" ? "SecondFactorRequired" : "SecondFactorInvalid");
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.userId = user.id;
        token.firmId = user.firmId;
        token.role = user.role;
        token.teamIds = user.teamIds;
        // The session record (lib/db/users/sessions.ts): revoking it signs this browser out.
        token.sessionId = user.sessionId;
        // When this sign-in happened: a later password reset revokes the session (loadSessionUser).
        token.signedInAt = Date.now();
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        id: token.userId,
        firmId: token.firmId,
        email: token.email ?? "",
        name: token.name ?? "",
        role: token.role,
        teamIds: token.teamIds,
        signedInAt: token.signedInAt,
        sessionId: token.sessionId,
      };
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sessionId) await endUserSession(token.firmId, token.userId, token.sessionId);
    },
  },
};
