/**
 * Zoho OAuth 2.0 for the service worker, for each Zoho client type (utils/platform/zoho/client-types.ts): the
 * authorization code with PKCE (S256) through `identity.launchWebAuthFlow` (Mobile-based, and Server-based
 * with its secret) with a refresh token, or the implicit flow (Client-based) renewed through the admin's
 * Zoho session. Single-flight renewal, revoke. Every dependency is injected.
 * Tokens are stored, never logged, and never leave the service worker.
 */

import { ZohoError } from '../platform/errors';
import { CLIENT_TYPE_INFO, type ClientType, DEFAULT_CLIENT_TYPE } from '../platform/zoho/client-types';
import {
  type DataCenter,
  DEFAULT_DATA_CENTER,
  dataCenterByAccountsServer,
  dataCenterByLocation,
} from '../platform/zoho/datacenters';
import { type TokenSuccess, tokenError, tokenSuccess } from '../platform/zoho/schemas';
import { base64url, createPkce, cryptoRandom, type RandomBytes } from './pkce';
import { DESK_SCOPES } from './scopes';
import type { SecretStore } from './secret-store';
import {
  type AccessToken,
  accessTokenItem,
  type Connection,
  connectionItem,
  pendingAuthItem,
  type Settings,
} from './stored';

export interface IdentityLike {
  launchWebAuthFlow(details: {
    url: string;
    interactive: boolean;
    abortOnLoadForNonInteractive?: boolean;
    timeoutMsForNonInteractive?: number;
  }): Promise<string | undefined>;
  getRedirectURL(path?: string): string;
}

export interface AuthDeps {
  identity: IdentityLike;
  fetch: typeof fetch;
  now: () => number;
  /** Where the refresh token and the client secret are kept, out of content scripts' reach. */
  secrets: SecretStore;
  random?: RandomBytes;
}

/** Refresh this long before Zoho's expiry, so no call goes out with a token about to lapse. */
export const REFRESH_MARGIN_MS = 60_000;

/** What a connect needs: the settings, and the client secret from the secret store ('' when none). */
export type ConnectSettings = Pick<Settings, 'clientId' | 'dataCenter'> &
  Partial<Pick<Settings, 'clientType'>> & { clientSecret: string };

/** How long a silent renewal through the Zoho session may take before it counts as "needs the admin". */
export const SESSION_RENEWAL_TIMEOUT_MS = 15_000;

export interface ZohoAuth {
  connect(settings: ConnectSettings): Promise<Connection>;
  getAccessToken(): Promise<string>;
  invalidateAccessToken(token: string): Promise<void>;
  disconnect(): Promise<{ revoked: boolean }>;
}

const notConnected = () =>
  new ZohoError({
    kind: 'not-connected',
    message: 'The extension is not connected to Zoho Desk.',
    action: 'Open the options page and connect.',
  });

const reconnect = (why: string) =>
  new ZohoError({ kind: 'reconnect', message: why, action: 'Open the options page and connect again.' });

/** A Client-based connection's Zoho session is over: nothing renews until the admin connects again. */
const SESSION_ENDED = 'Your Zoho session ended, so the extension cannot renew its access to Zoho Desk.';

const authError = (message: string, action = 'Check the settings and connect again.') =>
  new ZohoError({ kind: 'auth', message, action });

