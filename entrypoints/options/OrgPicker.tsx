/** The organizations the signed-in account belongs to, to choose the one the extension works in. */
import { useEffect, useState } from 'preact/hooks';
import { PageAlert } from '../../components/common/Notices';
import type { Client } from '../../utils/client';
import type { OrganizationView } from '../../utils/connection/organizations';
import type { StatusView } from '../../utils/connection/requests';
import { firstOrgChoice } from '../../utils/connection/settings-form';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { t } from '../../utils/platform/i18n';

export type OrgPickerApi = Pick<Client, 'listOrganizations' | 'chooseOrganization'>;

export function OrgPicker(props: { api: OrgPickerApi; current?: string; onChosen: (s: StatusView) => void }) {
  const [orgs, setOrgs] = useState<OrganizationView[] | null>(null);
  const [choice, setChoice] = useState(props.current ?? '');
  const [error, setError] = useState<SerializedError | null>(null);
  const load = async () => {
    setError(null);
    try {
      const list = await props.api.listOrganizations();
      setOrgs(list);
      if (!choice) setChoice(firstOrgChoice(list));
    } catch (e) {
      setError(serializeError(e));
    }
  };
  useEffect(() => {
    void load();
  }, []);
  const choose = async () => {
    try {
      props.onChosen(await props.api.chooseOrganization({ orgId: choice }));
    } catch (e) {
      setError(serializeError(e));
    }
  };
  if (error) {
    return (
      <div>
        <PageAlert error={error} />
        <button type="button" onClick={load}>
          {t('common_try_again')}
        </button>
      </div>
    );
  }
  if (!orgs) return <p>{t('options_orgs_loading')}</p>;
  return (
    <fieldset class="orgs">
      <legend>{t('options_orgs_legend')}</legend>
      {orgs.map((org) => (
        <label key={org.id} class="radio">
          <input
            type="radio"
            name="org"
            value={org.id}
            checked={choice === org.id}
            onChange={() => setChoice(org.id)}
          />
          {org.name} <span class="muted">({org.id})</span>
        </label>
      ))}
      <button type="button" class="primary" disabled={!choice} onClick={choose}>
        {t('options_orgs_use')}
      </button>
    </fieldset>
  );
}
