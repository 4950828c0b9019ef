import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/db/users/sign-in";
import { RateLimitedError } from "@/lib/errors";
import { signInSchema } from "@/lib/users/schemas";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

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
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        try {
          const user = await authenticate(parsed.data.email, parsed.data.password, clientAddress(req?.headers));
          return user ? { id: user.userId, firmId: user.firmId, email: user.email, name: user.name, role: user.role, teamIds: user.teamIds } : null;
        } catch (error) {
          // next-auth passes a thrown error's message to the sign-in page as ?error=.
          if (error instanceof RateLimitedError) throw new Error("RateLimited");
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
      };
      return session;
    },
  },
};
