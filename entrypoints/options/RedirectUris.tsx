/**
 * The redirect URI to register in Zoho's API console. In Firefox there are two: its own (allizom.org) and the
 * loopback one (Firefox 86 and later), and the admin picks the one the console took.
 */
import { CopyableId } from '../../components/common/CopyableId';
import type { FirefoxRedirect } from '../../utils/connection/redirect-uri';
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
        <CopyableId label="Redirect URI to register in Zoho's API console" value={props.redirectUri} id="redirect" />
      </div>
    );
  }
  return (
    <div class="field">
      <CopyableId label="Firefox redirect URI" value={both.extension} id="redirect" />
      <CopyableId label="Loopback redirect URI" value={both.loopback} id="redirect-loopback" />
      <RadioChoices
        legend="Redirect URI registered in Zoho's API console"
        name="firefox-redirect"
        value={props.picked}
        onChange={props.onPick}
        choices={[
          [
            'extension',
            "Firefox's own (allizom.org)",
            'Register it first: it is the address Firefox gives the extension.',
          ],
          [
            'loopback',
            'Loopback (127.0.0.1)',
            'When the console refuses the allizom.org address. Firefox catches it; nothing listens there.',
          ],
        ]}
      />
    </div>
  );
}
