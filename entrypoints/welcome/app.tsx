import { PasswordSetup } from '../../components/password-setup';
import { SyncJoin } from '../../components/sync-join';
import { WelcomeSteps } from '../../components/welcome-steps';
import { t } from '../../lib/browser-i18n';
import { openEmergencyKit } from '../../lib/hooks/use-recovery';
import { useVault } from '../../lib/hooks/use-vault';
import { errorText } from '../../lib/i18n';
import { KOSMO_WEB_URL } from '../../lib/kosmo';

/** The tab a fresh install opens: the popup's own password form, then the next steps. */
export function App() {
  const vault = useVault();
  const { status, busy, error } = vault.state;
  return (
    <WelcomeSteps
      t={t}
      status={status}
      kosmoUrl={KOSMO_WEB_URL}
      onKit={openEmergencyKit}
      passwordForm={
        // A PC that finds synced accounts opens them rather than making a second vault.
        <SyncJoin t={t} onJoined={vault.refresh}>
          <PasswordSetup
            t={t}
            busy={busy}
            error={error ? errorText(t, error) : null}
            onCreate={(password) => void vault.create(password)}
          />
        </SyncJoin>
      }
    />
  );
}
