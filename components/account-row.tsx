import { useState } from 'react';
import type { Translate } from '../lib/i18n';
import { formatCodeForDisplay, secondsUntilUnused } from '../lib/otp/step-time';
import type { AccountView } from '../lib/otp/account-codes';
import { shownCode } from '../lib/otp/shown-code';
import { bindOffer } from '../lib/site-binding';
import { ConfirmBind } from './confirm-bind';
import { ConfirmDelete } from './confirm-delete';
import { Countdown } from './countdown';

interface Props {
  t: Translate;
  account: AccountView;
  now: number;
  copied: boolean;
  onCopy: (code: string) => void;
  onDelete: () => void;
  onNextHotp: () => void;
  /** The enabled site behind the popup, if any: the row offers to bind the account to it. */
  site?: string | null;
  onBind?: (bound: boolean) => void;
}

/**
 * One account: click or Enter copies the code shown (without the display space). The codes come
 * from the worker; the row only picks the one for the current second.
 */
export function AccountRow({
  t,
  account,
  now,
  copied,
  onCopy,
  onDelete,
  onNextHotp,
  site,
  onBind,
}: Props) {
  const [confirming, setConfirming] = useState<'delete' | 'bind' | null>(null);
  const title = account.issuer ? `${account.issuer} (${account.name})` : account.name;
  const totp = account.type === 'totp';
  const { code, upcoming, secondsLeft: left } = shownCode(account, now);
  // A site took this step's code from a page we filled: it would be refused again.
  const wait = totp ? secondsUntilUnused(account.period, now, account.usedStep) : 0;
  const offer = site ? bindOffer(account.sites, site) : 'none';

  if (confirming === 'bind' && site && onBind) {
    return (
      <li className="account" data-testid="account">
        <ConfirmBind
          t={t}
          title={title}
          bound={account.sites}
          added={[site]}
          onConfirm={() => {
            setConfirming(null);
            onBind(true);
          }}
          onCancel={() => setConfirming(null)}
        />
      </li>
    );
  }

  if (confirming === 'delete') {
    return (
      <li className="account" data-testid="account">
        <ConfirmDelete
          t={t}
          title={title}
          onConfirm={onDelete}
          onCancel={() => setConfirming(null)}
        />
      </li>
    );
  }

  return (
    <li className="account" data-testid="account">
      <button
        type="button"
        className="account-main"
        data-row-focus
        onClick={() => code && onCopy(code)}
        title={t('copy_label', [title])}
      >
        <span className="account-issuer" data-testid="account-issuer">
          {account.issuer || account.name}
        </span>
        <span className="account-name" data-testid="account-name">
          {account.issuer ? account.name : ''}
        </span>
        {account.pending && (
          <span
            className="pending-badge"
            data-testid="account-pending"
            title={t('account_pending_hint')}
          >
            {t('account_pending')}
          </span>
        )}
        <span className="code-line">
          <span className={left && left <= 5 ? 'code urgent' : 'code'} data-testid="account-code">
            {code ? formatCodeForDisplay(code) : account.codes ? '…' : t('code_unavailable')}
          </span>
          {upcoming && (
            <span className="next-code" data-testid="account-next-code">
              {t('next_code_label', [formatCodeForDisplay(upcoming)])}
            </span>
          )}
          {wait > 0 && (
            <span className="wait-hint" data-testid="account-wait">
              {t('wait_next_code', [`${wait}`])}
            </span>
          )}
        </span>
        {copied && (
          <span className="copied" role="status">
            {t('copied')}
          </span>
        )}
      </button>
      <span className="account-side">
        {totp ? (
          <Countdown
            secondsLeft={left}
            period={account.period}
            label={t('seconds_left', [`${left}`])}
          />
        ) : (
          <button type="button" className="small" data-testid="hotp-next" onClick={onNextHotp}>
            {t('hotp_next')}
          </button>
        )}
        {offer !== 'none' && onBind && (
          <button
            type="button"
            className="icon"
            data-testid="account-bind"
            aria-pressed={offer === 'unbind'}
            onClick={() => (offer === 'confirm' ? setConfirming('bind') : onBind(offer === 'bind'))}
            aria-label={t('bind_site')}
            title={t('bind_site')}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M10.6 13.4a1 1 0 0 1 0-1.4l3-3a3 3 0 1 1 4.2 4.2l-2 2-1.4-1.4 2-2a1 1 0 1 0-1.4-1.4l-3 3a1 1 0 0 1-1.4 0zm2.8-2.8a1 1 0 0 1 0 1.4l-3 3a3 3 0 1 1-4.2-4.2l2-2 1.4 1.4-2 2a1 1 0 1 0 1.4 1.4l3-3a1 1 0 0 1 1.4 0z" />
            </svg>
          </button>
        )}
        <button
          type="button"
          className="icon"
          data-testid="account-delete"
          onClick={() => setConfirming('delete')}
          aria-label={t('delete_title', [title])}
          title={t('delete_title', [title])}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M9 3h6l1 2h4v2H4V5h4l1-2zm-3 6h12l-1 12H7L6 9zm4 2v8h1.5v-8H10zm3.5 0v8H15v-8h-1.5z" />
          </svg>
        </button>
      </span>
    </li>
  );
}
