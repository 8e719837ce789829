/** An earlier version's secrets were readable by Desk pages and were dealt with: what the admin must still do. */
import type { StatusView } from '../../utils/connection/requests';
import { t } from '../../utils/platform/i18n';

export function SecretsExposureNotice(props: { exposure: StatusView['secretsExposure'] }) {
  const { exposure } = props;
  if (!exposure) return null;
  return (
    <section class="card warning" role="alert" aria-labelledby="exposure-title">
      <h2 id="exposure-title">{t('options_exposure_title')}</h2>
      <p>{t('options_exposure_lead')}</p>
      <ul>
        {exposure.refreshTokenRevoked ? <li>{t('options_exposure_token_revoked')}</li> : null}
        {exposure.clientSecretExposed ? <li>{t('options_exposure_secret_removed')}</li> : null}
      </ul>
    </section>
  );
}
