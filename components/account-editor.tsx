import { useState, type FormEvent } from 'react';
import type { Translate } from '../lib/i18n';
import type { AccountPatch } from '../lib/messaging';
import type { AccountView } from '../lib/otp/account-codes';
import { accountTitle } from '../lib/account-title';
import { closeOnEscape } from '../lib/escape-key';
import { bindingsToConfirm } from '../lib/site-binding';
import { isHttpSite, originFromInput } from '../lib/site-origin';
import { ConfirmBind } from './confirm-bind';
import { ErrorMessage } from './error-message';

interface Props {
  t: Translate;
  account: AccountView;
  /** The background's refusal of the last save, in words. */
  error: string | null;
  onSave: (patch: AccountPatch) => void;
  onCancel: () => void;
}

/**
 * Edits the names and the sites of one account (never its key: that is not shown here). A site
 * added to an account already bound elsewhere is confirmed first, naming both hosts. Esc closes
 * the confirmation first, then the editor.
 */
export function AccountEditor({ t, account, error, onSave, onCancel }: Props) {
  const [issuer, setIssuer] = useState(account.issuer);
  const [name, setName] = useState(account.name);
  const [sites, setSites] = useState(account.sites);
  const [site, setSite] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<AccountPatch | null>(null);

  // http:// is not refused as "not an address": the user learns it can never get a code.
  const refusal = (text: string) =>
    t(isHttpSite(text) ? 'error_site_http' : 'error_site_invalid', [text.trim()]);

  const addSite = () => {
    if (!site.trim()) return;
    const origin = originFromInput(site);
    if (!origin) {
      setLocalError(refusal(site));
      return;
    }
    setLocalError(null);
    setSites((current) => (current.includes(origin) ? current : [...current, origin]));
    setSite('');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!issuer.trim() && !name.trim()) {
      setLocalError(t('error_title_empty'));
      return;
    }
    // A typed but not added address is what the user meant to add.
    const pending = site.trim() ? originFromInput(site) : null;
    if (site.trim() && !pending) {
      setLocalError(refusal(site));
      return;
    }
    setLocalError(null);
    const all = pending && !sites.includes(pending) ? [...sites, pending] : sites;
    const patch = { issuer: issuer.trim(), name: name.trim(), sites: all };
    if (bindingsToConfirm(account.sites, all).length > 0) setConfirming(patch);
    else onSave(patch);
  };

  if (confirming?.sites) {
    const added = bindingsToConfirm(account.sites, confirming.sites);
    return (
      <div className="account-editor" data-testid="account-editor">
        <ConfirmBind
          t={t}
          title={accountTitle(account)}
          bound={account.sites}
          added={added}
          onConfirm={() => {
            setConfirming(null);
            onSave(confirming);
          }}
          onCancel={() => setConfirming(null)}
        />
      </div>
    );
  }

  return (
    <form
      className="account-editor"
      // Kept out of the browser's session-restore files on disk (see add-account-form.tsx).
      autoComplete="off"
      onSubmit={submit}
      onKeyDown={closeOnEscape(onCancel)}
      data-testid="account-editor"
    >
      <div className="grid">
        <label>
          {t('add_issuer')}
          <input
            data-testid="edit-issuer"
            value={issuer}
            maxLength={256}
            onChange={(e) => setIssuer(e.target.value)}
            autoFocus
          />
        </label>
        <label>
          {t('add_name')}
          <input
            data-testid="edit-name"
            value={name}
            maxLength={256}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
      </div>
      <fieldset className="site-list">
        <legend>{t('edit_sites')}</legend>
        <p className="hint">{t('edit_sites_hint')}</p>
        {sites.length > 0 && (
          <ul>
            {sites.map((origin) => (
              <li key={origin} data-testid="edit-site">
                <span className="site-origin">{origin}</span>
                <button
                  type="button"
                  className="small"
                  data-testid="edit-site-remove"
                  aria-label={t('edit_site_remove', [origin])}
                  onClick={() => setSites((current) => current.filter((s) => s !== origin))}
                >
                  {t('edit_site_remove_short')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="site-add">
          <input
            aria-label={t('edit_site_new')}
            data-testid="edit-site-input"
            placeholder={t('edit_site_placeholder')}
            value={site}
            onChange={(e) => setSite(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addSite();
              }
            }}
          />
          <button type="button" data-testid="edit-site-add" onClick={addSite}>
            {t('edit_site_add')}
          </button>
        </div>
      </fieldset>
      <ErrorMessage text={localError ?? error} />
      <div className="row-actions">
        <button type="submit" className="primary" data-testid="edit-save">
          {t('edit_save')}
        </button>
        <button type="button" data-testid="edit-cancel" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
