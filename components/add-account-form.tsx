import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { closeOnEscape } from '../lib/escape-key';
import type { Translate } from '../lib/i18n';
import type { NewAccount } from '../lib/messaging';
import { OTP_DEFAULTS, type OtpAlgorithm, type OtpType } from '../lib/otp/types';
import { ErrorMessage } from './error-message';

interface Props {
  t: Translate;
  busy: boolean;
  error: string | null;
  onSubmit: (account: NewAccount) => void;
  onCancel: () => void;
}

const ALGORITHMS: OtpAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];

/**
 * Add by typed key (with the Keycloak defaults) or by a pasted `otpauth://` URI (under 「詳細」, or
 * pasted into the key box, which is where people paste). A typed key needs a service or account
 * name: a row without one could not be told apart. Esc closes the form.
 */
export function AddAccountForm({ t, busy, error, onSubmit, onCancel }: Props) {
  const [issuer, setIssuer] = useState('');
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [uri, setUri] = useState('');
  const [type, setType] = useState<OtpType>(OTP_DEFAULTS.type);
  const [algorithm, setAlgorithm] = useState<OtpAlgorithm>(OTP_DEFAULTS.algorithm);
  const [digits, setDigits] = useState(`${OTP_DEFAULTS.digits}`);
  const [period, setPeriod] = useState(`${OTP_DEFAULTS.period}`);
  const [counter, setCounter] = useState(`${OTP_DEFAULTS.counter}`);
  const [nameMissing, setNameMissing] = useState(false);
  const issuerRef = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const pasted =
      uri.trim() || (/^otpauth(-migration)?:/i.test(secret.trim()) ? secret.trim() : '');
    if (pasted) {
      onSubmit({ uri: pasted });
      return;
    }
    if (!issuer.trim() && !name.trim()) {
      setNameMissing(true);
      issuerRef.current?.focus();
      return;
    }
    onSubmit({
      data: {
        issuer: issuer.trim(),
        name: name.trim(),
        secret,
        type,
        algorithm,
        digits: Number(digits),
        period: Number(period),
        counter: Number(counter),
        sites: [],
      },
    });
  };

  return (
    // autoComplete off: the browser would otherwise keep what was typed (names, a pasted URI with
    // its key) in its session-restore files on disk.
    <form
      className="panel add-form"
      autoComplete="off"
      onSubmit={submit}
      onKeyDown={closeOnEscape(onCancel)}
    >
      <h1>{t('add_title')}</h1>
      <label>
        {t('add_issuer')}
        <input
          ref={issuerRef}
          data-testid="add-issuer"
          value={issuer}
          onChange={(e) => {
            setIssuer(e.target.value);
            setNameMissing(false);
          }}
          placeholder={t('add_issuer_placeholder')}
          aria-invalid={nameMissing}
          autoFocus
        />
      </label>
      <label>
        {t('add_name')}
        <input
          data-testid="add-name"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setNameMissing(false);
          }}
          aria-invalid={nameMissing}
        />
      </label>
      <label>
        {t('add_secret')}
        <textarea
          data-testid="add-secret"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          onKeyDown={submitOnEnter}
          placeholder="ABCD EFGH IJKL MNOP …"
          rows={2}
          autoComplete="off"
          spellCheck={false}
          className="mono key-input"
        />
      </label>
      <details className="advanced">
        <summary>{t('add_advanced')}</summary>
        <div className="grid">
          <label>
            {t('add_type')}
            <select value={type} onChange={(e) => setType(e.target.value as OtpType)}>
              <option value="totp">{t('add_type_totp')}</option>
              <option value="hotp">{t('add_type_hotp')}</option>
            </select>
          </label>
          <label>
            {t('add_algorithm')}
            <select
              value={algorithm}
              onChange={(e) => setAlgorithm(e.target.value as OtpAlgorithm)}
            >
              {ALGORITHMS.map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          </label>
          <label>
            {t('add_digits')}
            <select value={digits} onChange={(e) => setDigits(e.target.value)}>
              {['6', '7', '8'].map((d) => (
                <option key={d}>{d}</option>
              ))}
            </select>
          </label>
          {type === 'totp' ? (
            <label>
              {t('add_period')}
              <input
                type="number"
                min={1}
                value={period}
                onChange={(e) => setPeriod(e.target.value)}
              />
            </label>
          ) : (
            <label>
              {t('add_counter')}
              <input
                type="number"
                min={0}
                value={counter}
                onChange={(e) => setCounter(e.target.value)}
              />
            </label>
          )}
        </div>
        <label className="add-uri">
          {t('add_uri')}
          <textarea
            data-testid="add-uri"
            value={uri}
            onChange={(e) => setUri(e.target.value)}
            placeholder="otpauth://totp/…"
            rows={2}
            spellCheck={false}
            className="mono"
          />
        </label>
      </details>
      <ErrorMessage text={nameMissing ? t('error_title_empty') : error} />
      <div className="row-actions">
        <button type="submit" className="primary" data-testid="add-submit" disabled={busy}>
          {t('add_submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** The key box wraps long keys over lines, but Enter still adds, as in a one-line field. */
function submitOnEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
  if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
  event.preventDefault();
  event.currentTarget.form?.requestSubmit();
}
