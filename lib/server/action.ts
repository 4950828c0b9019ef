import "server-only";
import type { Permission } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/scope";
import { ForbiddenError } from "@/lib/errors";
import type { z } from "zod";
import { toErrorPayload, type ErrorPayload } from "./errors";
import { currentViewer, type Viewer } from "./session";

export type ActionResult<T = undefined> = ({ ok: true; message?: string } & (T extends undefined ? object : { data: T })) | ({ ok: false } & ErrorPayload);

/**
 * Wraps a server action: resolves the session to a scope, checks the permission on the server,
 * parses the input with the shared zod schema, and turns typed errors into a result the form
 * can show. Server actions are public endpoints, so none of this may be left to the UI.
 */
export function authedAction<S extends z.ZodType, T>(
  options: { permission?: Permission; schema: S; /** Open to someone who must still enrol in two-factor (the enrolment itself). */ beforeTwoFactor?: boolean },
  body: (viewer: Viewer, input: z.infer<S>) => Promise<T>,
) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const viewer = await currentViewer();
      if (!viewer) return { ok: false, error: "Your session has ended. Please sign in again." };
      if (viewer.mustEnrolTwoFactor && !options.beforeTwoFactor) throw new ForbiddenError("Your firm requires two-factor sign-in: set it up first.");
      if (options.permission && !can(viewer.scope, options.permission)) throw new ForbiddenError();
      const input = options.schema.parse(raw);
      const data = await body(viewer, input);
      return { ok: true, data } as ActionResult<T>;
    } catch (error) {
      return { ok: false, ...toErrorPayload(error).payload };
    }
  };
}

/** FormData to a plain object; repeated keys (multi-selects) become arrays. */
export function formDataToObject(form: FormData, arrayKeys: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = arrayKeys.includes(key) ? values : values[0];
  }
  for (const key of arrayKeys) out[key] ??= [];
  return out;
}
