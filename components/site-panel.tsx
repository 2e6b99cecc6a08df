import type { Translate } from '../lib/i18n';
import type { PageSite } from '../lib/messaging';

interface Props {
  t: Translate;
  site: PageSite;
  filled: 'filled' | 'nothing' | null;
  /** Whether there is anything to fill: if not, 「このページに入力」 is not the main button. */
  primary: boolean;
  onFill: () => void;
  onEnable: () => void;
  onDisable: () => void;
}

/** The page behind the popup: fill its code, or turn the extension on for it. */
export function SitePanel({ t, site, filled, primary, onFill, onEnable, onDisable }: Props) {
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
      {filled && (
        <p className="hint site-result" role="status">
          {t(filled === 'filled' ? 'fill_done' : 'fill_none')}
        </p>
      )}
    </div>
  );
}
