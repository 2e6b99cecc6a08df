import type { Translate } from '../lib/i18n';
import type { VaultInfo } from '../lib/messaging';
import { ChangePasswordForm } from './change-password-form';
import { ManageSection } from './manage-section';
import { WipeForm } from './wipe-form';

interface Props {
  t: Translate;
  /** The vault's key-derivation parameters, once known. */
  info: VaultInfo | null;
  busy: 'password' | 'wipe' | null;
  /** BCP 47 language of the page, for the date. */
  lang: string;
  onChangePassword: (oldPassword: string, newPassword: string) => Promise<string | null>;
  onWipe: (confirmation: string, password: string) => Promise<string | null>;
}

const ALGORITHMS: Record<string, string> = { argon2id: 'Argon2id' };

/** 「セキュリティ」: change the master password, how keys are protected, delete everything. */
export function SecuritySection({ t, info, busy, lang, onChangePassword, onWipe }: Props) {
  return (
    <ManageSection id="security" title={t('manage_security_title')}>
      <ChangePasswordForm t={t} busy={busy === 'password'} onChange={onChangePassword} />
      {info && <KdfInfo t={t} info={info} lang={lang} />}
      <WipeForm t={t} busy={busy === 'wipe'} onWipe={onWipe} />
    </ManageSection>
  );
}

function KdfInfo({ t, info, lang }: { t: Translate; info: VaultInfo; lang: string }) {
  const { algorithm, memoryKiB, iterations, parallelism } = info.kdf;
  const memory = memoryKiB % 1024 === 0 ? `${memoryKiB / 1024} MiB` : `${memoryKiB} KiB`;
  const rows: [string, string][] = [
    [t('security_kdf_method'), ALGORITHMS[algorithm] ?? algorithm],
    [t('security_kdf_memory'), memory],
    [t('security_kdf_iterations'), t('security_kdf_iterations_value', [`${iterations}`])],
    [t('security_kdf_parallelism'), `${parallelism}`],
    [t('security_encryption'), 'AES-256-GCM'],
    [
      t('security_created'),
      new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(info.createdAt),
    ],
  ];
  return (
    <div className="subsection">
      <h3>{t('security_kdf_title')}</h3>
      <p className="hint">{t('security_kdf_intro')}</p>
      <dl className="facts" data-testid="vault-kdf">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
