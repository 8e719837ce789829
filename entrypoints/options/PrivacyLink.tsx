/** The privacy policy the extension ships (entrypoints/privacy, written from PRIVACY.md), in a tab of its own. */
import { t } from '../../utils/platform/i18n';

export function PrivacyLink() {
  return (
    <footer class="page-footer">
      <a href="privacy.html" target="_blank" rel="noopener">
        {t('options_privacy_link')}
      </a>
      {t('options_privacy_about')}
    </footer>
  );
}
