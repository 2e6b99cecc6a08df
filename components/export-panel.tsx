import { useState, type FormEvent } from 'react';
import type { ExportData } from '../lib/backup-protocol';
import type { ExportView } from '../lib/hooks/use-export';
import type { MessageKey, Translate } from '../lib/i18n';
import { ErrorMessage } from './error-message';
import { ExportMigration, ExportQrList, ExportText } from './export-views';

interface Props {
  t: Translate;
  data: ExportData | null;
  view: ExportView | null;
  busy: boolean;
  error: string | null;
  onOpen: (password: string) => Promise<boolean>;
  onChoose: (view: ExportView) => void;
  onClose: () => void;
}

const VIEWS: { view: ExportView; key: MessageKey; testId: string }[] = [
  { view: 'text', key: 'export_text', testId: 'export-show-text' },
  { view: 'qr', key: 'export_qr', testId: 'export-show-qr' },
  { view: 'migration', key: 'export_migration', testId: 'export-show-migration' },
];

function PasswordGate({ t, busy, error, onOpen }: Pick<Props, 't' | 'busy' | 'error' | 'onOpen'>) {
  const [password, setPassword] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password && (await onOpen(password))) setPassword('');
  };
  return (
    <form className="export-gate" onSubmit={(event) => void submit(event)}>
      <label>
        {t('export_password')}
        <input
          type="password"
          autoComplete="current-password"
          data-testid="export-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <button
        type="submit"
        className="primary"
        data-testid="export-open"
        disabled={busy || !password}
      >
        {busy ? t('working') : t('export_open')}
      </button>
      <ErrorMessage text={error} />
    </form>
  );
}

/** 「エクスポート」: the master password again, then the three ways to take the accounts along. */
export function ExportPanel({ t, data, view, busy, error, onOpen, onChoose, onClose }: Props) {
  if (!data) return <PasswordGate t={t} busy={busy} error={error} onOpen={onOpen} />;
  return (
    <div className="export-open" data-testid="export-content">
      <p className="warning">{t('export_secret_warning')}</p>
      {data.accounts.length === 0 ? (
        <p className="hint">{t('export_none')}</p>
      ) : (
        <div className="segmented" role="group" aria-label={t('export_choose')}>
          {VIEWS.map((choice) => (
            <button
              key={choice.view}
              type="button"
              data-testid={choice.testId}
              aria-pressed={view === choice.view}
              onClick={() => onChoose(choice.view)}
            >
              {t(choice.key)}
            </button>
          ))}
        </div>
      )}
      {data.accounts.length > 0 && view === 'text' && <ExportText t={t} data={data} />}
      {data.accounts.length > 0 && view === 'qr' && <ExportQrList t={t} data={data} />}
      {data.accounts.length > 0 && view === 'migration' && <ExportMigration t={t} data={data} />}
      <div className="preview-actions">
        <button type="button" data-testid="export-close" onClick={onClose}>
          {t('export_close')}
        </button>
      </div>
    </div>
  );
}
