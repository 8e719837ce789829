import { t } from '../../utils/platform/i18n';

/** Shown on an agent-app path of a host that is not Zoho's: perhaps the organization's own Desk address. */
export function OwnDomainOffer(props: { origin: string; onAdd: () => void }) {
  return (
    <section class="own-domain" aria-labelledby="own-domain-title">
      <h2 id="own-domain-title">{t('popup_own_domain_title')}</h2>
      <p class="muted">{t('popup_own_domain_body', [props.origin])}</p>
      <button type="button" onClick={props.onAdd}>
        {t('popup_own_domain_add')}
      </button>
    </section>
  );
}
