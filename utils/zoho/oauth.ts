/**
 * Zoho OAuth 2.0 for the service worker: authorization code with PKCE (S256) through
 * `identity.launchWebAuthFlow`, single-flight refresh, revoke. Every dependency is injected.
 * Tokens are stored, never logged, and never leave the service worker.
 */
import {
  type AccessToken,
  accessTokenItem,
  type Connection,
  connectionItem,
  contactUsersItem,
  lastSearchItem,
  pendingAuthItem,
  readSettings,
  routeByOrgItem,
  type Settings,
} from '../storage';
import { type DataCenter, DEFAULT_DATA_CENTER, dataCenterByAccountsServer, dataCenterByLocation } from './datacenters';
import { ZohoError } from './errors';
import { base64url, createPkce, cryptoRandom, type RandomBytes } from './pkce';
import { type TokenSuccess, tokenError, tokenSuccess } from './schemas';
import { DESK_SCOPES } from './scopes';

export interface IdentityLike {
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
  getRedirectURL(path?: string): string;
}

export interface AuthDeps {
  identity: IdentityLike;
  fetch: typeof fetch;
  now: () => number;
  random?: RandomBytes;
}

/** Refresh this long before Zoho's expiry, so no call goes out with a token about to lapse. */
export const REFRESH_MARGIN_MS = 60_000;

export type ConnectSettings = Pick<Settings, 'clientId' | 'clientSecret' | 'dataCenter'>;

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
  const storeAccessToken = async (reply: TokenSuccess) => {
    memo = { token: reply.access_token, expiresAt: deps.now() + reply.expires_in * 1000 };
    await accessTokenItem.setValue(memo);
  };

  const refresh = async (): Promise<string> => {
    const fresh = await currentToken();
    if (fresh && fresh.expiresAt - REFRESH_MARGIN_MS > deps.now()) return fresh.token;
    const connection = await connectionItem.getValue();
    if (!connection) throw notConnected();
    if (connection.state === 'reconnect') throw reconnect('The connection to Zoho has expired or was revoked.');
    const dc = dataCenterByLocation(connection.location);
    if (!dc) throw reconnect('The stored connection names an unknown Zoho data center.');
    const { clientSecret } = await readSettings();
    const res = await post(`${dc.accountsServer}/oauth/v2/token`, {
      grant_type: 'refresh_token',
      client_id: connection.clientId,
      refresh_token: connection.refreshToken,
      ...(clientSecret ? { client_secret: clientSecret } : {}),
    });
    try {
      const reply = await readTokenReply(res, 'refresh');
      await storeAccessToken(reply);
      return reply.access_token;
    } catch (error) {
      if (error instanceof ZohoError && error.kind === 'reconnect') {
        await connectionItem.setValue({ ...connection, state: 'reconnect' });
        await forgetToken();
      }
      throw error;
    }
  };

  return {
    async connect(settings) {
      const clientId = settings.clientId.trim();
      const clientSecret = settings.clientSecret.trim();
      const fixed = settings.dataCenter === 'auto' ? undefined : dataCenterByLocation(settings.dataCenter);
      const start: DataCenter = fixed ?? DEFAULT_DATA_CENTER;
      const existing = await connectionItem.getValue();
      const pkce = await createPkce(random);
      const state = base64url(random(16));
      const redirectUri = deps.identity.getRedirectURL();
      await pendingAuthItem.setValue({ state, verifier: pkce.verifier, redirectUri, startedAt: deps.now() });

      const authorize = new URL(`${start.accountsServer}/oauth/v2/auth`);
      authorize.search = new URLSearchParams({
        client_id: clientId,
        response_type: 'code',
        redirect_uri: redirectUri,
        scope: DESK_SCOPES.join(','),
        access_type: 'offline',
        state,
        code_challenge: pkce.challenge,
        code_challenge_method: pkce.method,
        // Zoho issues a refresh token only on the first grant, or when consent is asked again.
        ...(existing?.state === 'connected' ? {} : { prompt: 'consent' }),
      }).toString();

      let redirect: string | undefined;
      try {
        redirect = await deps.identity.launchWebAuthFlow({ url: authorize.toString(), interactive: true });
      } catch (cause) {
        await pendingAuthItem.removeValue();
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
      if (error) {
        throw error === 'access_denied'
          ? authError(
              'You declined access in Zoho, so the extension is not connected.',
              'Connect again and choose Accept.',
            )
          : authError(`Zoho refused the sign-in: ${error}.`);
      }
      const code = callback.get('code');
      if (!code) throw authError('Zoho sent no authorization code.');
      const dc = callbackDataCenter(callback, start);
      if (fixed && dc.location !== fixed.location) {
        throw authError(
          `This Zoho account lives in the ${dc.label} data center, but the settings fix ${fixed.label}.`,
          'Choose "Detect at sign-in" or the right data center, then connect again.',
        );
      }

      const res = await post(`${dc.accountsServer}/oauth/v2/token`, {
        grant_type: 'authorization_code',
        client_id: clientId,
        code,
        redirect_uri: pending.redirectUri,
        code_verifier: pending.verifier,
        ...(clientSecret ? { client_secret: clientSecret } : {}),
      });
      const reply = await readTokenReply(res, 'exchange');
      if (!reply.refresh_token) {
        throw authError(
          'Zoho granted access but sent no refresh token, so the connection could not last.',
          'Connect again; if it repeats, revoke the extension under Zoho Accounts → Connected Apps first.',
        );
      }
      const connection: Connection = {
        state: 'connected',
        location: dc.location as Connection['location'],
        refreshToken: reply.refresh_token,
        clientId,
        scopes: reply.scope ? reply.scope.split(/[ ,]+/).filter(Boolean) : [...DESK_SCOPES],
        connectedAt: deps.now(),
      };
      await connectionItem.setValue(connection);
      await storeAccessToken(reply);
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
      let revoked = false;
      const dc = connection && dataCenterByLocation(connection.location);
      if (connection && dc) {
        const url = `${dc.accountsServer}/oauth/v2/token/revoke?${new URLSearchParams({ token: connection.refreshToken })}`;
        try {
          const res = await deps.fetch(url, { method: 'POST' });
          const body = (await res.json().catch(() => null)) as { status?: string } | null;
          revoked = res.ok && body?.status === 'success';
        } catch {
          // Offline: local tokens are still forgotten below; Zoho's copy lapses unused.
        }
      }
      await Promise.all([
        connectionItem.removeValue(),
        forgetToken(),
        pendingAuthItem.removeValue(),
        routeByOrgItem.removeValue(),
        contactUsersItem.removeValue(),
        lastSearchItem.removeValue(),
      ]);
      return { revoked };
    },
  };
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
async function readTokenReply(res: Response, grant: 'exchange' | 'refresh'): Promise<TokenSuccess> {
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
