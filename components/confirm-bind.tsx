import { closeOnEscape } from '../lib/escape-key';
import type { Translate } from '../lib/i18n';
import { hostOf } from '../lib/site-binding';

interface Props {
  t: Translate;
  title: string;
  /** Where the account gives its codes now. */
  bound: readonly string[];
  /** The sites about to get them too. */
  added: readonly string[];
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Binding an account to a second site hands that site its codes: asked once, naming the hosts it
 * is bound to and the new one, so a look-alike subdomain is not bound by a stray click. Esc cancels.
 */
export function ConfirmBind({ t, title, bound, added, onConfirm, onCancel }: Props) {
  const names = (origins: readonly string[]) =>
    origins.map(hostOf).join(t('manage_list_separator'));
  const hosts = names(bound);
  const next = names(added);
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-label={t('bind_confirm_title', [title])}
      onKeyDown={closeOnEscape(onCancel)}
    >
      <p data-testid="bind-confirm-text">{t('bind_confirm_question', [title, hosts, next])}</p>
      <p className="hint">{t('bind_confirm_warning', [next])}</p>
      <div className="row-actions">
        <button type="button" className="danger" data-testid="bind-confirm" onClick={onConfirm}>
          {t('bind_confirm')}
        </button>
        <button type="button" data-testid="bind-cancel" onClick={onCancel} autoFocus>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
