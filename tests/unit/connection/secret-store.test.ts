import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { indexedDbSecretStore, memorySecretStore, migrateSecrets } from '../../../utils/connection/secret-store';
import { connectionItem, settingsItem } from '../../../utils/connection/stored';
import { forgetRememberedValues } from '../../../utils/platform/remembered-item';

beforeEach(() => {
  fakeBrowser.reset();
  forgetRememberedValues();
});

describe('the secret store', () => {
  it('keeps, reads and forgets secrets in the extension origin’s IndexedDB', async () => {
    const factory = new IDBFactory();
    const store = indexedDbSecretStore(factory);
    expect(await store.get('refreshToken')).toBeUndefined();
    await store.set('refreshToken', '1000.r');
    await store.set('clientSecret', 's3cret');
    // Another opening of the same database (the worker restarted) finds them.
    const again = indexedDbSecretStore(factory);
    expect(await again.get('refreshToken')).toBe('1000.r');
    expect(await again.get('clientSecret')).toBe('s3cret');
    await again.delete('refreshToken');
    expect(await store.get('refreshToken')).toBeUndefined();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe('moving secrets an earlier version stored', () => {
  it('moves the refresh token and the client secret out of storage.local, keeping the connection', async () => {
    await fakeBrowser.storage.local.set({
      connection: {
        state: 'connected',
        location: 'us',
        refreshToken: '1000.old',
        clientId: '1000.X',
        scopes: [],
        connectedAt: 1,
      },
      settings: { clientId: '1000.X', clientSecret: 'legacy-secret', dataCenter: 'auto' },
    });
    const secrets = memorySecretStore();
    await migrateSecrets(secrets);
    expect(await secrets.get('refreshToken')).toBe('1000.old');
    expect(await secrets.get('clientSecret')).toBe('legacy-secret');
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(local).not.toContain('1000.old');
    expect(local).not.toContain('legacy-secret');
    expect(await connectionItem.getValue()).toMatchObject({ state: 'connected', clientId: '1000.X' });
    expect(await settingsItem.getValue()).toMatchObject({ clientId: '1000.X' });
    // Again on the next start: nothing to move, nothing lost.
    await migrateSecrets(secrets);
    expect(await secrets.get('refreshToken')).toBe('1000.old');
  });
});
