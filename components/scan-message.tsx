import { errorText, type Translate } from '../lib/i18n';
import type { ScanResult } from '../lib/messaging';
import { hostOf } from '../lib/site-binding';

interface Props {
  t: Translate;
  result: ScanResult;
  /** The page is a Keycloak setup page: its own 「PC Authenticatorに追加」 needs no scan. */
  onSetupPage?: boolean;
  onOpenManage: () => void;
}

/** What the scan did, in words; a page we can't read offers the image import instead. */
export function ScanMessage({ t, result, onSetupPage, onOpenManage }: Props) {
  if (result.kind === 'select')
    return (
      <p className="notice" role="status">
        {t('scan_select')}
      </p>
    );
  if (result.kind === 'unsupported') {
    return (
      <div className="notice" role="status" data-testid="scan-unsupported">
        <p>{t(onSetupPage ? 'scan_setup_page' : 'scan_unsupported')}</p>
        <button type="button" className="small" onClick={onOpenManage}>
          {t('open_manage')}
        </button>
      </div>
    );
  }
  return (
    <ul className="notice" role="status" data-testid="scan-result">
      {result.outcomes.map((outcome, i) => (
        <li key={i}>{describe(t, outcome)}</li>
      ))}
    </ul>
  );
}

function describe(
  t: Translate,
  outcome: Extract<ScanResult, { kind: 'done' }>['outcomes'][number],
) {
  switch (outcome.kind) {
    case 'added':
      return outcome.site
        ? t('scan_added_bound', [outcome.title, hostOf(outcome.site)])
        : t('scan_added', [outcome.title]);
    case 'duplicate':
      return t('error_duplicate', [outcome.title]);
    case 'invalid':
    case 'skipped':
      return errorText(t, outcome.error);
    case 'batch':
    case 'no-qr':
    case 'not-otp':
      return t('scan_select');
  }
}
