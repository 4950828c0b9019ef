/**
 * The few typed errors the app raises, converted to responses and messages in one place at the
 * boundary (lib/server/). Messages are written for users: no stack traces, no SQL.
 */
export class AppError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The record does not exist, or exists outside the caller's scope: the two are not told apart. */
export class NotFoundError extends AppError {
  constructor(what = "Record") {
    super(`${what} not found.`);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You do not have permission to do that.") {
    super(message);
  }
}

export class ConflictError extends AppError {}

export interface FieldIssue {
  path: string;
  message: string;
}

export class InvalidInputError extends AppError {
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("Too many attempts. Please wait a few minutes and try again.");
  }
}

/**
 * The password was right but the account has two-factor on: "required" asks for the code,
 * "invalid" means the code (or recovery code) was wrong, already used, or replayed.
 */
export class SecondFactorError extends AppError {
  constructor(readonly kind: "required" | "invalid") {
    super(kind === "required" ? "Enter the code from your authenticator app." : "The code is incorrect or was already used.");
  }
}

/** PostgreSQL cannot be reached (stopped, restarting, out of connections): retrying later helps. */
export class DatabaseUnavailableError extends AppError {
  constructor() {
    super("The database is unavailable right now. Please try again in a moment.");
  }
}
