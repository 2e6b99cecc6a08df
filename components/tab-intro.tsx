import type { Translate } from '../lib/i18n';

interface Props {
  t: Translate;
  /** The host of the page that asked, when the worker could tell. */
  host: string | null;
  /** No vault yet: the page asked for one to be created, not unlocked. */
  creating: boolean;
}

/**
 * The popup opened as a tab by a page (`popup.html?tab=N`, from 「ロックを解除する」 on KOSMO): a
 * full tab says whose it is and why it opened, since the user did not open it themself.
 */
export function TabIntro({ t, host, creating }: Props) {
  const page = host ? t('tab_intro_host', [host]) : t('tab_intro_page');
  return (
    <>
      <header className="bar">
        <span className="brand">
          <img src="/icon/32.png" alt="" width={20} height={20} />
          PC Authenticator
        </span>
      </header>
      <p className="notice tab-intro" data-testid="tab-intro">
        {t(creating ? 'tab_intro_create' : 'tab_intro_unlock', [page])}
      </p>
    </>
  );
}
