import { useState, type FormEvent } from 'react';
import type { Translate } from '../lib/i18n';
import { ErrorMessage } from './error-message';

interface Props {
  t: Translate;
  busy: boolean;
  /** Shown open when the vault has no recovery key at all. */
  open: boolean;
  /** Resolves to the error to show, or null once everything is deleted. */
  onWipe: (confirmation: string, restore: boolean) => Promise<string | null>;
}

/**
 * Without the password or the recovery key nothing can be opened: say so, and offer the two
 * ways to start again — from a backup file, or from nothing — each after the typed word, with
 * what is lost. The only way to delete while locked.
 */
export function NoRecoveryKey({ t, busy, open, onWipe }: Props) {
  const [restore, setRestore] = useState<boolean | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const word = t('wipe_word');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (restore === null) return;
    setError(await onWipe(typed, restore));
  };
  const choose = (value: boolean | null) => {
    setRestore(value);
    setTyped('');
    setError(null);
  };

  const confirmForm = (
    <form className="panel-form danger-zone" onSubmit={(event) => void submit(event)}>
      <label>
        {t('forgot_wipe_prompt', [word])}
        <input
          data-testid="forgot-wipe-confirmation"
          value={typed}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setTyped(e.target.value)}
          autoFocus
        />
      </label>
      <ErrorMessage text={error} />
      <div className="recovery-actions">
        <button type="submit" className="danger" data-testid="forgot-wipe-submit" disabled={busy}>
          {busy ? t('working') : t(restore ? 'forgot_restore_submit' : 'forgot_wipe_submit')}
        </button>
        <button type="button" onClick={() => choose(null)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );

  return (
    <details className="no-recovery-key" open={open}>
      <summary data-testid="forgot-without">{t('forgot_without_title')}</summary>
      <p className="hint">{t('forgot_without_intro')}</p>
      <h2>{t('forgot_restore_title')}</h2>
      <p className="hint">{t('forgot_restore_text')}</p>
      {restore !== true && (
        <button
          type="button"
          className="small"
          data-testid="forgot-restore"
          onClick={() => choose(true)}
        >
          {t('forgot_restore_start')}
        </button>
      )}
      {restore === true && confirmForm}
      <h2>{t('forgot_wipe_title')}</h2>
      <p className="hint">{t('forgot_wipe_text')}</p>
      {restore !== false && (
        <button
          type="button"
          className="small"
          data-testid="forgot-start-over"
          onClick={() => choose(false)}
        >
          {t('forgot_wipe_start')}
        </button>
      )}
      {restore === false && confirmForm}
    </details>
  );
}
