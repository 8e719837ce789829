/**
 * Each feature's own settings item, and an earlier version's single `settings` item: at the worker's start each
 * feature adopts its fields from it once, and the connection's later writes no longer carry them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bulkSettings, readBulkSettings } from '../../../utils/bulk/settings';
import { migrateSecrets } from '../../../utils/connection/secret-store';
import { readSettings } from '../../../utils/connection/stored';
import { forgetRememberedValues } from '../../../utils/platform/remembered-item';
import { readRemovalSettings, removalSettings } from '../../../utils/removal/settings';
import { adoptFormerSettings } from '../../../utils/settings';

const FORMER = {
  clientType: 'server',
  clientId: '1000.ABCDEFGHIJKLMNOPQRSTUVWX',
  dataCenter: 'eu',
  removalRoute: 'users-dissociate',
  bulkConcurrency: 12,
  firefoxRedirect: 'extension',
  panelWindowWhereUnchecked: false,
};

/** The worker's start, in the order the background runs it. */
async function start() {
  await adoptFormerSettings();
  await migrateSecrets({ revoke: async () => true, now: () => 1 });
  forgetRememberedValues();
}

beforeEach(() => {
  fakeBrowser.reset();
  forgetRememberedValues();
});

describe('each feature’s own settings', () => {
  it('takes the defaults when nothing was ever stored, and stores nothing at start', async () => {
    await start();
    expect(await readRemovalSettings()).toEqual({ removalRoute: 'auto', panelWindowWhereUnchecked: true });
    expect(await readBulkSettings()).toEqual({ bulkConcurrency: 5 });
    expect(await fakeBrowser.storage.local.get(['removalSettings', 'bulkSettings'])).toEqual({});
  });

  it('keeps an existing install’s values: adopted from the former item, which the connection then keeps alone', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...FORMER, clientSecret: 'exposed' } });
    await start();
    expect(await readRemovalSettings()).toEqual({ removalRoute: 'users-dissociate', panelWindowWhereUnchecked: false });
    expect(await readBulkSettings()).toEqual({ bulkConcurrency: 12 });
    expect(await readSettings()).toMatchObject({ clientType: 'server', dataCenter: 'eu' });
    // The connection's write (migrateSecrets drops the secret) carries only its own fields.
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual({
      clientType: 'server',
      clientId: FORMER.clientId,
      dataCenter: 'eu',
      firefoxRedirect: 'extension',
    });
  });

  it('adopts once: what a feature stored since is never overwritten by the former item', async () => {
    await fakeBrowser.storage.local.set({ settings: FORMER });
    await start();
    await bulkSettings.item.setValue({ bulkConcurrency: 3 });
    await fakeBrowser.storage.local.set({ settings: FORMER });
    await start();
    expect(await readBulkSettings()).toEqual({ bulkConcurrency: 3 });
  });

  it('adopts only the fields that fit, the others take their defaults', async () => {
    await fakeBrowser.storage.local.set({
      settings: { removalRoute: 'labels', bulkConcurrency: 99, panelWindowWhereUnchecked: false },
    });
    await start();
    expect(await removalSettings.item.getValue()).toEqual({ removalRoute: 'auto', panelWindowWhereUnchecked: false });
    expect(await readBulkSettings()).toEqual({ bulkConcurrency: 5 });
    expect(await fakeBrowser.storage.local.get('bulkSettings')).toEqual({});
  });
});
