import type { PreviewStep } from '../lib/hooks/use-import';
import { errorText, type MessageKey, type Translate } from '../lib/i18n';
import type { PreviewStatus } from '../lib/import/types';
import { ImportPasswordForm } from './import-password';
import { outcomeLine, sourceName } from './import-results';

interface Props {
  t: Translate;
  current: PreviewStep;
  onPassword: (password: string) => void;
  onCommit: () => void;
  onCancel: () => void;
}

const FORMAT_NAMES: Record<string, string> = {
  aegis: 'Aegis',
  '2fas': '2FAS',
  andotp: 'andOTP',
  'bitwarden-json': 'Bitwarden',
  'bitwarden-csv': 'Bitwarden',
  'authenticator-extension': 'Authenticator',
};

/** The file's format in words: brand names as they are, ours and plain lists translated. */
function formatName(t: Translate, format: string): string {
  if (format === 'pc-authenticator') return t('format_pc_backup');
  if (format === 'otpauth-text') return t('format_otpauth_text');
  if (format === 'qr-image') return t('format_qr_image');
  return FORMAT_NAMES[format] ?? format;
}

const STATUS_KEYS: Record<PreviewStatus, MessageKey> = {
  new: 'import_status_new',
  existing: 'import_status_existing',
  conflict: 'import_status_conflict',
};
const STATUS_TONES: Record<PreviewStatus, string> = {
  new: 'tone-ok',
  existing: 'tone-info',
  conflict: 'tone-warn',
};

/**
 * A chosen file, QR image or pasted text: a file's password, then every entry and what adding
 * would do, and what was not an account. Its `import-submit` adds — or, with nothing to add,
 * closes and lists what was found in the results.
 */
export function ImportPreviewPanel({ t, current, onPassword, onCommit, onCancel }: Props) {
  const name = sourceName(t, current);
  if (current.step === 'reading')
    return (
      <div className="import-preview" aria-busy="true" data-testid="import-preview-reading">
        <p className="result-progress">
          <span className="spinner" aria-hidden="true" />
          {t('import_preview_reading', [name])}
        </p>
      </div>
    );
  if (current.step === 'password')
    return (
      <ImportPasswordForm
        key={current.error ? 'retry' : 'first'}
        t={t}
        name={name}
        error={current.error ? errorText(t, current.error) : null}
        onPassword={onPassword}
        onCancel={onCancel}
      />
    );
  const { preview, committing } = current;
  const count = preview.items.filter((item) => item.status !== 'existing').length;
  // A Google export's progress is told once the QR code is added, with what is still missing.
  const notes = preview.notes.filter((note) => note.kind !== 'batch');
  return (
    <div className="import-preview" data-testid="import-preview">
      {/* Focused by script when the preview opens (useImportFocus), never by Tab. */}
      <h3 tabIndex={-1}>{t('import_preview_title', [name, formatName(t, preview.format)])}</h3>
      <p className="lead">
        {t('import_preview_summary', [`${preview.items.length + preview.skipped.length}`])}
      </p>
      <ul className="preview-list">
        {preview.items.map((item, i) => (
          <li key={i} data-testid="import-preview-item" data-status={item.status}>
            <span className="preview-title">{item.title}</span>
            <span className={`pill ${STATUS_TONES[item.status]}`}>
              {t(STATUS_KEYS[item.status])}
            </span>
            {item.hosts.length > 0 && (
              <span className="preview-reason" data-testid="import-preview-sites">
                {t('import_preview_sites', [item.hosts.join(', ')])}
              </span>
            )}
          </li>
        ))}
        {preview.skipped.map((entry, i) => (
          <li key={`s${i}`} data-testid="import-preview-skipped">
            <span className="preview-title">{entry.title}</span>
            <span className="pill tone-error">{t('import_status_skipped')}</span>
            <span className="preview-reason">{errorText(t, { key: entry.reason })}</span>
          </li>
        ))}
        {notes.map((note, i) => (
          <li key={`n${i}`} data-testid="import-preview-note" data-kind={note.kind}>
            <span className="preview-title">{outcomeLine(t, note).text}</span>
          </li>
        ))}
      </ul>
      {preview.items.some((item) => item.status === 'conflict') && (
        <p className="hint">{t('import_conflict_hint')}</p>
      )}
      {count === 0 && <p className="hint">{t('import_nothing')}</p>}
      <div className="preview-actions">
        {count > 0 && (
          <button
            type="button"
            data-testid="import-cancel"
            onClick={onCancel}
            disabled={committing}
          >
            {t('import_cancel')}
          </button>
        )}
        <button
          type="button"
          className="primary"
          data-testid="import-submit"
          onClick={onCommit}
          disabled={committing}
        >
          {committing
            ? t('working')
            : count === 0
              ? t('import_close')
              : t('import_commit', [`${count}`])}
        </button>
      </div>
    </div>
  );
}
