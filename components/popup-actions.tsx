import type { Translate } from '../lib/i18n';

interface Props {
  t: Translate;
  scanning: boolean;
  onScan: () => void;
  onOpenManage: () => void;
}

/** The two other ways to add: scan the page behind the popup, or import images and text. */
export function PopupActions({ t, scanning, onScan, onOpenManage }: Props) {
  return (
    <div className="actions">
      <button type="button" data-testid="scan-screen" onClick={onScan} disabled={scanning}>
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M3 3h7v7H3V3zm2 2v3h3V5H5zm9-2h7v7h-7V3zm2 2v3h3V5h-3zM3 14h7v7H3v-7zm2 2v3h3v-3H5zm9-2h2v2h-2v-2zm4 0h3v2h-3v-2zm-4 4h2v3h-2v-3zm4 1h3v2h-3v-2z" />
        </svg>
        {scanning ? t('scan_working') : t('scan_button')}
      </button>
      <button type="button" data-testid="open-manage" onClick={onOpenManage}>
        {t('open_manage')}
      </button>
    </div>
  );
}
