import { useEffect, useState } from 'preact/hooks';
import type { ZohoAccessApi } from '../../utils/connection/zoho-access';
import { t } from '../../utils/platform/i18n';

/**
 * Shown while the browser withholds site access to Zoho's hosts: without it the control is not added to Desk
 * pages and no call reaches Zoho, so the admin learns why here and grants it with one click.
 */
export function ZohoAccessNotice(props: { api: ZohoAccessApi; skin: 'page' | 'panel' }) {
  const { api } = props;
  const [granted, setGranted] = useState<boolean | undefined>(undefined);
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    const check = () => void api.hasZohoAccess().then(setGranted, () => setGranted(undefined));
    check();
    return api.watchZohoAccess(check);
  }, []);

  if (granted !== false) return null;
  const ask = async () => {
    const ok = await api.requestZohoAccess().catch(() => false);
    setRefused(!ok);
    setGranted(ok || (await api.hasZohoAccess().catch(() => false)));
  };
  const panel = props.skin === 'panel';
  return (
    <div class={panel ? 'br-notice' : 'warning'} role="alert" aria-labelledby="zoho-access-title">
      <p id="zoho-access-title">
        <strong>{t('common_zoho_access_title')}</strong>
      </p>
      <p>
        {t('common_zoho_access_body')}
        {refused ? ` ${t('common_zoho_access_refused')}` : ''}
      </p>
      <button type="button" class={panel ? 'br-primary' : 'primary'} onClick={ask}>
        {t('common_zoho_access_allow')}
      </button>
    </div>
  );
}
