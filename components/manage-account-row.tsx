import type { DragEvent, KeyboardEvent, ReactNode } from 'react';
import { accountTitle } from '../lib/account-title';
import type { Translate } from '../lib/i18n';
import type { AccountView } from '../lib/otp/account-codes';
import { Icon, type IconName } from './manage-icons';

interface RowDrag {
  dragging: boolean;
  over: boolean;
  onStart: (event: DragEvent) => void;
  onOver: (event: DragEvent) => void;
  onDrop: (event: DragEvent) => void;
  onEnd: () => void;
}

interface Props {
  t: Translate;
  account: AccountView;
  canMoveUp: boolean;
  canMoveDown: boolean;
  drag: RowDrag;
  onMove: (step: -1 | 1) => void;
  onTogglePin: () => void;
  onEdit: () => void;
  onDelete: () => void;
  /** More about the account under its sites (e.g. its recovery codes). */
  extra?: ReactNode;
}

/** `https://a.example` shows as `a.example`; anything else (http, a port) as it is. */
const siteLabel = (origin: string) => origin.replace(/^https:\/\/(?=[^:]+$)/, '');

/** One account on the manage page: names, sites, and the buttons to pin, move, edit, delete. */
export function ManageAccountRow(props: Props) {
  const { t, account, canMoveUp, canMoveDown, drag, onMove, onTogglePin, onEdit, onDelete } = props;
  const title = accountTitle(account);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const step = event.key === 'ArrowUp' ? -1 : 1;
    if (step === -1 ? canMoveUp : canMoveDown) onMove(step);
  };

  const button = (
    icon: IconName,
    [text, label]: [string, string],
    testId: string,
    onClick: () => void,
    extra: { disabled?: boolean; pressed?: boolean; danger?: boolean } = {},
  ) => (
    <button
      type="button"
      className={extra.danger ? 'icon danger-icon' : 'icon'}
      data-testid={testId}
      aria-label={label}
      title={label}
      disabled={extra.disabled}
      aria-pressed={extra.pressed}
      onClick={onClick}
    >
      <Icon name={icon} />
      <span className="action-text">{text}</span>
    </button>
  );

  const classes = ['manage-account', drag.dragging && 'dragging', drag.over && 'drop-over'];
  return (
    <li
      className={classes.filter(Boolean).join(' ')}
      data-testid="manage-account"
      data-account-id={account.id}
      tabIndex={0}
      draggable
      onKeyDown={onKeyDown}
      onDragStart={drag.onStart}
      onDragOver={drag.onOver}
      onDrop={drag.onDrop}
      onDragEnd={drag.onEnd}
    >
      <span className="drag-handle" title={t('account_drag', [title])}>
        <Icon name="grip" />
      </span>
      <span className="manage-account-text">
        <span className="manage-account-issuer" data-testid="manage-account-issuer">
          {account.issuer || account.name}
          {account.pinned && <span className="pin-badge">{t('account_pinned')}</span>}
          {account.pending && (
            <span
              className="pin-badge pending-badge"
              data-testid="account-pending"
              title={t('account_pending_hint')}
            >
              {t('account_pending')}
            </span>
          )}
        </span>
        {account.issuer && account.name && (
          <span className="manage-account-name">{account.name}</span>
        )}
        <span className="manage-account-sites" data-testid="manage-account-sites">
          {account.sites.length > 0
            ? t('account_sites', [account.sites.map(siteLabel).join(t('manage_list_separator'))])
            : t('account_sites_none')}
        </span>
        {props.extra}
      </span>
      <span className="manage-account-actions">
        {button(
          'pin',
          account.pinned
            ? [t('account_unpin_short'), t('account_unpin', [title])]
            : [t('account_pin_short'), t('account_pin', [title])],
          'account-pin',
          onTogglePin,
          { pressed: account.pinned === true },
        )}
        {button(
          'up',
          [t('account_up_short'), t('account_move_up', [title])],
          'account-up',
          () => onMove(-1),
          { disabled: !canMoveUp },
        )}
        {button(
          'down',
          [t('account_down_short'), t('account_move_down', [title])],
          'account-down',
          () => onMove(1),
          { disabled: !canMoveDown },
        )}
        {button(
          'edit',
          [t('account_edit'), t('account_edit_label', [title])],
          'account-edit',
          onEdit,
        )}
        {button(
          'trash',
          [t('account_delete_short'), t('delete_title', [title])],
          'account-delete',
          onDelete,
          { danger: true },
        )}
      </span>
    </li>
  );
}
