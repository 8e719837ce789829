/**
 * Benchmark 6 (not a test): access-token refreshes per hour of continuous use with a 1-hour token
 * lifetime. The real auth code runs against a simulated clock and a fake Zoho that counts refresh
 * grants; one call every 10 simulated seconds for 24 simulated hours. Writes bench/.results/tokens.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createZohoAuth } from '../utils/connection/oauth';
import { memorySecretStore } from '../utils/connection/secret-store';
import { accessTokenItem, connectionItem } from '../utils/connection/stored';

it('simulates a day of continuous use', async () => {
  fakeBrowser.reset();
  let now = Date.UTC(2026, 10, 28);
  let refreshes = 0;
  const fetch = (async () => {
    refreshes++;
    return new Response(JSON.stringify({ access_token: `1000.t${refreshes}`, expires_in: 3600 }), { status: 200 });
  }) as typeof globalThis.fetch;
  await connectionItem.setValue({
    state: 'connected',
    location: 'us',
    clientId: '1000.X',
    scopes: [],
    connectedAt: now,
    org: { id: '1', name: 'Zylker' },
  });
  await accessTokenItem.setValue(null);
  const secrets = memorySecretStore();
  await secrets.set('refreshToken', '1000.r');
  const auth = createZohoAuth({
    secrets,
    identity: { getRedirectURL: () => '', launchWebAuthFlow: async () => '' },
    fetch,
    now: () => now,
  });
  const hours = 24;
  for (let t = 0; t < hours * 3600; t += 10) {
    await auth.getAccessToken();
    now += 10_000;
  }
  mkdirSync('bench/.results', { recursive: true });
  writeFileSync('bench/.results/tokens.json', JSON.stringify({ hours, refreshes, perHour: refreshes / hours }));
});
