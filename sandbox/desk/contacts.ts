/** `GET /contacts/{contactId}` and the contact's help centers (Contact.json). */
import { empty, json, type Reply } from '../http';
import type { SandboxState } from '../state';
import {
  bool,
  type DeskCall,
  type Endpoint,
  invalidData,
  noSuch,
  orgHelpCenter,
  orgHelpCenters,
  textArg,
} from './call';
import { helpCenterUrl } from './help-centers';
import { idParam, ORG_ID } from './params';

/** The contact the path names, in the call's organization. */
function findContact(call: DeskCall) {
  return call.state.data.contacts.find((c) => c.id === call.args.contactId && c.orgId === call.org?.id);
}

function contactWebUrl(state: SandboxState, orgId: string, contactId: string): string {
  const org = state.data.orgs.find((o) => o.id === orgId);
  return `https://desk.zoho.com/support/${org?.portalName ?? 'portal'}/ShowHomePage.do#Contacts/dv/${contactId}`;
}

function getContact(call: DeskCall): Reply {
  const contact = findContact(call);
  if (!contact) return noSuch(call, 'contactId');
  // Contact.json getContact: every field required, most of them nullable; no account, no owner here.
  const { state } = call;
  return json(200, {
    id: contact.id,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    secondaryEmail: null,
    phone: null,
    mobile: null,
    type: null,
    title: null,
    description: null,
    street: null,
    city: null,
    state: null,
    country: null,
    zip: null,
    facebook: null,
    twitter: null,
    accountId: null,
    ownerId: null,
    accountCount: '0',
    cf: {},
    customFields: {},
    customerHappiness: { badPercentage: '0', okPercentage: '0', goodPercentage: '0' },
    isAnonymous: false,
    isDeleted: false,
    isEndUser: bool(state, true),
    isFollowing: bool(state, false),
    isSpam: false,
    isTrashed: false,
    layoutId: null,
    layoutDetails: null,
    photoURL: null,
    zohoCRMContact: null,
    webUrl: contactWebUrl(state, contact.orgId, contact.id),
    createdTime: '2025-03-01T09:15:00.000Z',
    modifiedTime: '2025-03-01T09:15:00.000Z',
  });
}

/**
 * ResponseHelpCenterUser.json listHelpCenters: each help center the contact's end user belongs to, with the
 * user's status and ID there (204 when the contact is no end user, or not of that help center).
 */
function contactHelpCenters(call: DeskCall): Reply {
  const contact = findContact(call);
  if (!contact) return noSuch(call, 'contactId');
  const helpCenterId = textArg(call, 'helpCenterId');
  if (helpCenterId !== undefined && !orgHelpCenter(call, helpCenterId))
    return invalidData('helpCenterId', 'helpCenterId is invalid');
  const user = call.state.data.users.find((u) => u.contactId === contact.id && u.orgId === contact.orgId);
  if (!user) return empty();
  const data = orgHelpCenters(call)
    .filter((h) => user.helpCenterIds.includes(h.id) && (helpCenterId === undefined || h.id === helpCenterId))
    .map((h) => ({
      helpCenter: { id: h.id, name: h.name, url: helpCenterUrl(h), status: 'ACTIVE' },
      userStatus: user.status,
      userId: user.id,
    }));
  return data.length ? json(200, { data }) : empty();
}

export const contactEndpoints: Endpoint[] = [
  {
    operationId: 'getContact',
    method: 'GET',
    path: '/api/v1/contacts/{contactId}',
    scopes: ['Desk.contacts.READ'],
    needsOrg: true,
    params: [
      idParam('contactId', 'path', true),
      ORG_ID,
      // Accepted; this sandbox's contacts have no account or owner to add.
      {
        name: 'include',
        in: 'query',
        schema: {
          type: ['null', 'array'],
          items: { type: ['string', 'null'], enum: ['accounts', 'owner'], maxLength: 100 },
        },
      },
    ],
    handle: getContact,
  },
  {
    operationId: 'getContactActivationStatusAcrossHelpCenters',
    list: true,
    method: 'GET',
    path: '/api/v1/contacts/{contactId}/helpCenters',
    scopes: ['Desk.contacts.READ'],
    needsOrg: true,
    params: [idParam('helpCenterId', 'query'), idParam('contactId', 'path', true), ORG_ID],
    availability: (s) => s.config.routes.contactHelpCenters,
    handle: contactHelpCenters,
  },
];
