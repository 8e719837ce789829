/**
 * The redirect URI to register in Zoho's API console. In Firefox there are two: its own (allizom.org) and the
 * loopback one (Firefox 86 and later), and the admin picks the one the console took.
 */
import { CopyableId } from '../../components/common/CopyableId';
import type { FirefoxRedirect } from '../../utils/connection/redirect-uri';
import { t } from '../../utils/platform/i18n';
import { RadioChoices } from './RadioChoices';

export function RedirectUris(props: {
  redirectUri: string;
  firefoxRedirects?: Record<FirefoxRedirect, string>;
  picked: FirefoxRedirect;
  onPick: (pick: FirefoxRedirect) => void;
}) {
  const both = props.firefoxRedirects;
  if (!both) {
    return (
      <div class="field">
        <CopyableId label={t('options_redirect_uri')} value={props.redirectUri} id="redirect" />
      </div>
    );
  }
  return (
    <div class="field">
      <CopyableId label={t('options_redirect_firefox')} value={both.extension} id="redirect" />
      <CopyableId label={t('options_redirect_loopback')} value={both.loopback} id="redirect-loopback" />
      <RadioChoices
        legend={t('options_redirect_registered')}
        name="firefox-redirect"
        value={props.picked}
        onChange={props.onPick}
        choices={[
          ['extension', t('options_redirect_extension_choice'), t('options_redirect_extension_hint')],
          ['loopback', t('options_redirect_loopback_choice'), t('options_redirect_loopback_hint')],
        ]}
      />
    </div>
  );
}
