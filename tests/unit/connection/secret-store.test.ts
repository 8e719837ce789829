import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { indexedDbSecretStore, migrateSecrets } from '../../../utils/connection/secret-store';
import { connectionItem, secretsExposureItem, settingsItem } from '../../../utils/connection/stored';
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

describe('secrets an earlier version stored where Desk pages could read them', () => {
  it('revokes the refresh token at Zoho, drops the secret, leaves no copy, and says what the admin must do', async () => {
    await fakeBrowser.storage.local.set({
      connection: {
        state: 'connected',
        location: 'eu',
        refreshToken: '1000.old',
        clientId: '1000.X',
        scopes: [],
        connectedAt: 1,
      },
      settings: { clientId: '1000.X', clientSecret: 'legacy-secret', dataCenter: 'auto' },
    });
    const revoked: string[] = [];
    const deps = {
      revoke: async (dc: { accountsServer: string }, token: string) => {
        revoked.push(`${dc.accountsServer} ${token}`);
        return true;
      },
      now: () => 77,
    };
    await migrateSecrets(deps);
    expect(revoked).toEqual(['https://accounts.zoho.eu 1000.old']);
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(local).not.toContain('1000.old');
    expect(local).not.toContain('legacy-secret');
    // The connection waits for the admin; the settings keep everything but the secret.
    expect(await connectionItem.getValue()).toMatchObject({ state: 'reconnect', clientId: '1000.X' });
    expect(await settingsItem.getValue()).toMatchObject({ clientId: '1000.X', dataCenter: 'auto' });
    expect(await secretsExposureItem.getValue()).toEqual({
      refreshTokenRevoked: true,
      clientSecretExposed: true,
      at: 77,
    });
    // Again on the next start: nothing to do, nothing revoked twice.
    await migrateSecrets(deps);
    expect(revoked).toHaveLength(1);
  });

  it('a current install: nothing to revoke, nothing to say', async () => {
    await connectionItem.setValue({
      state: 'connected',
      location: 'us',
      clientId: '1000.X',
      scopes: [],
      connectedAt: 1,
    });
    await migrateSecrets({ revoke: async () => true, now: () => 1 });
    expect(await connectionItem.getValue()).toMatchObject({ state: 'connected' });
    expect(await secretsExposureItem.getValue()).toBeNull();
  });
});
