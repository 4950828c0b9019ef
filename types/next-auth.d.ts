import type { Role } from "@/lib/auth/permissions";

declare module "next-auth" {
  interface Session {
    user: { id: string; firmId: string; email: string; name: string; role: Role; teamIds: string[]; signedInAt?: number; sessionId?: string };
  }
  interface User {
    id: string;
    firmId: string;
    email: string;
    name: string;
    role: Role;
    teamIds: string[];
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId: string;
    firmId: string;
    role: Role;
    teamIds: string[];
    signedInAt?: number;
    sessionId?: string;
  }
}
