import { Card } from "@/components/ui";
import type { ClientDetail } from "@/lib/db/clients";
import { formatInstant } from "@/lib/dates";
import { DRAW_KIND_LABELS, type DrawKind } from "@/lib/draws/kinds";
import { Facts } from "./Facts";

/** The client's contact, assignment, Express Entry profile, programs and categories. */
export function ClientProfileCard({ client }: { client: ClientDetail }) {
  const at = (iso: string | null, seconds = false) => (iso ? formatInstant(iso, client.timeZone, { seconds }) : null);
  return (
    <Card title="Profile">
      <Facts
        items={[
          ["Email", client.email],
          ["Phone", client.phone],
          ["Date of birth", client.dateOfBirth],
          ["Citizenship", client.citizenship],
          ["Team", client.teamName],
          ["Consultant", client.consultantName],
          ["Profile number", client.profileNumber && <span className="mono">{client.profileNumber}</span>],
          ["Submitted", at(client.profileSubmittedAt, true)],
          ["Profile expires", client.profileExpiresOn && `${client.profileExpiresOn}${client.profileExpiryOverride ? " (override)" : ""}`],
          ["ITA received", at(client.invitedAt, true)],
          ["Programs", client.programs.join(", ")],
          ["Nomination", client.nominationProvince && `${client.nominationProvince}${client.nominatedOn ? `, ${client.nominatedOn}` : ""}`],
          ["Categories", client.categories.map((c) => (c in DRAW_KIND_LABELS ? DRAW_KIND_LABELS[c as DrawKind] : c)).join(", ")],
        ]}
      />
    </Card>
  );
}
