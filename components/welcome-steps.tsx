import type { ReactNode } from 'react';
import type { Translate } from '../lib/i18n';

interface Props {
  t: Translate;
  /** The vault: 'none' until the master password is made here or in the popup. */
  status: 'loading' | 'none' | 'locked' | 'unlocked';
  /** The popup's own first-run form (one form for both places). */
  passwordForm: ReactNode;
  kosmoUrl: string;
  onKit: () => void;
}

/**
 * The welcome tab of a fresh install: what the extension does, then three steps in order —
 * the master password (right here), the emergency kit, KOSMO Web's one-click button — and how to
 * pin the icon, since the popup is where codes show.
 */
export function WelcomeSteps({ t, status, passwordForm, kosmoUrl, onKit }: Props) {
  const made = status === 'locked' || status === 'unlocked';
  return (
    <main className="welcome" data-testid="welcome">
      <header className="welcome-head">
        <img src="/icon/128.png" alt="" width={64} height={64} />
        <div>
          <h1>{t('welcome_title')}</h1>
          <p className="welcome-lead">{t('welcome_intro')}</p>
        </div>
      </header>
      <section className="welcome-step" aria-label={t('welcome_step_password')}>
        {status === 'none' && passwordForm}
        {made && (
          <>
            <h2>{t('welcome_step_password')}</h2>
            <p className="welcome-done" role="status" data-testid="welcome-password-done">
              ✓ {t('welcome_password_done')}
            </p>
          </>
        )}
      </section>
      <section className="welcome-step" aria-labelledby="welcome-kit">
        <h2 id="welcome-kit">{t('welcome_step_kit')}</h2>
        <p>{t('welcome_kit_text')}</p>
        <button type="button" data-testid="welcome-kit" disabled={!made} onClick={onKit}>
          {t('welcome_kit_button')}
        </button>
        {!made && <p className="hint">{t('welcome_kit_later')}</p>}
      </section>
      <section className="welcome-step" aria-labelledby="welcome-kosmo">
        <h2 id="welcome-kosmo">{t('welcome_step_kosmo')}</h2>
        <p>{t('first_run_kosmo')}</p>
        <a
          className="button primary"
          href={kosmoUrl}
          target="_blank"
          data-testid="welcome-open-kosmo"
        >
          {t('first_run_open_kosmo')}
        </a>
      </section>
      <section className="welcome-step" aria-labelledby="welcome-pin" data-testid="welcome-pin">
        <h2 id="welcome-pin">{t('welcome_step_pin')}</h2>
        <p>{t('welcome_pin_text')}</p>
      </section>
    </main>
  );
}
