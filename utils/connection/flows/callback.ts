/**
 * What Zoho's authorization page sends back to the redirect URI (the code flow's code, the implicit flow's token,
 * or an error), read strictly: only the redirect URI asked for, and only an accounts server on the data-center
 * allowlist. And when the admin closed Zoho's window, what Zoho's page said.
 */
import { ZohoError } from '../../platform/errors';
import { t } from '../../platform/i18n';
import type { ClientType } from '../../platform/zoho/client-types';
import { type DataCenter, dataCenterByAccountsServer, dataCenterByLocation } from '../../platform/zoho/datacenters';
import { authError, typeLabel } from '../token-endpoint';

export function parseCallback(redirect: string, redirectUri: string): URLSearchParams {
  if (!redirect.startsWith(redirectUri)) throw authError(t('worker_auth_unexpected_redirect'));
  const url = new URL(redirect);
  const params = new URLSearchParams(url.search);
  // Some providers answer in the fragment; take it only where the query is silent.
  for (const [key, value] of new URLSearchParams(url.hash.slice(1))) if (!params.has(key)) params.set(key, value);
  return params;
}

/** The account's data center, from the callback, only if it is on the allowlist. */
export function callbackDataCenter(callback: URLSearchParams, start: DataCenter): DataCenter {
  const server = callback.get('accounts-server');
  const location = callback.get('location');
  if (server) {
    const dc = dataCenterByAccountsServer(server);
    if (!dc || (location && location !== dc.location)) {
      throw authError(
        t('worker_auth_unknown_accounts_server', [server]),
        t('worker_auth_unknown_accounts_server_action'),
      );
    }
    return dc;
  }
  if (location) {
    const dc = dataCenterByLocation(location);
    if (!dc) throw authError(t('worker_auth_unknown_location', [location]));
    return dc;
  }
  return start;
}

/** The access token of an implicit-flow answer (in the fragment), with its lifetime. */
export function implicitToken(callback: URLSearchParams): { token: string; expiresInSeconds: number } {
  const token = callback.get('access_token');
  const expiresIn = Number(callback.get('expires_in') ?? '3600');
  if (!token || !Number.isFinite(expiresIn) || expiresIn <= 0)
    throw authError(t('worker_auth_no_access_token'), t('worker_auth_connect_again'));
  return { token, expiresInSeconds: expiresIn };
}

/** An error Zoho sent back to the redirect URI, said so the admin knows what to change. */
export function authorizeError(error: string, clientType: ClientType): ZohoError {
  if (error === 'access_denied') return authError(t('worker_auth_declined'), t('worker_auth_declined_action'));
  if (error === 'unsupported_response_type' || error === 'unauthorized_client') {
    return clientType === 'client'
      ? new ZohoError({
          kind: 'auth',
          errorCode: error,
          message: t('worker_auth_not_javascript_client', [typeLabel('client')]),
          action: t('worker_auth_not_javascript_client_action', [typeLabel('mobile'), typeLabel('server')]),
          suggestClientType: 'mobile',
        })
      : new ZohoError({
          kind: 'auth',
          errorCode: error,
          message: t('worker_auth_javascript_client', [typeLabel('client')]),
          action: t('worker_auth_choose_type', [typeLabel('client')]),
          suggestClientType: 'client',
        });
  }
  return new ZohoError({
    kind: 'auth',
    errorCode: error,
    message: t('worker_auth_refused', [error]),
    action: t('worker_auth_check_settings'),
  });
}

/** The client type to try when Zoho's console would not take the redirect URI for this one. */
const OTHER_TYPE: Record<ClientType, ClientType> = {
  mobile: 'client',
  server: 'mobile',
  client: 'mobile',
  self: 'mobile',
};

/**
 * After the sign-in window was closed: ask Zoho for the same authorization page without cookies and read
 * its refusal, if it shows one. Read-only; null when there is nothing to say or Zoho cannot be asked.
 */
export async function diagnoseAuthorize(
  fetchFn: typeof fetch,
  authorize: URL,
  clientType: ClientType,
  redirectUri: string,
): Promise<ZohoError | null> {
  let text: string;
  try {
    const res = await fetchFn(authorize.toString(), { credentials: 'omit', redirect: 'manual' });
    if (res.status < 400) return null;
    text = (await res.text()).slice(0, 20_000);
  } catch {
    return null;
  }
  if (/invalid redirect ?uri/i.test(text)) {
    const other = OTHER_TYPE[clientType];
    // A Self Client needs no redirect at all: the way that works whatever the console accepts.
    return new ZohoError({
      kind: 'auth',
      errorCode: 'invalid_redirect_uri',
      message: t('worker_auth_redirect_not_registered_uri', [redirectUri]),
      action: t('worker_auth_redirect_not_registered_action', [
        typeLabel(clientType),
        typeLabel(other),
        typeLabel('self'),
      ]),
      suggestClientType: other,
    });
  }
  if (/invalid client/i.test(text)) {
    return authError(t('worker_auth_unknown_client'), t('worker_auth_unknown_client_action'));
  }
  if (/code.?challenge/i.test(text) && clientType !== 'client') {
    return new ZohoError({
      kind: 'auth',
      errorCode: 'invalid_code_challenge',
      message: t('worker_auth_type_refused'),
      action: t('worker_auth_type_refused_action'),
    });
  }
  return null;
}
