import { Card } from "@/components/ui";
import type { ClientDetail } from "@/lib/db/clients";
import { recordedTestLabel } from "@/lib/language/recorded-test";
import { Facts } from "./Facts";
import { LanguageTestResults } from "./LanguageTestResults";

/** The client's language test, credential assessment, permit and passport dates. */
export function ClientDocumentsCard({ client }: { client: ClientDetail }) {
  return (
    <Card title="Tests, credentials and documents">
      <Facts
        items={[
          ["Language test", (client.languageTestType || client.languageTestDate) && [recordedTestLabel(client.languageTestType) ?? "Type not recorded", client.languageTestDate].filter(Boolean).join(", ")],
          ["Results", client.languageLevels.length > 0 ? <LanguageTestResults type={client.languageTestType} levels={client.languageLevels} /> : null],
          ["Test valid until", client.languageTestExpiresOn],
          ["ECA", (client.ecaIssuer || client.ecaIssuedOn) && [client.ecaIssuer ?? "Issuer not recorded", client.ecaIssuedOn].filter(Boolean).join(", ")],
          ["ECA valid until", client.ecaExpiresOn],
          ["Work permit expires", client.workPermitExpiresOn],
          ["Passport expires", client.passportExpiresOn],
          ["Canadian work since", client.canadianWorkStartedOn],
        ]}
      />
    </Card>
  );
}
