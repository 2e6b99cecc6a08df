import type { Translate } from '../lib/i18n';

/** The manage page's last line: the privacy policy shipped with the extension (works offline). */
export function ManageFooter({ t }: { t: Translate }) {
  return (
    <footer className="manage-footer">
      <a href="/privacy.html" target="_blank" data-testid="privacy-policy">
        {t('privacy_policy')}
      </a>
    </footer>
  );
}
