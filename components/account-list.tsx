import { useRef, type KeyboardEvent } from 'react';
import type { Translate } from '../lib/i18n';
import { useFirstRows } from '../lib/hooks/use-first-rows';
import { FIRST_ROWS } from '../lib/popup/first-paint';
import type { AccountView } from '../lib/otp/account-codes';
import { AccountRow } from './account-row';

interface Props {
  t: Translate;
  accounts: AccountView[];
  now: number;
  /** The clock correction for one account's codes (`offsetFor`: only its measured site's). */
  clockOffset?: (account: AccountView) => number;
  copiedId: string | null;
  onCopy: (account: AccountView, code: string) => void;
  onDelete: (account: AccountView) => void;
  onNextHotp: (account: AccountView) => void;
  site?: string | null;
  onBind?: (account: AccountView, bound: boolean) => void;
}

/** The accounts; ↑/↓ move between rows, Enter copies (the row is a button). */
export function AccountList(props: Props) {
  const { t, accounts, now, clockOffset, copiedId, onCopy, onDelete, onNextHotp, site, onBind } =
    props;
  const listRef = useRef<HTMLUListElement>(null);
  const shown = useFirstRows(accounts.length, FIRST_ROWS);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const rows = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-row-focus]') ?? [])];
    const index = rows.indexOf(document.activeElement as HTMLElement);
    const step = event.key === 'ArrowDown' ? 1 : -1;
    const target = rows[index === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, index + step))];
    if (target) {
      event.preventDefault();
      target.focus();
    }
  };

  return (
    <ul className="accounts" ref={listRef} onKeyDown={onKeyDown}>
      {accounts.slice(0, shown).map((account) => (
        <AccountRow
          key={account.id}
          t={t}
          account={account}
          now={now + (clockOffset?.(account) ?? 0)}
          copied={copiedId === account.id}
          onCopy={(code) => onCopy(account, code)}
          onDelete={() => onDelete(account)}
          onNextHotp={() => onNextHotp(account)}
          site={site ?? null}
          onBind={onBind && ((bound) => onBind(account, bound))}
        />
      ))}
    </ul>
  );
}
