import { useState, type FormEvent } from 'react';
import type { Translate } from '../lib/i18n';
import { ErrorMessage } from './error-message';

interface Props {
  t: Translate;
  /** Whether a key exists already (making one replaces it). */
  replaces: boolean;
  busy: boolean;
  error: string | null;
  onCreate: (password: string) => Promise<boolean>;
}

/** The kit page with no fresh key: a new one, after the master password, to print. */
export function KitMakeKey({ t, replaces, busy, error, onCreate }: Props) {
  const [password, setPassword] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await onCreate(password);
    setPassword('');
  };
  return (
    <form className="panel kit-make no-print" onSubmit={(event) => void submit(event)}>
      <h1>{t('kit_title')}</h1>
      <p className="lead">{t('kit_make_intro')}</p>
      {replaces && <p className="warning">{t('recovery_replace_warning')}</p>}
      <label>
        {t('recovery_password')}
        <input
          type="password"
          autoComplete="current-password"
          data-testid="recovery-master-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoFocus
        />
      </label>
      <ErrorMessage text={error} />
      <button type="submit" className="primary" data-testid="recovery-create" disabled={busy}>
        {busy ? t('working') : t(replaces ? 'recovery_create_new' : 'recovery_create')}
      </button>
    </form>
  );
}