export function createZohoAuth(deps: AuthDeps): ZohoAuth {
  const random = deps.random ?? cryptoRandom;
  let refreshing: Promise<string> | null = null;

  const post = async (url: string, form: Record<string, string>): Promise<Response> => {
    try {
      return await deps.fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      });
    } catch (cause) {
      throw new ZohoError(
        {
          kind: 'network',
          message: `Could not reach Zoho Accounts (${new URL(url).host}).`,
          action: 'Check your internet connection and try again.',
        },
        { cause },
      );
    }
  };

  /** Revokes at Zoho: best effort, offline leaves Zoho's copy to lapse unused. */
  const revoke = async (dc: DataCenter, token: string): Promise<boolean> => {
    try {
      const res = await deps.fetch(`${dc.accountsServer}/oauth/v2/token/revoke?${new URLSearchParams({ token })}`, {
        method: 'POST',
      });
      const body = (await res.json().catch(() => null)) as { status?: string } | null;
      return res.ok && body?.status === 'success';
    } catch {
      return false;
    }
  };

  /** A new connection replaces the old one: the old refresh token is revoked, not left valid at Zoho. */
  const replaceRefreshToken = async (previous: Connection | null, next: string | undefined) => {
    const old = await deps.secrets.get('refreshToken');
    const dc = previous && dataCenterByLocation(previous.location);
    if (old && old !== next && dc) await revoke(dc, old);
    if (next) await deps.secrets.set('refreshToken', next);
    else await deps.secrets.delete('refreshToken');
  };

  // The token is read on every Desk call: keep the worker's copy in memory, storage.session as the backup
  // for when the worker restarts. Only this module writes it.
  let memo: AccessToken | null | undefined;
  const currentToken = async () => {
    if (memo === undefined) memo = await accessTokenItem.getValue();
    return memo;
  };
  const forgetToken = async () => {
    memo = null;
    await accessTokenItem.removeValue();
  };
  const storeAccessToken = async (issued: { token: string; expiresInSeconds: number }) => {
    memo = { token: issued.token, expiresAt: deps.now() + issued.expiresInSeconds * 1000 };
    await accessTokenItem.setValue(memo);
    return issued.token;
  };

  /** The connection can no longer renew by itself: the admin must connect again. */
  const needsReconnect = async (connection: Connection, error: ZohoError): Promise<never> => {
    await connectionItem.setValue({ ...connection, state: 'reconnect' });
    await forgetToken();
    throw error;
  };

  /** Client-based: a new token from the Zoho session, without a prompt, or `needsReconnect`. */
  const renewFromSession = async (connection: Connection, dc: DataCenter): Promise<string> => {
    const state = base64url(random(16));
    const redirectUri = deps.identity.getRedirectURL();
    const url = new URL(`${dc.accountsServer}/oauth/v2/auth/refresh`);
    url.search = new URLSearchParams({
      response_type: 'token',
      client_id: connection.clientId,
      scope: DESK_SCOPES.join(','),
      redirect_uri: redirectUri,
      state,
    }).toString();
    const sessionEnded = (cause?: unknown) =>
      new ZohoError(
        {
          kind: 'reconnect',
          errorCode: 'client_not_granted',
          message: SESSION_ENDED,
          action: 'Connect again. On Zoho’s page, allow access for the entire session so it renews by itself.',
        },
        { cause },
      );
    let redirect: string | undefined;
    try {
      // Never a window: if Zoho wants the admin (signed out), this fails and the admin is asked instead.
      redirect = await deps.identity.launchWebAuthFlow({
        url: url.toString(),
        interactive: false,
        abortOnLoadForNonInteractive: true,
        timeoutMsForNonInteractive: SESSION_RENEWAL_TIMEOUT_MS,
      });
    } catch (cause) {
      return needsReconnect(connection, sessionEnded(cause));
    }
    if (!redirect) return needsReconnect(connection, sessionEnded());
    const callback = parseCallback(redirect, redirectUri);
    if (callback.get('state') !== state) return needsReconnect(connection, sessionEnded());
    const error = callback.get('error');
    if (error === 'prompt_required') {
      return needsReconnect(
        connection,
        new ZohoError({
          kind: 'reconnect',
          errorCode: error,
          message: 'Zoho wants you to approve the extension’s access again.',
          action: 'Connect again and accept on Zoho’s page.',
        }),
      );
    }
    if (error) return needsReconnect(connection, sessionEnded());
    if (callbackDataCenter(callback, dc).location !== dc.location)
      return needsReconnect(connection, reconnect('Zoho renewed the access in another data center.'));
    return storeAccessToken(implicitToken(callback));
  };

  const refresh = async (): Promise<string> => {
    const fresh = await currentToken();
    if (fresh && fresh.expiresAt - REFRESH_MARGIN_MS > deps.now()) return fresh.token;
    const connection = await connectionItem.getValue();
    if (!connection) throw notConnected();
    if (connection.state === 'reconnect')
      throw reconnect(
        connection.clientType === 'client' ? SESSION_ENDED : 'The connection to Zoho has expired or was revoked.',
      );
    const dc = dataCenterByLocation(connection.location);
    if (!dc) throw reconnect('The stored connection names an unknown Zoho data center.');
    if (connection.clientType === 'client') return renewFromSession(connection, dc);
    const refreshToken = await deps.secrets.get('refreshToken');
    if (!refreshToken) return needsReconnect(connection, reconnect('The stored connection has no refresh token.'));
    const clientSecret = await deps.secrets.get('clientSecret');
    const res = await post(`${dc.accountsServer}/oauth/v2/token`, {
      grant_type: 'refresh_token',
      client_id: connection.clientId,
      refresh_token: refreshToken,
      ...(clientSecret ? { client_secret: clientSecret } : {}),
    });
    let reply: TokenSuccess;
    try {
      reply = await readTokenReply(res, 'refresh', connection.clientType ?? DEFAULT_CLIENT_TYPE);
    } catch (error) {
      if (error instanceof ZohoError && error.kind === 'reconnect') return needsReconnect(connection, error);
      throw error;
    }
    return storeAccessToken({ token: reply.access_token, expiresInSeconds: reply.expires_in });
  };

  return {
    async connect(settings) {
      const clientType = settings.clientType ?? DEFAULT_CLIENT_TYPE;
      const clientId = settings.clientId.trim();
      const clientSecret = clientType === 'client' ? '' : settings.clientSecret.trim();
      if (clientType === 'server' && !clientSecret) {
        throw authError(
          'A Server-based client needs its client secret.',
          "Enter the client secret from Zoho's API console, or register a Mobile-based client, which needs none.",
        );
      }
      const implicit = clientType === 'client';
      const fixed = settings.dataCenter === 'auto' ? undefined : dataCenterByLocation(settings.dataCenter);
      const start: DataCenter = fixed ?? DEFAULT_DATA_CENTER;
      const existing = await connectionItem.getValue();
      const pkce = await createPkce(random);
      const state = base64url(random(16));
      const redirectUri = deps.identity.getRedirectURL();
      await pendingAuthItem.setValue({
        state,
        verifier: implicit ? '' : pkce.verifier,
        redirectUri,
        startedAt: deps.now(),
      });

      const authorize = new URL(`${start.accountsServer}/oauth/v2/auth`);
      authorize.search = new URLSearchParams(
        implicit
          ? // Client-based: Zoho's implicit flow; the token comes back in the fragment, with no refresh token.
            {
              response_type: 'token',
              client_id: clientId,
              scope: DESK_SCOPES.join(','),
              redirect_uri: redirectUri,
              state,
            }
          : {
              client_id: clientId,
              response_type: 'code',
              redirect_uri: redirectUri,
              scope: DESK_SCOPES.join(','),
              access_type: 'offline',
              state,
              code_challenge: pkce.challenge,
              code_challenge_method: pkce.method,
              // Zoho issues a refresh token only on the first grant, or when consent is asked again.
              ...(existing?.state === 'connected' && existing.clientType !== 'client' ? {} : { prompt: 'consent' }),
            },
      ).toString();

      let redirect: string | undefined;
      try {
        redirect = await deps.identity.launchWebAuthFlow({ url: authorize.toString(), interactive: true });
      } catch (cause) {
        await pendingAuthItem.removeValue();
        // Zoho shows its refusals (unknown client, unregistered redirect URI) as a page the admin closes:
        // ask Zoho again, without the admin, what that page said.
        const diagnosed = await diagnoseAuthorize(deps.fetch, authorize, clientType, redirectUri);
        if (diagnosed) throw diagnosed;
        const text = cause instanceof Error ? cause.message : String(cause);
        if (/did not approve|closed|cancel/i.test(text)) {
          throw new ZohoError(
            { kind: 'cancelled', message: 'The Zoho sign-in window was closed before access was granted.' },
            { cause },
          );
        }
        throw authError(
          `The Zoho sign-in could not complete: ${text}`,
          "Check that the redirect URI shown here is registered for this client in Zoho's API console.",
        );
      }
      const pending = await pendingAuthItem.getValue();
      await pendingAuthItem.removeValue();
      if (!redirect || !pending || pending.state !== state)
        throw authError('The sign-in attempt was lost. Connect again.');

      const callback = parseCallback(redirect, pending.redirectUri);
      if (callback.get('state') !== pending.state) {
        throw authError(
          'The answer from Zoho does not belong to this sign-in attempt (state mismatch), so it was ignored.',
          'Connect again.',
        );
      }
      const error = callback.get('error');
      if (error) throw authorizeError(error, clientType);
      const dc = callbackDataCenter(callback, start);
      if (fixed && dc.location !== fixed.location) {
        throw authError(
          `This Zoho account lives in the ${dc.label} data center, but the settings fix ${fixed.label}.`,
          'Choose "Detect at sign-in" or the right data center, then connect again.',
        );
      }

      if (implicit) {
        const issued = implicitToken(callback);
        await replaceRefreshToken(existing, undefined);
        const connection: Connection = {
          state: 'connected',
          location: dc.location as Connection['location'],
          clientType,
          clientId,
          scopes: [...DESK_SCOPES],
          connectedAt: deps.now(),
        };
        await connectionItem.setValue(connection);
        await storeAccessToken(issued);
        return connection;
      }

      const code = callback.get('code');
      if (!code) throw authError('Zoho sent no authorization code.');
      const res = await post(`${dc.accountsServer}/oauth/v2/token`, {
        grant_type: 'authorization_code',
        client_id: clientId,
        code,
        redirect_uri: pending.redirectUri,
        code_verifier: pending.verifier,
        ...(clientSecret ? { client_secret: clientSecret } : {}),
      });
      const reply = await readTokenReply(res, 'exchange', clientType, Boolean(clientSecret));
      if (!reply.refresh_token) {
        throw authError(
          'Zoho granted access but sent no refresh token, so the connection could not last.',
          'Connect again; if it repeats, revoke the extension under Zoho Accounts → Connected Apps first.',
        );
      }
      await replaceRefreshToken(existing, reply.refresh_token);
      const connection: Connection = {
        state: 'connected',
        location: dc.location as Connection['location'],
        clientType,
        clientId,
        scopes: reply.scope ? reply.scope.split(/[ ,]+/).filter(Boolean) : [...DESK_SCOPES],
        connectedAt: deps.now(),
      };
      await connectionItem.setValue(connection);
      await storeAccessToken({ token: reply.access_token, expiresInSeconds: reply.expires_in });
      return connection;
    },

    async getAccessToken() {
      const cached = await currentToken();
      if (cached && cached.expiresAt - REFRESH_MARGIN_MS > deps.now()) return cached.token;
      refreshing ??= refresh().finally(() => {
        refreshing = null;
      });
      return refreshing;
    },

    async invalidateAccessToken(token) {
      if ((await currentToken())?.token === token) await forgetToken();
    },

    async disconnect() {
      const connection = await connectionItem.getValue();
      const dc = connection && dataCenterByLocation(connection.location);
      // A Client-based connection has no refresh token: its access token is what Zoho can revoke.
      const token = (await deps.secrets.get('refreshToken')) ?? (await currentToken())?.token;
      // Offline: local tokens are still forgotten below; Zoho's copy lapses unused.
      const revoked = dc && token ? await revoke(dc, token) : false;
      await Promise.all([
        deps.secrets.delete('refreshToken'),
        deps.secrets.delete('clientSecret'),
        connectionItem.removeValue(),
        forgetToken(),
        pendingAuthItem.removeValue(),
      ]);
      return { revoked };
    },
  };
}

