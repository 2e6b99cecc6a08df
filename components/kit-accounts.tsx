import type { Translate } from '../lib/i18n';
import type { KitAccount } from '../lib/kit-accounts';

interface Props {
  t: Translate;
  accounts: readonly KitAccount[];
  /** Each account's QR code as a `data:` URL, once drawn. */
  qrs: readonly string[] | null;
}

/** The kit's optional part: each account's key and QR code, under a plain warning. */
export function KitAccounts({ t, accounts, qrs }: Props) {
  return (
    <>
      <p className="kit-warning">{t('kit_accounts_warning')}</p>
      <ul className="kit-accounts">
        {accounts.map((account, i) => (
          <li key={account.uri} className="kit-account" data-testid="kit-account">
            <div>
              <p className="kit-account-title">{account.title}</p>
              <p className="kit-small">{t('kit_accounts_key')}</p>
              <p className="mono kit-account-key">{account.key}</p>
            </div>
            {qrs?.[i] && <img src={qrs[i]} alt={account.title} data-testid="kit-account-qr" />}
          </li>
        ))}
      </ul>
    </>
  );
}
