import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/ActionForm";
import { ConfirmTwoFactorForm } from "@/components/settings/ConfirmTwoFactorForm";
import { SessionsTable } from "@/components/settings/SessionsTable";
import { Alert, Card, PageHeader, TextField } from "@/components/ui";
import { totpQrDataUrl } from "@/lib/auth/totp-qr";
import { formatInstant } from "@/lib/dates/format-instant";
import { getFirm } from "@/lib/db/firms";
import { getTwoFactorStatus } from "@/lib/db/users/two-factor";
import { listOwnSessions } from "@/lib/db/users/sessions";
import { requireViewer } from "@/lib/server/session";
import { confirmTwoFactorAction, disableTwoFactorAction, revokeSessionAction, startTwoFactorAction } from "./actions";

export const metadata: Metadata = { title: "Sign-in security" };

export default async function SecurityPage() {
  const viewer = await requireViewer(undefined, { beforeTwoFactor: true });
  const [status, sessions, firm] = await Promise.all([getTwoFactorStatus(viewer.scope), listOwnSessions(viewer.scope), getFirm(viewer.scope)]);
  const qr = status.pending ? await totpQrDataUrl(status.pending.uri) : null;
  return (
    <div className="stack-lg">
      <PageHeader title="Sign-in security" description="Two-factor sign-in and the browsers signed in to your account." />
      {viewer.mustEnrolTwoFactor && (
        <Alert tone="warning" title="Set up two-factor sign-in to continue">
          {firm.name} requires two-factor sign-in for owners and admins. The rest of DrawDesk opens once it is on.
        </Alert>
      )}

      <Card>
        <h2>Two-factor sign-in</h2>
        {status.enabled ? (
          <div className="stack">
            <p>
              On since {formatInstant(status.enabledAt!, firm.timeZone)}. You have {status.recoveryCodesLeft} unused recovery code{status.recoveryCodesLeft === 1 ? "" : "s"}.
            </p>
            {status.requiredByFirm ? (
              <p className="muted">Your firm requires two-factor sign-in for your role, so it cannot be turned off.</p>
            ) : (
              <ActionForm action={disableTwoFactorAction} submitLabel="Turn off two-factor sign-in" submitVariant="danger" aria-label="Turn off two-factor sign-in" errorTitle="Could not turn it off">
                <TextField label="Your password" name="password" type="password" autoComplete="current-password" required />
                <TextField label="Current code (or a recovery code)" name="code" autoComplete="one-time-code" required />
              </ActionForm>
            )}
          </div>
        ) : status.pending && qr ? (
          <div className="stack">
            <p>Scan this QR code with an authenticator app (1Password, Google Authenticator, Microsoft Authenticator…), or type the key below into it.</p>
            {/* A data: URL image: allowed by the CSP, drawn on the server. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={qr} width={200} height={200} alt={`QR code for DrawDesk, account ${viewer.email}`} />
            <TextField label="Key for manual entry" name="secret" value={status.pending.secret} readOnly hint="Time-based, 6 digits, every 30 seconds." />
            <ConfirmTwoFactorForm action={confirmTwoFactorAction} />
          </div>
        ) : (
          <ActionForm action={startTwoFactorAction} submitLabel="Set up two-factor sign-in" pendingLabel="Preparing…" aria-label="Set up two-factor sign-in" errorTitle="Could not start">
            <p>After your password, DrawDesk will also ask for a code from an authenticator app on your phone.</p>
          </ActionForm>
        )}
      </Card>

      <Card>
        <h2>Where you are signed in</h2>
        <SessionsTable sessions={sessions} action={revokeSessionAction} timeZone={firm.timeZone} caption="Your active sessions" currentSessionId={viewer.sessionId} />
      </Card>
    </div>
  );
}