const typeLabel = (type: ClientType) => CLIENT_TYPE_INFO[type].label;

/** The access token of an implicit-flow answer (in the fragment), with its lifetime. */
function implicitToken(callback: URLSearchParams): { token: string; expiresInSeconds: number } {
  const token = callback.get('access_token');
  const expiresIn = Number(callback.get('expires_in') ?? '3600');
  if (!token || !Number.isFinite(expiresIn) || expiresIn <= 0)
    throw authError('Zoho sent no usable access token.', 'Connect again.');
  return { token, expiresInSeconds: expiresIn };
}

/** An error Zoho sent back to the redirect URI, said so the admin knows what to change. */
function authorizeError(error: string, clientType: ClientType): ZohoError {
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
const OTHER_TYPE: Record<ClientType, ClientType> = { mobile: 'client', server: 'mobile', client: 'mobile' };

/**
 * After the sign-in window was closed: ask Zoho for the same authorization page without cookies and read
 * its refusal, if it shows one. Read-only; null when there is nothing to say or Zoho cannot be asked.
 */
async function diagnoseAuthorize(
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
    return new ZohoError({
      kind: 'auth',
      errorCode: 'invalid_redirect_uri',
      message: `Zoho says the redirect URI ${redirectUri} is not registered for this client.`,
      action: `Add it to the client in Zoho's API console. If the console does not accept it for a ${typeLabel(clientType)} client, register a ${typeLabel(other)} client instead.`,
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

function parseCallback(redirect: string, redirectUri: string): URLSearchParams {
  if (!redirect.startsWith(redirectUri))
    throw authError('Zoho redirected somewhere unexpected; the answer was ignored.');
  const url = new URL(redirect);
  const params = new URLSearchParams(url.search);
  // Some providers answer in the fragment; take it only where the query is silent.
  for (const [key, value] of new URLSearchParams(url.hash.slice(1))) if (!params.has(key)) params.set(key, value);
  return params;
}

/** The account's data center, from the callback, only if it is on the allowlist. */
function callbackDataCenter(callback: URLSearchParams, start: DataCenter): DataCenter {
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

const THROTTLE = /too many requests|access denied/i;

/** Zoho Accounts answers errors with HTTP 200 as often as not: the body decides. */
async function readTokenReply(
  res: Response,
  grant: 'exchange' | 'refresh',
  clientType: ClientType,
  sentSecret = false,
): Promise<TokenSuccess> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ZohoError({
      kind: 'server',
      status: res.status,
      message: `Zoho Accounts answered with something that is not JSON (HTTP ${res.status}).`,
      action: 'Try again in a minute.',
    });
  }
  const failure = tokenError.safeParse(body);
  if (failure.success) {
    const { error, error_description: description } = failure.data;
    if (THROTTLE.test(error) || THROTTLE.test(description ?? '')) {
      throw new ZohoError({
        kind: 'token-throttled',
        status: res.status,
        errorCode: error,
        message: 'Zoho is refusing new access tokens for a while: too many were requested in a short time.',
        action: 'Wait 10–15 minutes, then try again. The extension does not retry by itself.',
      });
    }
    if (grant === 'refresh' && (error === 'invalid_code' || error === 'invalid_client')) {
      throw new ZohoError({
        kind: 'reconnect',
        errorCode: error,
        message: 'Zoho no longer accepts this connection (the refresh token was revoked or expired).',
        action: 'Open the options page and connect again.',
      });
    }
    if (grant === 'exchange' && error === 'invalid_client' && !sentSecret) {
      // A Server-based client refuses an exchange without its secret with this same error.
      throw new ZohoError({
        kind: 'auth',
        status: res.status,
        errorCode: error,
        message: `Zoho refused the client without a secret: it is likely a ${typeLabel('server')} client (or the Client ID or data center is wrong).`,
        action: `Choose ${typeLabel('server')} and enter the client secret from Zoho's API console, or check the Client ID and that Multi-DC is enabled.`,
        suggestClientType: 'server',
      });
    }
    if (grant === 'exchange' && error === 'invalid_client_secret' && clientType !== 'server') {
      throw new ZohoError({
        kind: 'auth',
        status: res.status,
        errorCode: error,
        message: `Zoho rejected the client secret. A ${typeLabel('mobile')} client needs none.`,
        action: `Clear the client secret, or choose ${typeLabel('server')} and enter the right one.`,
      });
    }
    const messages: Record<string, string> = {
      invalid_code: 'The sign-in code from Zoho expired or was already used.',
      invalid_client:
        "Zoho does not recognise this client at the account's data center: check the Client ID, and that Multi-DC is enabled for the client in Zoho's API console.",
      invalid_client_secret: 'Zoho rejected the client secret.',
      invalid_redirect_uri: 'Zoho says the redirect URI is not registered for this client.',
    };
    throw new ZohoError({
      kind: 'auth',
      status: res.status,
      errorCode: error,
      message: messages[error] ?? `Zoho refused the request: ${error}${description ? ` (${description})` : ''}.`,
      action: 'Check the settings and connect again.',
    });
  }
  const success = tokenSuccess.safeParse(body);
  if (!res.ok || !success.success) {
    throw new ZohoError({
      kind: 'unexpected-response',
      status: res.status,
      message: `Zoho Accounts gave an answer the extension does not understand (HTTP ${res.status}).`,
      action: 'Try again. If it repeats, the Zoho API may have changed; please report it.',
    });
  }
  return success.data;
}
