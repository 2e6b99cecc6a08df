import type { ReactNode } from 'react';
import type { Translate } from '../lib/i18n';
import type { RecoveryKeyView } from '../lib/messaging';
import { formatDay } from './recovery-key-card';
import { RecoveryKeyText } from './recovery-key-text';

/** A further part of the kit (the account keys, saved recovery codes), printed below. */
export interface KitSection {
  id: string;
  title: string;
  content: ReactNode;
}

interface Props {
  t: Translate;
  view: RecoveryKeyView;
  /** The key's QR code as a `data:` URL, once drawn. */
  qr: string | null;
  sections?: readonly KitSection[];
}

/**
 * The printable emergency kit (A4, see emergency-kit.css): the recovery key in text and QR, the
 * date and fingerprint, where to use it, what to do on a new PC, room for notes, and any
 * optional sections.
 */
export function EmergencyKit({ t, view, qr, sections = [] }: Props) {
  return (
    <article className="kit-sheet" data-testid="emergency-kit" aria-labelledby="kit-title">
      <header className="kit-head">
        <h1 id="kit-title">
          <img src="/icon/48.png" alt="" width={28} height={28} />
          {t('kit_title')}
        </h1>
        <dl className="kit-facts">
          <dt>{t('kit_made')}</dt>
          <dd data-testid="kit-date">{formatDay(view.createdAt)}</dd>
          <dt>{t('kit_fingerprint')}</dt>
          <dd className="mono" data-testid="kit-fingerprint">
            {view.fingerprint}
          </dd>
        </dl>
      </header>
      <p className="kit-intro">{t('kit_intro')}</p>
      <section className="kit-key" aria-labelledby="kit-key-title">
        <div>
          <h2 id="kit-key-title">{t('kit_key')}</h2>
          <RecoveryKeyText value={view.key} testId="kit-recovery-key" />
          <p className="kit-small">{t('kit_fingerprint_hint')}</p>
        </div>
        {qr && <img className="kit-qr" src={qr} alt={t('kit_key')} data-testid="kit-qr" />}
      </section>
      <section>
        <h2>{t('kit_use_title')}</h2>
        <p>{t('kit_use_text')}</p>
      </section>
      <section>
        <h2>{t('kit_new_pc_title')}</h2>
        <p>{t('kit_new_pc_intro')}</p>
        <ol>
          <li>{t('kit_new_pc_1')}</li>
          <li>{t('kit_new_pc_2')}</li>
          <li>{t('kit_new_pc_3')}</li>
        </ol>
      </section>
      <section>
        <h2>{t('kit_keep_title')}</h2>
        <p>{t('kit_keep_text')}</p>
      </section>
      <section className="kit-notes">
        <h2>{t('kit_notes')}</h2>
        <div className="kit-lines" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
      </section>
      {sections.map((section) => (
        <section key={section.id} className="kit-extra" aria-labelledby={`kit-${section.id}`}>
          <h2 id={`kit-${section.id}`}>{section.title}</h2>
          {section.content}
        </section>
      ))}
    </article>
  );
}
