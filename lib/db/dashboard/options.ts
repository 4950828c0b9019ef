import "server-only";
import { InvalidInputError } from "@/lib/errors";

/** The options every dashboard widget takes. */
export interface DashboardOptions {
  /** Only this team (the admin's team filter); intersected with the scope, never widening it. */
  teamId?: string;
  /** Rows per list (per kind, per band). */
  limit?: number;
  /** The clock, for tests: "today" is its date in the firm's zone. */
  now?: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function checkOptions(options: DashboardOptions): { teamId: string | null; limit: number } {
  if (options.teamId !== undefined && !UUID.test(options.teamId)) {
    throw new InvalidInputError("Unknown team.", [{ path: "teamId", message: "Not a valid id." }]);
  }
  const limit = options.limit ?? 25;
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= 500)) {
    throw new InvalidInputError("The list length must be from 1 to 500.", [{ path: "limit", message: "From 1 to 500." }]);
  }
  return { teamId: options.teamId ?? null, limit };
}

/** SQL list of code constants (statuses, kinds): never user input. */
export const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(",");
