import type { Translate } from '../lib/i18n';
import type { RecoveryKeyView } from '../lib/messaging';
import { RecoveryKeyText } from './recovery-key-text';

interface Props {
  t: Translate;
  view: RecoveryKeyView;
  busy: boolean;
  onOpenKit: () => void;
  onDone: () => void;
}

/** The date in the page's language, e.g. 2026年4月1日. */
export function formatDay(time: number): string {
  const lang = document.documentElement.lang || undefined;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(time);
}

/**
 * A recovery key just made: the key itself (its only showing, until 「書き留めました」), what it
 * is for, and the way to the printable kit.
 */
export function RecoveryKeyCard({ t, view, busy, onOpenKit, onDone }: Props) {
  return (
    <section className="notice recovery-card" aria-labelledby="recovery-card-title">
      <h2 id="recovery-card-title">{t('recovery_card_title')}</h2>
      <p>{t('recovery_card_intro')}</p>
      <RecoveryKeyText value={view.key} testId="recovery-key" />
      <p className="hint" data-testid="recovery-fingerprint">
        {t('recovery_fingerprint', [view.fingerprint])}・{formatDay(view.createdAt)}
      </p>
      <p className="warning">{t('recovery_card_once')}</p>
      <div className="recovery-actions">
        <button type="button" data-testid="emergency-kit" onClick={onOpenKit}>
          {t('recovery_open_kit')}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="recovery-key-done"
          disabled={busy}
          onClick={onDone}
        >
          {t('recovery_done')}
        </button>
      </div>
    </section>
  );
}
