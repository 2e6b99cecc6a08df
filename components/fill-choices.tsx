import type { Translate } from '../lib/i18n';
import type { AccountView } from '../lib/otp/account-codes';
import { hostOf } from '../lib/site-binding';

interface Props {
  t: Translate;
  /** The accounts offered, best first (the worker's order). */
  accounts: AccountView[];
  origin: string;
  /** The page's user, when it named one: the chosen account becomes theirs. */
  user: string | null;
  onChoose: (account: AccountView) => void;
}

/**
 * 「このページに入力」 on a page no account is bound to (or none of its user's): the user picks the
 * account to use there; it is bound to the page and filled, and fills by itself from then on.
 */
export function FillChoices({ t, accounts, origin, user, onChoose }: Props) {
  const host = hostOf(origin);
  return (
    <div className="fill-choices" role="group" aria-labelledby="fill-choices-title">
      <p id="fill-choices-title">
        {user ? t('fill_choose_user', [user, host]) : t('fill_choose', [host])}
      </p>
      <ul>
        {accounts.map((account) => (
          <li key={account.id}>
            <button type="button" data-testid="fill-choice" onClick={() => onChoose(account)}>
              <span className="choice-issuer">{account.issuer || account.name}</span>
              {account.issuer && <span className="choice-name">{account.name}</span>}
            </button>
          </li>
        ))}
      </ul>
      <p className="hint">{t('fill_choose_hint')}</p>
    </div>
  );
}
