import type { ImportEntry } from '../lib/hooks/use-import-results';
import { errorText, type Translate } from '../lib/i18n';
import { hostOf } from '../lib/site-binding';
import type { ImportOutcome } from '../lib/import/types';

interface Props {
  t: Translate;
  /** Newest first. */
  entries: ImportEntry[];
  onClear: () => void;
}

type Tone = 'ok' | 'info' | 'warn' | 'error';

interface Line {
  tone: Tone;
  kind: string;
  text: string;
  hint?: string;
}

/** One outcome in plain words, with how it should look. */
export function outcomeLine(t: Translate, outcome: ImportOutcome): Line {
  switch (outcome.kind) {
    case 'added':
      return {
        tone: 'ok',
        kind: outcome.kind,
        text: outcome.site
          ? t('manage_added_bound', [outcome.title, hostOf(outcome.site)])
          : t('manage_added', [outcome.title]),
        ...(outcome.warning ? { hint: errorText(t, outcome.warning) } : {}),
      };
    case 'duplicate':
      return { tone: 'info', kind: outcome.kind, text: t('manage_duplicate', [outcome.title]) };
    case 'no-qr':
      return {
        tone: 'warn',
        kind: outcome.kind,
        text: t('manage_no_qr'),
        hint: t('manage_no_qr_hint'),
      };
    case 'not-otp':
      return { tone: 'warn', kind: outcome.kind, text: t('manage_not_otp') };
    case 'invalid':
      return { tone: 'error', kind: outcome.kind, text: errorText(t, outcome.error) };
    case 'skipped':
      return {
        tone: 'warn',
        kind: outcome.kind,
        text: t('manage_skipped', [outcome.title, errorText(t, outcome.error)]),
      };
    case 'batch':
      return {
        tone: outcome.missing.length > 0 ? 'warn' : 'info',
        kind: outcome.kind,
        text:
          outcome.missing.length > 0
            ? t('manage_batch', [
                `${outcome.size}`,
                `${outcome.index}`,
                outcome.missing.join(t('manage_list_separator')),
              ])
            : t('manage_batch_done', [`${outcome.size}`]),
      };
  }
}

/** What one entry says: its outcomes, or why it failed as a whole. */
function entryLines(t: Translate, entry: ImportEntry): Line[] {
  if (entry.error) return [{ tone: 'error', kind: 'failed', text: errorText(t, entry.error) }];
  if (entry.outcomes.length === 0)
    return entry.kind === 'text'
      ? [{ tone: 'warn', kind: 'empty', text: t('error_uri_empty') }]
      : [{ tone: 'warn', kind: 'no-qr', text: t('manage_no_qr'), hint: t('manage_no_qr_hint') }];
  return entry.outcomes.map((outcome) => outcomeLine(t, outcome));
}

/** Counts for the summary line: added, already there, and everything that was not added. */
export function summarize(t: Translate, entries: ImportEntry[]) {
  const counts = { added: 0, duplicate: 0, problem: 0 };
  for (const entry of entries) {
    if (entry.state !== 'done') continue;
    for (const line of entryLines(t, entry)) {
      if (line.kind === 'added') counts.added += 1;
      else if (line.kind === 'duplicate') counts.duplicate += 1;
      // A Google export's progress line is news, not a failure.
      else if (line.kind !== 'batch' && (line.tone === 'warn' || line.tone === 'error'))
        counts.problem += 1;
    }
  }
  return counts;
}

const ICONS: Record<Tone, string> = {
  ok: 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2z',
  info: 'M11 7h2v2h-2V7zm0 4h2v6h-2v-6zm1-9a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16z',
  warn: 'M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z',
  error:
    'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm5 13.6L15.6 17 12 13.4 8.4 17 7 15.6 10.6 12 7 8.4 8.4 7l3.6 3.6L15.6 7 17 8.4 13.4 12l3.6 3.6z',
};

function ToneIcon({ tone }: { tone: Tone }) {
  return (
    <svg className="result-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d={ICONS[tone]} />
    </svg>
  );
}

/** How a submission is named: its file name, or what it was for pasted text and images. */
export function sourceName(t: Translate, entry: Pick<ImportEntry, 'kind' | 'name'>): string {
  if (entry.kind === 'text') return t('manage_source_text');
  if (entry.kind === 'pasted-image') return t('manage_source_pasted_image');
  return entry.name;
}

/** The list of what each file or text submission did, newest first, with a count summary. */
export function ImportResults({ t, entries, onClear }: Props) {
  if (entries.length === 0) return null;
  const counts = summarize(t, entries);
  const anyDone = entries.some((entry) => entry.state === 'done');
  return (
    <div className="import-results" data-testid="import-result" aria-live="polite">
      <div className="results-head">
        <h3>{t('manage_results_title')}</h3>
        {anyDone && (
          <p className="results-summary">
            <span className="pill tone-ok">{t('manage_summary_added', [`${counts.added}`])}</span>
            {counts.duplicate > 0 && (
              <span className="pill tone-info">
                {t('manage_summary_duplicate', [`${counts.duplicate}`])}
              </span>
            )}
            {counts.problem > 0 && (
              <span className="pill tone-error">
                {t('manage_summary_problem', [`${counts.problem}`])}
              </span>
            )}
          </p>
        )}
        {anyDone && (
          <button type="button" className="small" onClick={onClear}>
            {t('manage_results_clear')}
          </button>
        )}
      </div>
      <ol className="results-list">
        {entries.map((entry) => (
          <li
            key={entry.id}
            className="result-entry"
            data-testid="import-entry"
            data-state={entry.state}
          >
            <p className="result-source">
              <span className="result-name">{sourceName(t, entry)}</span>
              {entry.state !== 'done' && (
                <span className="result-progress">
                  {entry.state === 'working' && <span className="spinner" aria-hidden="true" />}
                  {entry.state === 'working' ? t('manage_reading') : t('manage_waiting')}
                </span>
              )}
            </p>
            {entry.state === 'done' && (
              <ul className="result-lines">
                {entryLines(t, entry).map((line, i) => (
                  <li
                    key={i}
                    className={`result-line tone-${line.tone}`}
                    data-testid="import-outcome"
                    data-kind={line.kind}
                  >
                    <ToneIcon tone={line.tone} />
                    <span>
                      {line.text}
                      {line.hint && <span className="result-hint">{line.hint}</span>}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
