/**
 * What Zoho's authorization page sends back to the redirect URI (the code flow's code, the implicit flow's token,
 * or an error), read strictly: only the redirect URI asked for, and only an accounts server on the data-center
 * allowlist. And when the admin closed Zoho's window, what Zoho's page said.
 */
import { ZohoError } from '../../platform/errors';
import type { ClientType } from '../../platform/zoho/client-types';
import { type DataCenter, dataCenterByAccountsServer, dataCenterByLocation } from '../../platform/zoho/datacenters';
import { authError, typeLabel } from '../token-endpoint';

export function parseCallback(redirect: string, redirectUri: string): URLSearchParams {
  if (!redirect.startsWith(redirectUri))
    throw authError('Zoho redirected somewhere unexpected; the answer was ignored.');
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
        `Zoho named an accounts server that is not a known Zoho data center (${server}). Nothing was sent to it.`,
        'Connect again. If it repeats, tell us which data center your account is in.',
      );
    }
    return dc;
  }
  if (location) {
    const dc = dataCenterByLocation(location);
    if (!dc) throw authError(`Zoho named an unknown data center "${location}". Nothing was sent to it.`);
    return dc;
  }
  return start;
}

/** The access token of an implicit-flow answer (in the fragment), with its lifetime. */
export function implicitToken(callback: URLSearchParams): { token: string; expiresInSeconds: number } {
  const token = callback.get('access_token');
  const expiresIn = Number(callback.get('expires_in') ?? '3600');
  if (!token || !Number.isFinite(expiresIn) || expiresIn <= 0)
    throw authError('Zoho sent no usable access token.', 'Connect again.');
  return { token, expiresInSeconds: expiresIn };
}

/** An error Zoho sent back to the redirect URI, said so the admin knows what to change. */
export function authorizeError(error: string, clientType: ClientType): ZohoError {
  if (error === 'access_denied')
    return authError(
      'You declined access in Zoho, so the extension is not connected.',
      'Connect again and choose Accept.',
    );
  if (error === 'unsupported_response_type' || error === 'unauthorized_client') {
    return clientType === 'client'
      ? new ZohoError({
          kind: 'auth',
          errorCode: error,
          message: `This Zoho client does not allow the JavaScript flow, so it is not a ${typeLabel('client')} client.`,
          action: `Choose ${typeLabel('mobile')} (or ${typeLabel('server')}, with its secret) and connect again.`,
          suggestClientType: 'mobile',
        })
      : new ZohoError({
          kind: 'auth',
          errorCode: error,
          message: `This Zoho client does not allow the authorization-code flow: it looks like a ${typeLabel('client')} client.`,
          action: `Choose ${typeLabel('client')} and connect again.`,
          suggestClientType: 'client',
        });
  }
  return new ZohoError({
    kind: 'auth',
    errorCode: error,
    message: `Zoho refused the sign-in: ${error}.`,
    action: 'Check the settings and connect again.',
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
      message: `Zoho says the redirect URI ${redirectUri} is not registered for this client.`,
      action: `Add it to the client in Zoho's API console. If the console does not accept it for a ${typeLabel(clientType)} client, register a ${typeLabel(other)} client instead, or use a ${typeLabel('self')}, which needs no redirect URI at all.`,
      suggestClientType: other,
    });
  }
  if (/invalid client/i.test(text)) {
    return authError(
      'Zoho does not know this Client ID.',
      "Copy the Client ID again from Zoho's API console, and check that Multi-DC is enabled for the client.",
    );
  }
  if (/code.?challenge/i.test(text) && clientType !== 'client') {
    return new ZohoError({
      kind: 'auth',
      errorCode: 'invalid_code_challenge',
      message: 'Zoho refused the sign-in request of this client type.',
      action: `Check the client type: choose the one registered in Zoho's API console.`,
    });
  }
  return null;
}
