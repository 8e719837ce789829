/** `GET /contacts/{contactId}` (Contact.json). */

import { json, type Reply } from '../http';
import type { SandboxState } from '../state';
import { bool, type DeskCall, type Endpoint, noSuch } from './call';
import { idParam, ORG_ID } from './params';

function contactWebUrl(state: SandboxState, orgId: string, contactId: string): string {
  const org = state.data.orgs.find((o) => o.id === orgId);
  return `https://desk.zoho.com/support/${org?.portalName ?? 'portal'}/ShowHomePage.do#Contacts/dv/${contactId}`;
}

function getContact(call: DeskCall): Reply {
  const contact = call.state.data.contacts.find((c) => c.id === call.args.contactId && c.orgId === call.org?.id);
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
];
