import type { Translate } from '../lib/i18n';

interface Props {
  t: Translate;
  onAdd: () => void;
  onLock: () => void;
}

export function PopupHeader({ t, onAdd, onLock }: Props) {
  return (
    <header className="bar">
      <span className="brand">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        PC Authenticator
      </span>
      <button type="button" className="small" data-testid="add-account" onClick={onAdd}>
        ＋ {t('add_short')}
      </button>
      <button
        type="button"
        className="small"
        data-testid="lock"
        onClick={onLock}
        title={t('lock_hint')}
      >
        {t('lock')}
      </button>
    </header>
  );
}
