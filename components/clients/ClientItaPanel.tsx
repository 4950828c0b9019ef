import Link from "next/link";
import type { ComponentProps } from "react";
import { Card } from "@/components/ui";
import { allowedItaActions } from "@/lib/clients/ita-transitions";
import type { ClientDetail } from "@/lib/db/clients";
import { ClientItaForm } from "./ClientItaForm";
import { Facts } from "./Facts";

/**
 * The client's invitation and application dates, and the form for the application's next step when
 * the viewer may write (the page passes the server action only then).
 */
export function ClientItaPanel({ client, today, transitionAction }: { client: ClientDetail; today: string; transitionAction?: ComponentProps<typeof ClientItaForm>["action"] }) {
  return (
    <Card title="Invitation and application" description="60 calendar days from the ITA to submit a complete application (dates in the firm's time zone).">
      <Facts
        items={[
          ["Round", client.itaRound && <Link href={`/draws/${encodeURIComponent(client.itaRound)}`}>#{client.itaRound}</Link>],
          ["ITA date", client.itaDate],
          ["Application due", client.applicationDueOn],
          ["Application submitted", client.applicationSubmittedOn],
          ["Decision", client.decisionOn],
        ]}
      />
      {transitionAction && allowedItaActions(client.status).length > 0 && (
        <ClientItaForm
          action={transitionAction}
          clientId={client.id}
          allowed={allowedItaActions(client.status)}
          profileStillValid={client.profileExpiresOn != null && client.profileExpiresOn >= today}
          today={today}
        />
      )}
    </Card>
  );
}
