import { useEffect, useState, type ReactNode } from 'react';
import { moveAccount, pinnedFirst } from '../lib/account-order';
import { accountTitle } from '../lib/account-title';
import { useRowDrag } from '../lib/hooks/use-row-drag';
import type { Translate } from '../lib/i18n';
import type { AccountPatch, AccountViewList } from '../lib/messaging';
import type { AccountView } from '../lib/otp/account-codes';
import { AccountEditor } from './account-editor';
import { ConfirmDelete } from './confirm-delete';
import { ErrorMessage } from './error-message';
import { ManageAccountRow } from './manage-account-row';
import { ManageSection } from './manage-section';

interface Props {
  t: Translate;
  list: AccountViewList;
  /** A new order being stored: shown already, so rows do not jump back and forth. */
  pendingOrder: string[] | null;
  /** The background's refusal of the last change, and the row that asked. */
  error: { id: string; text: string } | null;
  onUpdate: (id: string, patch: AccountPatch) => Promise<boolean>;
  onReorder: (id: string, ids: string[]) => void;
  onDelete: (id: string) => void;
  onClearError: () => void;
  /** What a row shows about the account's recovery codes, if anything. */
  recovery?: (account: AccountView) => ReactNode;
}

function ordered(accounts: AccountView[], order: string[] | null): AccountView[] {
  if (!order) return pinnedFirst(accounts);
  const rank = (a: AccountView) => (order.includes(a.id) ? order.indexOf(a.id) : order.length);
  return [...accounts].sort((a, b) => rank(a) - rank(b));
}

/** 「アカウント」: edit, pin, reorder (drag, buttons, Alt+↑/↓) and delete; never a secret. */
export function AccountsSection(props: Props) {
  const { t, list, error, onUpdate, onReorder, onDelete, onClearError } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const accounts = ordered(list.accounts, props.pendingOrder);
  const orderKey = accounts.map((a) => a.id).join();
  const pinnedCount = accounts.filter((a) => a.pinned).length;

  // A moved row keeps the keyboard focus, so Alt+↑ can be pressed again and again.
  useEffect(() => {
    if (focusId)
      document.querySelector<HTMLElement>(`[data-account-id="${CSS.escape(focusId)}"]`)?.focus();
  }, [focusId, orderKey]);

  const move = (account: AccountView, to: number) => {
    const ids = moveAccount(accounts, accounts.indexOf(account), to);
    if (!ids) return;
    setFocusId(account.id);
    setAnnouncement(t('account_moved', [accountTitle(account), `${ids.indexOf(account.id) + 1}`]));
    onReorder(account.id, ids);
  };
  const dragFor = useRowDrag((id, to) => {
    const account = accounts.find((a) => a.id === id);
    if (account) move(account, to);
  });

  const row = (account: AccountView, index: number) => {
    const title = accountTitle(account);
    if (editing === account.id || deleting === account.id) {
      const close = () => {
        onClearError();
        setEditing(null);
        setDeleting(null);
        // Back to the row the editor or the question was opened from.
        setFocusId(account.id);
      };
      return (
        <li key={account.id} className="manage-account open" data-testid="manage-account">
          {editing === account.id ? (
            <AccountEditor
              t={t}
              account={account}
              error={error?.id === account.id ? error.text : null}
              onSave={(patch) => void onUpdate(account.id, patch).then((ok) => ok && close())}
              onCancel={close}
            />
          ) : (
            <ConfirmDelete
              t={t}
              title={title}
              onConfirm={() => {
                close();
                onDelete(account.id);
              }}
              onCancel={close}
            />
          )}
        </li>
      );
    }
    const [first, last] = account.pinned
      ? [0, pinnedCount - 1]
      : [pinnedCount, accounts.length - 1];
    return (
      <ManageAccountRow
        key={account.id}
        t={t}
        account={account}
        canMoveUp={index > first}
        canMoveDown={index < last}
        drag={dragFor(account.id, index, title)}
        onMove={(step) => move(account, index + step)}
        onTogglePin={() => {
          setFocusId(account.id);
          void onUpdate(account.id, { pinned: !account.pinned });
        }}
        onEdit={() => {
          onClearError();
          setFocusId(null);
          setEditing(account.id);
        }}
        onDelete={() => {
          setFocusId(null);
          setDeleting(account.id);
        }}
        extra={props.recovery?.(account)}
      />
    );
  };

  return (
    <ManageSection
      id="accounts"
      title={t('manage_accounts_title')}
      intro={t('manage_accounts_intro')}
    >
      {accounts.length === 0 && <p className="hint">{t('manage_accounts_empty')}</p>}
      {accounts.length > 1 && <p className="hint">{t('manage_accounts_reorder_hint')}</p>}
      {accounts.length > 0 && (
        <ol className="manage-accounts" data-testid="manage-accounts">
          {accounts.map(row)}
        </ol>
      )}
      {!editing && <ErrorMessage text={error?.text ?? null} />}
      {list.failed.map((failed) => (
        <p key={failed.id} className="error" data-testid="error">
          {t('manage_accounts_damaged', [
            failed.label ? accountTitle(failed.label) : `${failed.position}`,
          ])}
        </p>
      ))}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </ManageSection>
  );
}
