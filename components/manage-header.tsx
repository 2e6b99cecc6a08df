import type { Translate } from '../lib/i18n';

interface Props {
  t: Translate;
  /** Shown only while the vault is unlocked. */
  onLock?: () => void;
}

/** The manage page's top bar: the icon, the page's name and, when unlocked, the lock button. */
export function ManageHeader({ t, onLock }: Props) {
  return (
    <header className="manage-header">
      <div className="manage-header-inner">
        <img src="/icon/32.png" alt="" width={32} height={32} />
        <h1>{t('manage_title')}</h1>
        {onLock && (
          <button
            type="button"
            className="small"
            data-testid="lock"
            onClick={onLock}
            title={t('lock_hint')}
          >
            {t('lock')}
          </button>
        )}
      </div>
    </header>
  );
}
