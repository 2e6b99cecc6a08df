import type { Translate } from '../lib/i18n';

interface Props {
  t: Translate;
  onAdd: () => void;
  onLock: () => void;
  /** When the vault locks by itself (autoLockNote), told beside 「ロック」. */
  lockNote?: string;
}

/** The unlocked popup's bar: the product's name (the page's heading), 「＋ 追加」 and 「ロック」. */
export function PopupHeader({ t, onAdd, onLock, lockNote }: Props) {
  return (
    <header className="bar">
      <h1 className="brand">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        PC Authenticator
      </h1>
      <button type="button" className="small" data-testid="add-account" onClick={onAdd}>
        ＋ {t('add_short')}
      </button>
      <button
        type="button"
        className="small"
        data-testid="lock"
        onClick={onLock}
        title={lockNote ? `${t('lock_hint')}\n${lockNote}` : t('lock_hint')}
      >
        {t('lock')}
      </button>
    </header>
  );
}
