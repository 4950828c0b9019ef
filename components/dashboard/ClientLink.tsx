import Link from "next/link";

/** A client's name, linked to their page: the way every dashboard list names a client. */
export function ClientLink({ id, firstName, lastName }: { id: string; firstName: string; lastName: string }) {
  return <Link href={`/clients/${id}`}>{`${firstName} ${lastName}`}</Link>;
}
