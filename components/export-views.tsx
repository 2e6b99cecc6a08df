import { useState } from 'react';
import type { ExportData } from '../lib/backup-protocol';
import { backupFileName } from '../lib/backup-protocol';
import { downloadText } from '../lib/download';
import { useQrImages } from '../lib/hooks/use-qr-images';
import type { Translate } from '../lib/i18n';

interface ViewProps {
  t: Translate;
  data: ExportData;
}

/** The `otpauth://` list: a plain, unencrypted text to copy or save. */
export function ExportText({ t, data }: ViewProps) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const text = data.accounts.map((account) => account.uri).join('\n');
  const copy = () =>
    void navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  const save = () =>
    downloadText(
      backupFileName(Date.now(), 'pc-authenticator-otpauth', 'txt'),
      `${text}\n`,
      'text/plain',
    );
  return (
    <div className="export-view">
      <p className="warning" data-testid="export-warning">
        {t('export_text_warning')}
      </p>
      <textarea
        className="mono export-text"
        data-testid="export-text"
        readOnly
        rows={Math.min(12, Math.max(3, data.accounts.length))}
        value={text}
        aria-label={t('export_text')}
      />
      <div className="preview-actions">
        {copied !== null && (
          <span className="hint" role="status">
            {copied ? t('export_copied') : t('error_copy_failed')}
          </span>
        )}
        <button type="button" data-testid="export-copy" onClick={copy}>
          {t('export_copy')}
        </button>
        <button type="button" data-testid="export-download" onClick={save}>
          {t('export_download')}
        </button>
      </div>
    </div>
  );
}

interface QrGridProps {
  t: Translate;
  texts: readonly string[];
  captions: string[];
  testId: string;
  /** About how wide each code is drawn, in pixels. */
  size: number;
}

function QrGrid({ t, texts, captions, testId, size }: QrGridProps) {
  const { images, failed } = useQrImages(texts, size);
  if (failed) return <p className="error">{t('error_unexpected')}</p>;
  if (!images)
    return (
      <p className="result-progress" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        {t('export_rendering')}
      </p>
    );
  return (
    <ul className={size > 300 ? 'qr-grid large' : 'qr-grid'}>
      {images.map((src, i) => (
        <li key={i}>
          <figure>
            <img src={src} alt={captions[i]} data-testid={testId} />
            <figcaption>{captions[i]}</figcaption>
          </figure>
        </li>
      ))}
    </ul>
  );
}

/** One QR code per account, to scan one by one with a phone's authenticator app. */
export function ExportQrList({ t, data }: ViewProps) {
  const [texts] = useState(() => data.accounts.map((account) => account.uri));
  return (
    <div className="export-view">
      <p className="hint">{t('export_qr_hint')}</p>
      <QrGrid
        t={t}
        texts={texts}
        captions={data.accounts.map((a) => a.title)}
        testId="export-qr"
        size={240}
      />
    </div>
  );
}

/** Google Authenticator's own transfer QR codes (10 accounts each), labelled 「1 / 3」. */
export function ExportMigration({ t, data }: ViewProps) {
  const total = data.migration.length;
  const captions = data.migration.map((_, i) =>
    t('export_migration_label', [`${i + 1}`, `${total}`]),
  );
  return (
    <div className="export-view">
      <p className="hint">{t('export_migration_hint')}</p>
      {total > 0 ? (
        <QrGrid
          t={t}
          texts={data.migration}
          captions={captions}
          testId="export-migration-qr"
          size={400}
        />
      ) : (
        <p className="hint">{t('export_none')}</p>
      )}
      {data.excluded.length > 0 && (
        <div className="warning" data-testid="export-excluded">
          <p>{t('export_excluded')}</p>
          <ul>
            {data.excluded.map((entry, i) => (
              <li key={i}>
                {t(
                  entry.reason === 'digits' ? 'export_excluded_digits' : 'export_excluded_period',
                  [entry.title],
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
