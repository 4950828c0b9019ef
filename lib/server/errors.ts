import "server-only";
import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { AppError, ConflictError, DatabaseUnavailableError, ForbiddenError, InvalidInputError, NotFoundError, RateLimitedError } from "@/lib/errors";

export interface ErrorPayload {
  error: string;
  fieldErrors?: Record<string, string>;
}

function zodFieldErrors(error: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

/** One place that turns errors into what users see: words, a status, never a stack or SQL. */
export function toErrorPayload(error: unknown): { status: number; payload: ErrorPayload } {
  if (error instanceof ZodError) return { status: 400, payload: { error: "Please correct the highlighted fields.", fieldErrors: zodFieldErrors(error) } };
  if (error instanceof InvalidInputError) {
    const fieldErrors = Object.fromEntries(error.issues.map((i) => [i.path, i.message]));
    return { status: 400, payload: { error: error.message, ...(error.issues.length ? { fieldErrors } : {}) } };
  }
  if (error instanceof NotFoundError) return { status: 404, payload: { error: error.message } };
  if (error instanceof ForbiddenError) return { status: 403, payload: { error: error.message } };
  if (error instanceof ConflictError) return { status: 409, payload: { error: error.message } };
  if (error instanceof RateLimitedError) return { status: 429, payload: { error: error.message } };
  if (error instanceof DatabaseUnavailableError || isDatabaseUnavailable(error)) {
    // One line, not a stack per request: an outage fails every request the same way.
    console.error(`database unavailable: ${(error as Error).message.trim().split("\n").pop()}`);
    return { status: 503, payload: { error: new DatabaseUnavailableError().message } };
  }
  if (error instanceof AppError) return { status: 400, payload: { error: error.message } };
  console.error(error);
  return { status: 500, payload: { error: "Something went wrong on our side. Please try again; if it keeps happening, contact support." } };
}
