/**
 * Where the refresh token and the client secret live: the extension origin's IndexedDB. Chrome lets content
 * scripts read `storage.local` (and could be made to let them read `storage.session`); IndexedDB belongs to
 * the origin, and a content script's IndexedDB is the Desk page's, never the extension's. Only the service
 * worker opens it.
 */

import { objectStore } from '../platform/indexed-db';
import { trustedArea } from '../platform/trusted-storage';
import { type DataCenter, dataCenterByLocation } from '../platform/zoho/datacenters';
import { connectionItem, secretsExposureItem, settingsItem } from './stored';

export type SecretKey = 'refreshToken' | 'clientSecret';

export interface SecretStore {
  get(key: SecretKey): Promise<string | undefined>;
  set(key: SecretKey, value: string): Promise<void>;
  delete(key: SecretKey): Promise<void>;
}

const DB_NAME = 'badge-remover-secrets';
const STORE = 'secrets';

export function indexedDbSecretStore(factory: IDBFactory = indexedDB): SecretStore {
  const transact = objectStore(factory, DB_NAME, STORE);
  const run = <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>) =>
    transact(mode, (store) => {
      const request = work(store);
      return () => request.result;
    });
  return {
    get: async (key) => {
      const value = await run('readonly', (store) => store.get(key));
      return typeof value === 'string' ? value : undefined;
    },
    set: async (key, value) => {
      await run('readwrite', (store) => store.put(value, key));
    },
    delete: async (key) => {
      await run('readwrite', (store) => store.delete(key));
    },
  };
}

/** For tests and for a browser without IndexedDB in the worker: kept in memory only. */
export function memorySecretStore(): SecretStore {
  const values = new Map<SecretKey, string>();
  return {
    get: async (key) => values.get(key),
    set: async (key, value) => {
      values.set(key, value);
    },
    delete: async (key) => {
      values.delete(key);
    },
  };
}

/**
 * Earlier versions kept the refresh token in the stored connection and the client secret in the settings, both in
 * `storage.local`, where a Desk page's content-script world could read them. Such copies are treated as seen: the
 * refresh token is revoked at Zoho (the connection waits for the admin to connect again) and the secret is not kept
 * (the admin is asked to make a new one in Zoho's API console). No copy stays behind. Safe to run on every start.
 */
export async function migrateSecrets(deps: {
  revoke: (dc: DataCenter, token: string) => Promise<boolean>;
  now: () => number;
}): Promise<void> {
  let refreshTokenRevoked = false;
  let clientSecretExposed = false;
  const connection = await connectionItem.getValue();
  if (connection && typeof connection.refreshToken === 'string') {
    const { refreshToken: exposed, ...rest } = connection;
    const dc = dataCenterByLocation(connection.location);
    // Offline, Zoho keeps it until it lapses unused; it is gone from here either way.
    if (dc && exposed) await deps.revoke(dc, exposed).catch(() => false);
    await connectionItem.setValue({ ...rest, state: 'reconnect' });
    refreshTokenRevoked = true;
  }
  // Stored by earlier versions, and no longer a setting: read as stored (the settings' schema leaves it out), and
  // written back without it.
  const { [settingsItem.key]: stored } = await trustedArea().get(settingsItem.key);
  if (stored && typeof stored === 'object' && 'clientSecret' in stored) {
    clientSecretExposed = typeof stored.clientSecret === 'string' && stored.clientSecret !== '';
    await settingsItem.setValue(await settingsItem.getValue());
  }
  if (refreshTokenRevoked || clientSecretExposed) {
    await secretsExposureItem.setValue({ refreshTokenRevoked, clientSecretExposed, at: deps.now() });
  }
}
