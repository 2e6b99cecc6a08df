import type { Translate } from '../lib/i18n';

interface Props {
  t: Translate;
  onAllow: () => void;
}

/**
 * Beside 「コピーしたコードを消す」 while `clipboardRead` is not granted: why it is needed, that
 * nothing is cleared without it, and the button that asks the browser for it.
 */
export function ClipboardPermissionNote({ t, onAllow }: Props) {
  return (
    <div className="setting-note" data-testid="settings-clipboard-permission">
      <p>{t('settings_clipboard_permission')}</p>
      <button type="button" data-testid="settings-clipboard-allow" onClick={onAllow}>
        {t('settings_clipboard_allow')}
      </button>
    </div>
  );
}
