import type { Translate } from '../lib/i18n';
import { SCAN_ICON_PATH } from '../lib/popup/first-paint';

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
          <path d={SCAN_ICON_PATH} />
        </svg>
        {scanning ? t('scan_working') : t('scan_button')}
      </button>
      <button type="button" data-testid="open-manage" onClick={onOpenManage}>
        {t('open_manage')}
      </button>
    </div>
  );
}
