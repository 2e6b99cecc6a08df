import { useState, type FormEvent } from 'react';
import type { Translate } from '../lib/i18n';
import { ErrorMessage } from './error-message';

interface Props {
  t: Translate;
  busy: boolean;
  /** Resolves to the error to show, or null once everything is gone. */
  onWipe: (confirmation: string, password: string) => Promise<string | null>;
}

/** 「すべて削除」: a warning to back up first, then the master password and the word typed by hand. */
export function WipeForm({ t, busy, onWipe }: Props) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const word = t('wipe_word');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const failed = await onWipe(typed, password);
    setPassword('');
    setError(failed);
  };

  return (
    <form className="subsection danger-zone" onSubmit={(event) => void submit(event)}>
      <h3>{t('security_wipe_title')}</h3>
      <p className="warning">{t('security_wipe_warning')}</p>
      {open ? (
        <>
          <label>
            {t('security_wipe_password')}
            <input
              type="password"
              data-testid="wipe-password"
              value={password}
              autoComplete="current-password"
              onChange={(e) => setPassword(e.target.value)}
              autoFocus
            />
          </label>
          <label>
            {t('security_wipe_prompt', [word])}
            <input
              data-testid="wipe-confirmation"
              value={typed}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setTyped(e.target.value)}
            />
          </label>
          <ErrorMessage text={error} />
          <div className="subsection-actions">
            <button type="submit" className="danger" data-testid="wipe-submit" disabled={busy}>
              {busy ? t('working') : t('security_wipe_submit')}
            </button>
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                setTyped('');
                setPassword('');
                setError(null);
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </>
      ) : (
        <div className="subsection-actions">
          <button type="button" data-testid="wipe-start" onClick={() => setOpen(true)}>
            {t('security_wipe_start')}
          </button>
        </div>
      )}
    </form>
  );
}
