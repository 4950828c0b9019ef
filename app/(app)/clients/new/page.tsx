import type { Metadata } from "next";
import Link from "next/link";
import { ClientForm } from "@/components/clients/ClientForm";
import type { ClientFormValues } from "@/components/clients/client-form-data";
import { PageHeader } from "@/components/ui";
import { seesAllTeams } from "@/lib/auth/scope";
import { todayIn } from "@/lib/dates";
import { createdCategoryKinds } from "@/lib/db/draws/kinds";
import { getFirm, listTeams } from "@/lib/db/firms";
import { listConsultants } from "@/lib/db/users";
import { requireViewer } from "@/lib/server/session";
import { createClientAction } from "./actions";

export const metadata: Metadata = { title: "New client" };

export default async function NewClientPage() {
  const viewer = await requireViewer("clients.write");
  const [teams, consultants, firm] = await Promise.all([listTeams(viewer.scope), listConsultants(viewer.scope), getFirm(viewer.scope)]);
  const myTeams = (seesAllTeams(viewer.scope) ? teams : teams.filter((t) => viewer.scope.teamIds.includes(t.id))).map((t) => ({ id: t.id, name: t.name }));
  const values: ClientFormValues = {
    firstName: "",
    lastName: "",
    email: null,
    phone: null,
    dateOfBirth: null,
    citizenship: null,
    teamId: myTeams.length === 1 ? myTeams[0].id : "",
    consultantId: consultants.some((c) => c.id === viewer.userId) ? viewer.userId : null,
    status: "profile_active",
    profileNumber: null,
    profileSubmittedAt: null,
    profileExpiresOn: null,
    programs: [],
    nominationProvince: null,
    nominatedOn: null,
    categories: [],
    crsFactors: null,
    manualCrs: null,
    manualCrsReason: null,
    invitedAt: null,
    canadianWorkStartedOn: null,
    languageTestType: null,
    languageTestDate: null,
    languageResults: null,
    ecaIssuer: null,
    ecaIssuedOn: null,
    workPermitExpiresOn: null,
    passportExpiresOn: null,
    notes: null,
  };
  return (
    <div className="stack">
      <PageHeader eyebrow={<Link href="/clients">Clients</Link>} title="New client" description="Fields marked * are required. The CRS updates as you fill in the factors." />
      <ClientForm
        action={createClientAction}
        values={values}
        teams={myTeams}
        consultants={consultants.map((c) => ({ id: c.id, name: c.name }))}
        firmTimeZone={firm.timeZone}
        today={todayIn(firm.timeZone, new Date())}
        submitLabel="Create client"
        createdCategories={await createdCategoryKinds()}
        cancelHref="/clients"
      />
    </div>
  );
}
