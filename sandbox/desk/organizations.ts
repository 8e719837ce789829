/** `GET /organizations`: the organizations the token's account belongs to (no orgId needed). */
import { json, type Reply } from '../http';
import { bool, type DeskCall, type Endpoint } from './call';

function listOrganizations(call: DeskCall): Reply {
  const { state } = call;
  // Organization.json getOrganizationResponse: every field required, most of them nullable.
  const data = state.visibleOrgs().map((org, index) => ({
    id: org.id,
    companyName: org.companyName,
    portalName: org.portalName,
    portalURL: `https://desk.zoho.com/support/${org.portalName}`,
    isDefault: bool(state, index === 0),
    isAdminInOrg: true,
    edition: org.edition,
    alias: null,
    description: null,
    employeeCount: null,
    website: null,
    phoneNumber: null,
    mobile: null,
    fax: null,
    primaryContact: null,
    street: null,
    city: null,
    state: null,
    country: null,
    zip: null,
    currencyCode: 'USD',
    currencyLocale: 'US',
    currencySymbol: '$',
    faviconURL: null,
    logoURL: null,
    isPayloadEncryptionEnabled: bool(state, false),
    isSandboxPortal: bool(state, false),
    // Added by the newest Organization.json: onboarding answers, required and nullable.
    designation: null,
    employeeCountRange: null,
    industry: null,
    migrationFrom: null,
    preferredCommunicationChannels: null,
    preferredSolution: null,
    timeZone: null,
  }));
  return json(200, { data });
}

export const organizationEndpoints: Endpoint[] = [
  {
    operationId: 'getOrganizations',
    list: true,
    method: 'GET',
    path: '/api/v1/organizations',
    scopes: ['Desk.basic.READ', 'Desk.organization.READ', 'Desk.settings.READ'],
    needsOrg: false,
    // Organization.json declares none, not even orgId.
    params: [],
    handle: listOrganizations,
  },
];
