import type { Translate } from '../lib/i18n';
import type { KitRecoveryCodes as Codes } from '../lib/kit-accounts';

interface Props {
  t: Translate;
  lists: readonly Codes[];
}

/**
 * The kit's optional part: each account's unused Keycloak recovery codes, numbered as the site
 * asks for them, under a plain warning. Says so when no account has any.
 */
export function KitRecoveryCodes({ t, lists }: Props) {
  if (lists.length === 0) {
    return (
      <p className="kit-small" data-testid="kit-codes-none">
        {t('kit_codes_none')}
      </p>
    );
  }
  return (
    <>
      <p className="kit-warning">{t('kit_codes_warning')}</p>
      {lists.map((list) => (
        <div key={list.title} className="kit-codes" data-testid="kit-codes-account">
          <p className="kit-account-title">{list.title}</p>
          <ol className="kit-code-list" aria-label={t('recovery_list_label', [list.title])}>
            {list.codes.map(({ number, text }) => (
              <li key={number} data-testid="kit-code">
                <span className="kit-code-number">#{number}</span>
                <span className="mono">{text}</span>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </>
  );
}
