import { useState } from 'react';
import { closeOnEscape } from '../lib/escape-key';
import type { Translate } from '../lib/i18n';
import type { FailedAccount } from '../lib/vault/account-list';

interface Props {
  t: Translate;
  failed: FailedAccount;
  onDelete: () => void;
}

/**
 * A record that no longer decrypts: said plainly, and removable (after asking) so a damaged entry
 * doesn't stay in the list for ever. Restoring from a backup brings the account back.
 */
export function FailedRecord({ t, failed, onDelete }: Props) {
  const [confirming, setConfirming] = useState(false);
  const name = failed.label ? failed.label.issuer || failed.label.name : null;
  return (
    <div className="error failed-record" data-testid="error">
      <p>
        {name
          ? t('error_record_corrupt_named', [name])
          : t('error_record_corrupt', [`${failed.position}`])}
      </p>
      {confirming ? (
        <div className="row-actions" onKeyDown={closeOnEscape(() => setConfirming(false))}>
          <span>{t('failed_delete_question')}</span>
          <button
            type="button"
            className="danger small"
            data-testid="failed-delete-confirm"
            onClick={onDelete}
          >
            {t('delete_confirm')}
          </button>
          <button type="button" className="small" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="small"
          data-testid="failed-delete"
          onClick={() => setConfirming(true)}
        >
          {t('failed_delete')}
        </button>
      )}
    </div>
  );
}
