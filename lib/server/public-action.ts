import "server-only";
import { toErrorPayload } from "./errors";
import type { ActionResult } from "./action";

/** For the few actions reachable without a session (invitation acceptance): errors mapped alike. */
export async function publicAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    const data = await body();
    return { ok: true, data } as ActionResult<T>;
  } catch (error) {
    return { ok: false, ...toErrorPayload(error).payload };
  }
}
