import { closeOnEscape } from '../lib/escape-key';
import type { Translate } from '../lib/i18n';

interface Props {
  t: Translate;
  title: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Deleting loses the account for good, so it asks once, in words; Esc is 「キャンセル」. */
export function ConfirmDelete({ t, title, onConfirm, onCancel }: Props) {
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-label={t('delete_title', [title])}
      onKeyDown={closeOnEscape(onCancel)}
    >
      <p>{t('delete_question', [title])}</p>
      <p className="hint">{t('delete_warning')}</p>
      <div className="row-actions">
        <button type="button" className="danger" data-testid="delete-confirm" onClick={onConfirm}>
          {t('delete_confirm')}
        </button>
        <button type="button" onClick={onCancel} autoFocus>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
