import { useMemo, useState } from 'react';
import { EmergencyKit, type KitSection } from '../../components/emergency-kit';
import { KitAccounts } from '../../components/kit-accounts';
import { KitControls, type KitExtras } from '../../components/kit-controls';
import { KitMakeKey } from '../../components/kit-make-key';
import { KitRecoveryCodes } from '../../components/kit-recovery-codes';
import { UnlockForm } from '../../components/unlock-form';
import { t } from '../../lib/browser-i18n';
import { useExport } from '../../lib/hooks/use-export';
import { useQrImages } from '../../lib/hooks/use-qr-images';
import { useRecovery } from '../../lib/hooks/use-recovery';
import { useVault } from '../../lib/hooks/use-vault';
import { errorText } from '../../lib/i18n';
import { kitAccounts, kitRecoveryCodes } from '../../lib/kit-accounts';

/**
 * `emergency-kit.html`: the printable kit. The key comes from the worker, where it waits sealed
 * in the session until written down (`recovery.pending`), or is made here after the master
 * password; it lives only in this page's memory and is never stored in plaintext. Account keys
 * and saved Keycloak recovery codes join the sheet only on request, after the master password.
 */
export function App() {
  const vault = useVault();
  const { status, busy, error } = vault.state;
  const unlocked = status === 'unlocked';
  const recovery = useRecovery(unlocked);
  const exports = useExport();
  const [closed, setClosed] = useState(false);
  const [extras, setExtras] = useState<KitExtras>({ accounts: false, codes: false });
  const view = closed ? null : (recovery.pending ?? null);

  const keyTexts = useMemo(() => (view ? [view.key] : null), [view]);
  const keyQr = useQrImages(keyTexts, 240);
  const accounts = useMemo(() => (exports.data ? kitAccounts(exports.data) : null), [exports.data]);
  const codes = useMemo(
    () => (exports.data ? kitRecoveryCodes(exports.data) : null),
    [exports.data],
  );
  const uris = useMemo(() => accounts?.map((account) => account.uri) ?? null, [accounts]);
  const accountQrs = useQrImages(uris, 150);

  if (status === 'loading') return <main className="kit-main" aria-busy="true" />;
  if (!unlocked) {
    return (
      <main className="kit-main narrow">
        <p className="lead">{t('kit_locked')}</p>
        {status === 'locked' && (
          <UnlockForm
            t={t}
            busy={busy}
            error={error && errorText(t, error)}
            onUnlock={vault.unlock}
          />
        )}
      </main>
    );
  }
  if (closed) {
    return (
      <main className="kit-main narrow">
        <p className="notice" role="status" data-testid="kit-closed">
          {t('kit_closed')}
        </p>
      </main>
    );
  }
  if (!view) {
    return (
      <main className="kit-main narrow" aria-busy={recovery.pending === undefined}>
        {recovery.pending === null && (
          <KitMakeKey
            t={t}
            replaces={!!recovery.info}
            busy={recovery.busy}
            error={recovery.error && errorText(t, recovery.error)}
            onCreate={recovery.create}
          />
        )}
      </main>
    );
  }

  const sections: KitSection[] = [];
  if (accounts && extras.accounts) {
    sections.push({
      id: 'accounts',
      title: t('kit_accounts_title'),
      content: <KitAccounts t={t} accounts={accounts} qrs={accountQrs.images} />,
    });
  }
  if (codes && extras.codes) {
    sections.push({
      id: 'codes',
      title: t('kit_codes_title'),
      content: <KitRecoveryCodes t={t} lists={codes} />,
    });
  }
  const close = () => {
    exports.close();
    setExtras({ accounts: false, codes: false });
  };
  return (
    <main className="kit-main">
      <KitControls
        t={t}
        busy={recovery.busy || exports.busy}
        onPrint={() => window.print()}
        onDone={() => {
          void recovery.confirm().then(() => {
            exports.close();
            setClosed(true);
          });
        }}
        extras={extras}
        onExtras={(next) => (next.accounts || next.codes ? setExtras(next) : close())}
        opened={exports.data !== null}
        error={exports.error && errorText(t, exports.error)}
        onOpen={exports.open}
        onClose={close}
      />
      <EmergencyKit t={t} view={view} qr={keyQr.images?.[0] ?? null} sections={sections} />
    </main>
  );
}
