import type { Translate } from '../lib/i18n';

interface Props {
  t: Translate;
  /** The tab behind the popup shows a setup page: its own button is the way, not another tab. */
  onSetupPage: boolean;
  onOpenKosmo: () => void;
  onTypeKey: () => void;
}

/** The id of the heading the focus moves to once the vault is created or unlocked with no account. */
export const FIRST_RUN_HEADING = 'first-run-title';

/**
 * The popup with no account yet: the one-click path first (KOSMO Web's setup page and its
 * 「PC Authenticatorに追加」), in two sentences with the button that opens KOSMO Web; typing a key
 * is the second way, for other services.
 */
export function FirstRun({ t, onSetupPage, onOpenKosmo, onTypeKey }: Props) {
  return (
    <section
      className="empty first-run"
      aria-labelledby={FIRST_RUN_HEADING}
      data-testid="first-run"
    >
      <h2 id={FIRST_RUN_HEADING} tabIndex={-1}>
        {t('empty_title')}
      </h2>
      <p>{t(onSetupPage ? 'first_run_setup_page' : 'first_run_kosmo')}</p>
      {!onSetupPage && (
        <button type="button" className="primary" data-testid="open-kosmo" onClick={onOpenKosmo}>
          {t('first_run_open_kosmo')}
        </button>
      )}
      <p className="hint first-run-other">{t('empty_hint')}</p>
      <button type="button" className="small" data-testid="first-run-add" onClick={onTypeKey}>
        {t('first_run_type_key')}
      </button>
    </section>
  );
}
