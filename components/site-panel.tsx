import { accountTitle } from '../lib/account-title';
import type { FillState } from '../lib/hooks/use-page-site';
import type { Translate } from '../lib/i18n';
import type { PageSite } from '../lib/messaging';
import type { AccountView } from '../lib/otp/account-codes';
import { hostOf } from '../lib/site-binding';
import { FillChoices } from './fill-choices';

interface Props {
  t: Translate;
  site: PageSite;
  filled: FillState | null;
  /** Whether there is anything to fill: if not, 「このページに入力」 is not the main button. */
  primary: boolean;
  /** The vault's accounts: the ones offered when nothing bound to the page fits. */
  accounts: AccountView[];
  onFill: () => void;
  onChoose: (account: AccountView) => void;
  onEnable: () => void;
  onDisable: () => void;
}

/** The page behind the popup: fill its code, or turn the extension on for it. */
export function SitePanel(props: Props) {
  const { t, site, filled, primary, onFill, onEnable, onDisable } = props;
  const host = site.origin ? new URL(site.origin).host : '';
  return (
    <div className="site-panel">
      {site.enabled || !site.origin ? (
        <>
          <button
            type="button"
            className={primary ? 'primary small' : 'small'}
            data-testid="fill-page"
            onClick={onFill}
          >
            {t('fill_page')}
          </button>
          <span className="hint site-host">{host}</span>
          {site.origin && !site.kosmo && (
            <button type="button" className="link" data-testid="site-disable" onClick={onDisable}>
              {t('site_disable')}
            </button>
          )}
        </>
      ) : (
        <>
          <span className="hint site-host">{host}</span>
          <button type="button" className="small" data-testid="site-enable" onClick={onEnable}>
            {t('site_enable')}
          </button>
        </>
      )}
      {site.setup && (
        <p className="hint site-result" data-testid="site-setup-hint">
          {t('site_setup_hint')}
        </p>
      )}
      {filled && <FillResult {...props} filled={filled} />}
    </div>
  );
}

/** What 「このページに入力」 did: filled, nothing, a choice to make, or the chosen account bound. */
function FillResult({ t, filled, accounts, onChoose }: Props & { filled: FillState }) {
  if (typeof filled === 'object' && 'choose' in filled) {
    const { ids, origin, user } = filled.choose;
    const offered = ids.flatMap((id) => accounts.filter((a) => a.id === id));
    return <FillChoices t={t} accounts={offered} origin={origin} user={user} onChoose={onChoose} />;
  }
  let text = t(filled === 'filled' ? 'fill_done' : 'fill_none');
  if (typeof filled === 'object') {
    const account = accounts.find((a) => a.id === filled.bound.id);
    text = t('fill_bound', [account ? accountTitle(account) : '', hostOf(filled.bound.origin)]);
  }
  return (
    <p className="hint site-result" role="status" data-testid="fill-result">
      {text}
    </p>
  );
}
