import { ConflictError } from "@/lib/errors";

/** A duplicate profile number or email among the firm's live clients; `field` names which. */
export class DuplicateClientError extends ConflictError {
  constructor(readonly field: "profileNumber" | "email") {
    super(
      field === "profileNumber"
        ? "Another client of your firm already has this Express Entry profile number."
        : "Another client of your firm already has this email address.",
    );
  }
}
