/**
 * Where the refresh token and the client secret live: the extension origin's IndexedDB. Chrome lets content
 * scripts read `storage.local` (and could be made to let them read `storage.session`); IndexedDB belongs to
 * the origin, and a content script's IndexedDB is the Desk page's, never the extension's. Only the service
 * worker opens it.
 */
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
  let opening: Promise<IDBDatabase> | null = null;
  const db = () => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    }).catch((error: unknown) => {
      opening = null;
      throw error;
    });
    return opening;
  };
  const run = async <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const transaction = (await db()).transaction(STORE, mode);
    const request = work(transaction.objectStore(STORE));
    return new Promise<T>((resolve, reject) => {
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  };
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
  // Stored by earlier versions, and no longer a setting.
  const settings = (await settingsItem.getValue()) as unknown as Record<string, unknown> | null;
  if (settings && 'clientSecret' in settings) {
    clientSecretExposed = typeof settings.clientSecret === 'string' && settings.clientSecret !== '';
    const { clientSecret: _dropped, ...rest } = settings;
    await settingsItem.setValue(rest as unknown as Awaited<ReturnType<typeof settingsItem.getValue>>);
  }
  if (refreshTokenRevoked || clientSecretExposed) {
    await secretsExposureItem.setValue({ refreshTokenRevoked, clientSecretExposed, at: deps.now() });
  }
}
