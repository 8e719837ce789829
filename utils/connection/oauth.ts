/**
 * Zoho OAuth 2.0 for the service worker: connect with the flow of the admin's Zoho client type
 * (utils/platform/zoho/client-types.ts; one module each under ./flows), single-flight renewal shortly before the
 * access token expires, and revoke. Every dependency is injected. Tokens are stored (./token-store.ts), never
 * logged, and never leave the service worker.
 */
import { ZohoError } from '../platform/errors';
import { t } from '../platform/i18n';
import { DEFAULT_CLIENT_TYPE } from '../platform/zoho/client-types';
import { dataCenterByLocation } from '../platform/zoho/datacenters';
import { connectWithCode } from './flows/code-flow';
import type { AuthDeps, FlowContext } from './flows/context';
import { connectImplicit, needsReconnect, renewFromSession, sessionEndedMessage } from './flows/implicit-flow';
import { connectSelfClient } from './flows/self-client';
import type { ConnectSettings } from './flows/settings';
import { cryptoRandom } from './pkce';
import { pickedRedirectUri } from './redirect-uri';
import { type Connection, connectionItem, pendingAuthItem, readSettings } from './stored';
import { postToken, readTokenReply } from './token-endpoint';
import { createTokenStore } from './token-store';

export type { AuthDeps, IdentityLike } from './flows/context';
export { SESSION_RENEWAL_TIMEOUT_MS } from './flows/implicit-flow';
export type { ConnectSettings } from './flows/settings';

/** Refresh this long before Zoho's expiry, so no call goes out with a token about to lapse. */
export const REFRESH_MARGIN_MS = 60_000;

export interface ZohoAuth {
  connect(settings: ConnectSettings): Promise<Connection>;
  getAccessToken(): Promise<string>;
  invalidateAccessToken(token: string): Promise<void>;
  disconnect(): Promise<{ revoked: boolean }>;
}

const notConnected = () =>
  new ZohoError({
    kind: 'not-connected',
    message: t('worker_zoho_kind_not_connected'),
    action: t('worker_action_connect'),
  });

const reconnect = (why: string) =>
  new ZohoError({ kind: 'reconnect', message: why, action: t('worker_action_reconnect') });

export function createZohoAuth(deps: AuthDeps): ZohoAuth {
  const tokens = createTokenStore(deps);
  const ctx: FlowContext = {
    deps,
    random: deps.random ?? cryptoRandom,
    tokens,
    redirectUri:
      deps.redirectUri ??
      (async () => pickedRedirectUri(deps.identity.getRedirectURL(), (await readSettings()).firefoxRedirect)),
  };
  let refreshing: Promise<string> | null = null;

  const refresh = async (): Promise<string> => {
    const fresh = await tokens.current();
    if (fresh && fresh.expiresAt - REFRESH_MARGIN_MS > deps.now()) return fresh.token;
    const connection = await connectionItem.getValue();
    if (!connection) throw notConnected();
    if (connection.state === 'reconnect')
      throw reconnect(connection.clientType === 'client' ? sessionEndedMessage() : t('worker_auth_expired'));
    const dc = dataCenterByLocation(connection.location);
    if (!dc) throw reconnect(t('worker_auth_stored_unknown_dc'));
    if (connection.clientType === 'client') return renewFromSession(ctx, connection, dc);
    const refreshToken = await deps.secrets.get('refreshToken');
    if (!refreshToken) return needsReconnect(ctx, connection, reconnect(t('worker_auth_stored_no_refresh_token')));
    const clientSecret = await deps.secrets.get('clientSecret');
    const res = await postToken(deps.fetch, dc, {
      grant_type: 'refresh_token',
      client_id: connection.clientId,
      refresh_token: refreshToken,
      ...(clientSecret ? { client_secret: clientSecret } : {}),
    });
    try {
      const reply = await readTokenReply(res, 'refresh', connection.clientType ?? DEFAULT_CLIENT_TYPE);
      return await tokens.store({ token: reply.access_token, expiresInSeconds: reply.expires_in });
    } catch (error) {
      if (error instanceof ZohoError && error.kind === 'reconnect') return needsReconnect(ctx, connection, error);
      throw error;
    }
  };

  return {
    connect(settings) {
      const clientType = settings.clientType ?? DEFAULT_CLIENT_TYPE;
      const trimmed = {
        ...settings,
        clientId: settings.clientId.trim(),
        clientSecret: clientType === 'client' ? '' : settings.clientSecret.trim(),
      };
      if (clientType === 'client') return connectImplicit(ctx, trimmed);
      if (clientType === 'self') return connectSelfClient(ctx, trimmed);
      return connectWithCode(ctx, { ...trimmed, clientType });
    },

    async getAccessToken() {
      const cached = await tokens.current();
      if (cached && cached.expiresAt - REFRESH_MARGIN_MS > deps.now()) return cached.token;
      refreshing ??= refresh().finally(() => {
        refreshing = null;
      });
      return refreshing;
    },

    async invalidateAccessToken(token) {
      if ((await tokens.current())?.token === token) await tokens.forget();
    },

    async disconnect() {
      const connection = await connectionItem.getValue();
      const dc = connection && dataCenterByLocation(connection.location);
      // A Client-based connection has no refresh token: its access token is what Zoho can revoke.
      const token = (await deps.secrets.get('refreshToken')) ?? (await tokens.current())?.token;
      // Offline: local tokens are still forgotten below; Zoho's copy lapses unused.
      const revoked = dc && token ? await tokens.revoke(dc, token) : false;
      await Promise.all([
        deps.secrets.delete('refreshToken'),
        deps.secrets.delete('clientSecret'),
        connectionItem.removeValue(),
        tokens.forget(),
        pendingAuthItem.removeValue(),
      ]);
      return { revoked };
    },
  };
}
