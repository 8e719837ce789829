import { t } from '../platform/i18n';
import { getOrganizations } from '../platform/zoho/desk-api';
import type { DeskClient } from '../platform/zoho/desk-client';

export interface OrganizationView {
  id: string;
  name: string;
  portalName?: string;
  isDefault: boolean;
}

/** The organizations the signed-in account belongs to. A failure throws: never an empty list by mistake. */
export async function listOrganizations(client: DeskClient): Promise<OrganizationView[]> {
  return (await getOrganizations(client)).map((org) => {
    const name = org.companyName || org.organizationName || org.portalName || t('worker_org_unnamed', [org.id]);
    return {
      id: org.id,
      name,
      ...(org.portalName ? { portalName: org.portalName } : {}),
      isDefault: org.isDefault ?? false,
    };
  });
}
