import type { Metadata } from "next";
import Link from "next/link";
import { ClientForm } from "@/components/clients/ClientForm";
import type { ClientFormValues } from "@/components/clients/client-form-data";
import { PageHeader } from "@/components/ui";
import { seesAllTeams } from "@/lib/auth/scope";
import { formatInstant, todayIn } from "@/lib/dates";
import { createdCategoryKinds } from "@/lib/db/draws/kinds";
import type { ClientDetail } from "@/lib/db/clients";
import { listTeams } from "@/lib/db/firms";
import { listConsultants } from "@/lib/db/users";
import { requireViewer } from "@/lib/server/session";
import { clientOr404 } from "../../load-client";
import { updateClientAction } from "./actions";

export const metadata: Metadata = { title: "Edit client" };

function formValues(c: ClientDetail): ClientFormValues {
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    phone: c.phone,
    dateOfBirth: c.dateOfBirth,
    citizenship: c.citizenship,
    teamId: c.teamId,
    consultantId: c.consultantId,
    status: c.status,
    profileNumber: c.profileNumber,
    profileSubmittedAt: c.profileSubmittedAt,
    profileExpiresOn: c.profileExpiryOverride ? c.profileExpiresOn : null,
    programs: c.programs,
    nominationProvince: c.nominationProvince,
    nominatedOn: c.nominatedOn,
    categories: c.categories,
    crsFactors: c.crsFactors,
    manualCrs: c.crsFactors ? null : c.crs,
    manualCrsReason: c.crsFactors ? null : (c.crsReason ?? (c.crsSource === "import" ? "Imported from CSV" : null)),
    invitedAt: c.invitedAt,
    canadianWorkStartedOn: c.canadianWorkStartedOn,
    languageTestType: c.languageTestType,
    languageTestDate: c.languageTestDate,
    languageResults: c.languageResults,
    ecaIssuer: c.ecaIssuer,
    ecaIssuedOn: c.ecaIssuedOn,
    workPermitExpiresOn: c.workPermitExpiresOn,
    passportExpiresOn: c.passportExpiresOn,
    notes: c.notes,
  };
}

export default async function EditClientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer("clients.write");
  const client = await clientOr404(viewer.scope, id);
  const [teams, consultants] = await Promise.all([listTeams(viewer.scope), listConsultants(viewer.scope)]);
  const myTeams = (seesAllTeams(viewer.scope) ? teams : teams.filter((t) => viewer.scope.teamIds.includes(t.id))).map((t) => ({ id: t.id, name: t.name }));
  const name = `${client.firstName} ${client.lastName}`;
  return (
    <div className="stack">
      <PageHeader
        eyebrow={
          <>
            <Link href="/clients">Clients</Link> / <Link href={`/clients/${client.id}`}>{name}</Link>
          </>
        }
        title={`Edit ${name}`}
        description={`Version ${client.version}, last changed ${formatInstant(client.updatedAt, client.timeZone)}${client.updatedByName ? ` by ${client.updatedByName}` : ""}.`}
      />
      <ClientForm
        action={updateClientAction}
        values={formValues(client)}
        teams={myTeams}
        consultants={consultants.map((c) => ({ id: c.id, name: c.name }))}
        firmTimeZone={client.timeZone}
        today={todayIn(client.timeZone, new Date())}
        submitLabel="Save changes"
        createdCategories={await createdCategoryKinds()}
        cancelHref={`/clients/${client.id}`}
        clientId={client.id}
        version={client.version}
      />
    </div>
  );
}
