import { useState, type FormEvent } from 'react';
import type { Translate } from '../lib/i18n';
import { ErrorMessage } from './error-message';

/** The file's own password (not the master password), asked when the file needs one. */
export function ImportPasswordForm({
  t,
  name,
  error,
  onPassword,
  onCancel,
}: {
  t: Translate;
  name: string;
  error: string | null;
  onPassword: (password: string) => void;
  onCancel: () => void;
}) {
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password) onPassword(password);
  };
  return (
    <form className="import-preview" data-testid="import-password-step" onSubmit={submit}>
      <h3>{t('import_password_title', [name])}</h3>
      <label>
        {t('import_password_label')}
        <input
          type="password"
          data-testid="import-password"
          autoComplete="off"
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <p className="hint">{t('import_password_hint')}</p>
      <ErrorMessage text={error} />
      <div className="preview-actions">
        <button type="button" data-testid="import-cancel" onClick={onCancel}>
          {t('import_cancel')}
        </button>
        <button type="submit" className="primary" data-testid="import-submit" disabled={!password}>
          {t('import_password_open')}
        </button>
      </div>
    </form>
  );
}
