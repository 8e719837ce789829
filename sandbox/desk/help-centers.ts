/** `GET /helpCenters` and `GET /helpCenters/{id}` (Helpcenter.json). */
import type { HelpCenter } from '../data';
import { empty, json, type Reply } from '../http';
import { type DeskCall, type Endpoint, noSuch, orgHelpCenter, orgHelpCenters, pageOf, textArg } from './call';
import { fromParam, idParam, limitParam, ORG_ID } from './params';

const READ_HELP_CENTERS = ['Desk.settings.READ', 'Desk.basic.READ'];

/** Where the help center's portal is. */
export function helpCenterUrl(h: HelpCenter): string {
  return `https://desk.zoho.com/portal/${h.portalName}/`;
}

/** Helpcenter.json helpcenterDefaultResponse: Zoho's fields, no portal name. */
function helpCenterItem(h: HelpCenter, isDefault: boolean) {
  return {
    id: h.id,
    name: h.name,
    isDefault,
    departmentIds: h.departmentIds,
    url: helpCenterUrl(h),
    logoUrl: null,
    status: 'ACTIVE',
    primaryLocale: 'en',
    locales: ['en'],
    helpCenterLocales: [{ name: h.name, locale: 'en', type: 'DEFAULT', status: 'ACCESIBLE_IN_HELPCENTER' }],
    isMultilingualEnabled: false,
    isEncodedPermalinkAllowed: false,
  };
}

function listHelpCenters(call: DeskCall): Reply {
  const withTranslation = textArg(call, 'include') === 'translateSettings';
  const all = orgHelpCenters(call).map((h, index) => ({
    ...helpCenterItem(h, index === 0),
    ...(withTranslation ? { translateSettings: { translateMode: 'MANUAL', autoTranslateSettings: [] } } : {}),
  }));
  const data = pageOf(call, all);
  return data.length ? json(200, { data }) : empty();
}

/** Helpcenter.json helpcenterDetailResponse: the list item and the help center's settings. */
function getHelpCenter(call: DeskCall): Reply {
  const helpCenter = orgHelpCenter(call, textArg(call, 'helpcenterId'));
  if (!helpCenter) return noSuch(call, 'helpcenterId');
  return json(200, {
    ...helpCenterItem(helpCenter, orgHelpCenters(call)[0]?.id === helpCenter.id),
    translateMode: 'MANUAL',
    siteMapUpdatedTime: null,
    domains: [],
    favIconUrl: null,
    logoLinkBackUrl: null,
    autoTranslateSettings: [],
    activeThemeId: null,
  });
}

export const helpCenterEndpoints: Endpoint[] = [
  {
    operationId: 'getAllHelpCenters',
    list: true,
    method: 'GET',
    path: '/api/v1/helpCenters',
    scopes: READ_HELP_CENTERS,
    needsOrg: true,
    params: [
      fromParam(),
      limitParam(undefined),
      ORG_ID,
      {
        name: 'include',
        in: 'query',
        schema: { type: ['string'], enum: ['translateSettings'], pattern: '(translateSettings)' },
      },
    ],
    availability: (s) => s.config.routes.helpCenters,
    handle: listHelpCenters,
  },
  {
    operationId: 'getHelpCenter',
    method: 'GET',
    path: '/api/v1/helpCenters/{helpcenterId}',
    scopes: READ_HELP_CENTERS,
    needsOrg: true,
    params: [idParam('helpcenterId', 'path'), ORG_ID],
    handle: getHelpCenter,
  },
];
