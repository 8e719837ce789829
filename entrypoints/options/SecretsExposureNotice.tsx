/** An earlier version's secrets were readable by Desk pages and were dealt with: what the admin must still do. */
import type { StatusView } from '../../utils/connection/requests';

export function SecretsExposureNotice(props: { exposure: StatusView['secretsExposure'] }) {
  const { exposure } = props;
  if (!exposure) return null;
  return (
    <section class="card warning" role="alert" aria-labelledby="exposure-title">
      <h2 id="exposure-title">Action needed after the update</h2>
      <p>An earlier version of this extension kept secrets where a Desk page's scripts could have read them.</p>
      <ul>
        {exposure.refreshTokenRevoked ? (
          <li>Its access to Zoho was revoked at Zoho, so nobody can use it: connect again below.</li>
        ) : null}
        {exposure.clientSecretExposed ? (
          <li>
            Its client secret was removed from this computer. In Zoho's API console, generate a new client secret for
            the client (the old one may have been read), then enter the new one below.
          </li>
        ) : null}
      </ul>
    </section>
  );
}
