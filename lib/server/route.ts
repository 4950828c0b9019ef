import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { Permission } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/scope";
import { ForbiddenError } from "@/lib/errors";
import { toErrorPayload } from "./errors";
import { currentViewer, type Viewer } from "./session";

type Handler<C> = (req: NextRequest, viewer: Viewer, context: C) => Promise<Response>;

/** Wraps a route handler: 401 without a session, permission checked, typed errors mapped. */
export function authedRoute<C = unknown>(options: { permission?: Permission }, handler: Handler<C>) {
  return async (req: NextRequest, context: C): Promise<Response> => {
    try {
      const viewer = await currentViewer();
      if (!viewer) return NextResponse.json({ error: "Sign in to continue." }, { status: 401 });
      if (viewer.mustEnrolTwoFactor) throw new ForbiddenError("Your firm requires two-factor sign-in: set it up first.");
      if (options.permission && !can(viewer.scope, options.permission)) throw new ForbiddenError();
      return await handler(req, viewer, context);
    } catch (error) {
      const { status, payload } = toErrorPayload(error);
      return NextResponse.json(payload, { status });
    }
  };
}
