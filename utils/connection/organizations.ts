import type { DeskClient } from '../platform/zoho/desk-client';
import { organizationList } from '../platform/zoho/schemas';

export interface OrganizationView {
  id: string;
  name: string;
  portalName?: string;
  isDefault: boolean;
}

/** The organizations the signed-in account belongs to. A failure throws: never an empty list by mistake. */
export async function listOrganizations(client: DeskClient): Promise<OrganizationView[]> {
  const { data } = await client.request({
    method: 'GET',
    path: '/api/v1/organizations',
    orgId: null,
    schema: organizationList,
  });
  return data.data.map((org) => {
    const name = org.companyName || org.organizationName || org.portalName || `Organization ${org.id}`;
    return {
      id: org.id,
      name,
      ...(org.portalName ? { portalName: org.portalName } : {}),
      isDefault: org.isDefault ?? false,
    };
  });
}
