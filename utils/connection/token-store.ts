/**
 * The connection's tokens, owned here alone. The access token is read on every Desk call: the worker keeps it in
 * memory, with storage.session (never readable from content scripts) as the backup for when the worker restarts.
 * The refresh token lives in the secret store (utils/connection/secret-store.ts).
 */
import { type DataCenter, dataCenterByLocation } from '../platform/zoho/datacenters';
import type { SecretStore } from './secret-store';
import { type AccessToken, accessTokenItem, type Connection, connectionItem } from './stored';
import { revokeToken } from './token-endpoint';

export interface IssuedToken {
  token: string;
  expiresInSeconds: number;
}

export interface TokenStore {
  current(): Promise<AccessToken | null>;
  /** Keeps a newly issued access token; returns it. */
  store(issued: IssuedToken): Promise<string>;
  forget(): Promise<void>;
  /** A new connection replaces the old one: the old refresh token is revoked at Zoho, not left valid there. */
  replaceRefreshToken(previous: Connection | null, next: string | undefined): Promise<void>;
  /** Saves a new connection and its first access token. */
  connected(connection: Connection, issued: IssuedToken): Promise<Connection>;
  revoke(dc: DataCenter, token: string): Promise<boolean>;
}

export function createTokenStore(deps: { secrets: SecretStore; now: () => number; fetch: typeof fetch }): TokenStore {
  let memo: AccessToken | null | undefined;
  const store: TokenStore = {
    async current() {
      if (memo === undefined) memo = await accessTokenItem.getValue();
      return memo;
    },
    async store(issued) {
      memo = { token: issued.token, expiresAt: deps.now() + issued.expiresInSeconds * 1000 };
      await accessTokenItem.setValue(memo);
      return issued.token;
    },
    async forget() {
      memo = null;
      await accessTokenItem.removeValue();
    },
    revoke: (dc, token) => revokeToken(deps.fetch, dc, token),
    async replaceRefreshToken(previous, next) {
      const old = await deps.secrets.get('refreshToken');
      const dc = previous && dataCenterByLocation(previous.location);
      if (old && old !== next && dc) await store.revoke(dc, old);
      if (next) await deps.secrets.set('refreshToken', next);
      else await deps.secrets.delete('refreshToken');
    },
    async connected(connection, issued) {
      await connectionItem.setValue(connection);
      await store.store(issued);
      return connection;
    },
  };
  return store;
}
