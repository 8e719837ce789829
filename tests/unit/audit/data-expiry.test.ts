import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readAuditLog, recordRemoval } from '../../../utils/audit/audit';
import { auditStore } from '../../../utils/audit/audit-store';
import type { AuditEntry } from '../../../utils/audit/stored';
import { auditRetentionDaysItem } from '../../../utils/audit/stored';
import { type BulkRun, expireRun } from '../../../utils/bulk/run-state';
import { bulkRunItem } from '../../../utils/bulk/stored';
import { memorySecretStore } from '../../../utils/connection/secret-store';
import { connectionItem } from '../../../utils/connection/stored';
import { contactUsersItem } from '../../../utils/contact/stored';
import { createHandlers, type ServiceDeps } from '../../../utils/handlers';
import { dispatch } from '../../../utils/platform/dispatch';
import type { DeskClient } from '../../../utils/platform/zoho/desk-client';
import { requests } from '../../../utils/requests';
import { lastSearchItem, typedHelpCenterIdItem } from '../../../utils/search/stored';
import { auditEntry } from './audit-entry';

const removal = (over: Partial<AuditEntry>): AuditEntry => ({ ...auditEntry(over.auditId ?? 'a'), ...over });

const RUNTIME_ID = 'cjheecimhjkgjkobijngojplcehhnajo';
const PAGE = { id: RUNTIME_ID, origin: `chrome-extension://${RUNTIME_ID}` };
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1);

function setup(now = () => NOW) {
  const calls: string[] = [];
  const client: DeskClient = {
    async request(req) {
      calls.push(`${req.method} ${req.path}`);
      return { status: 200, data: req.schema.parse(null) as never };
    },
  };
  const deps: ServiceDeps = {
    auth: { connect: vi.fn(async () => ({}) as never), disconnect: vi.fn(async () => ({ revoked: true })) },
    client,
    secrets: memorySecretStore(),
    redirectUri: () => '',
    openOptionsPage: async () => {},
    now,
    newId: () => 'id-1',
  };
  const handlers = createHandlers(deps);
  const send = (type: string, input: unknown) =>
    dispatch(requests, handlers, { type, input }, PAGE, RUNTIME_ID, PAGE.origin);
  return { send, calls, handlers };
}

const connectedTo = (org: { id: string; name: string }) =>
  connectionItem.setValue({
    state: 'connected',
    location: 'us',
    refreshToken: '1000.r',
    clientId: '1000.ABCDEFGHIJKLMNOPQRSTUVWX',
    scopes: [],
    connectedAt: 5,
    org,
  });

const run = (over: Partial<BulkRun> = {}): BulkRun => ({
  id: 'run-1',
  orgId: '600',
  createdAt: NOW - 40 * DAY,
  status: 'done',
  finishedAt: NOW - 31 * DAY,
  concurrency: 5,
  items: [
    { userId: '1', email: 'carol@zylker.com', name: 'Carol Diaz', badgeIds: ['11'], state: 'removed' },
    { userId: '2', badgeIds: ['11'], state: 'failed', reason: 'Zoho refused' },
  ],
  ...over,
});

beforeEach(() => fakeBrowser.reset());

describe('audit retention', () => {
  it('is applied when the log is read, not only when something is written', async () => {
    await auditRetentionDaysItem.setValue(30);
    await recordRemoval(removal({ auditId: 'old', finishedAt: NOW - 40 * DAY }));
    await recordRemoval(removal({ auditId: 'new', finishedAt: NOW - 40 * DAY + 20 * DAY }));
    // Nothing is written afterwards; 40 days later the old entry is past the 30 days.
    expect((await readAuditLog(NOW)).map((e) => e.auditId)).toEqual(['new']);
    expect((await auditStore.read()).map((e) => e.auditId)).toEqual(['new']);
  });

  it('runs from the daily alarm through the service', async () => {
    await auditRetentionDaysItem.setValue(30);
    await recordRemoval(removal({ auditId: 'old', finishedAt: NOW - 40 * DAY }));
    await bulkRunItem.setValue(run());
    await setup().handlers.expireData();
    expect(await auditStore.read()).toEqual([]);
    expect((await bulkRunItem.getValue())?.items.some((i) => i.email || i.name)).toBe(false);
  });
});

describe('expireRun', () => {
  it('drops names and emails of a run that ended before the retention period, keeping counts and IDs', () => {
    const expired = expireRun(run(), NOW, 30);
    expect(expired.items).toEqual([
      { userId: '1', badgeIds: ['11'], state: 'removed' },
      { userId: '2', badgeIds: ['11'], state: 'failed', reason: 'Zoho refused' },
    ]);
  });
  it('keeps a run within the period, and any live run', () => {
    expect(expireRun(run(), NOW, 60)).toEqual(run());
    expect(expireRun(run({ status: 'paused', finishedAt: undefined }), NOW, 1)).toEqual(
      run({ status: 'paused', finishedAt: undefined }),
    );
  });
});

describe('Disconnect', () => {
  async function seed() {
    await connectedTo({ id: '600', name: 'Zylker' });
    await recordRemoval(removal({ auditId: 'a', finishedAt: NOW }));
    await bulkRunItem.setValue(run({ finishedAt: NOW }));
    await contactUsersItem.setValue({ '600:9': { contact: { id: '9', name: 'Carol' }, memberships: [] } });
    await typedHelpCenterIdItem.setValue('77');
    await lastSearchItem.setValue({ query: 'carol' } as never);
  }

  it('by default keeps the audit log and deletes bulk runs and remembered lookups', async () => {
    await seed();
    expect(await setup().send('disconnect', {})).toMatchObject({ ok: true });
    expect((await auditStore.read()).map((e) => e.auditId)).toEqual(['a']);
    expect(await bulkRunItem.getValue()).toBeNull();
    expect(await contactUsersItem.getValue()).toEqual({});
    expect(await typedHelpCenterIdItem.getValue()).toBeNull();
    expect(await lastSearchItem.getValue()).toBeNull();
  });

  it('deletes exactly what the admin chose', async () => {
    await seed();
    await setup().send('disconnect', { forget: { auditLog: true, bulkRuns: false, lookups: false } });
    expect(await auditStore.read()).toEqual([]);
    expect(await bulkRunItem.getValue()).not.toBeNull();
    expect(await typedHelpCenterIdItem.getValue()).toBe('77');
  });
});

describe('a bulk run is bound to its organization', () => {
  const paused = () =>
    run({ status: 'paused', finishedAt: undefined, items: [{ userId: '1', badgeIds: ['11'], state: 'pending' }] });

  it('refuses to resume while connected to another organization, and sends nothing', async () => {
    await connectedTo({ id: '700', name: 'Other Corp' });
    await bulkRunItem.setValue(paused());
    const { send, calls } = setup();
    const reply = await send('controlBulk', { action: 'resume' });
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringContaining('organization 600') } });
    expect((await bulkRunItem.getValue())?.status).toBe('paused');
    expect(calls).toEqual([]);
  });

  it('a running run woken in another organization pauses with the reason instead of calling Zoho', async () => {
    await connectedTo({ id: '700', name: 'Other Corp' });
    await bulkRunItem.setValue({ ...paused(), status: 'running' });
    const { handlers, calls } = setup();
    await handlers.resumeBulk();
    const after = await bulkRunItem.getValue();
    expect(after?.status).toBe('paused');
    expect(after?.pauseReason).toContain('Other Corp (700)');
    expect(after?.items[0]?.state).toBe('pending');
    expect(calls).toEqual([]);
  });
});
