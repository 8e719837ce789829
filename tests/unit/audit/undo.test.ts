import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readAuditLog, recordRemoval, setAuditRetention } from '../../../utils/audit/audit';
import { auditToCsv, filterAudit } from '../../../utils/audit/audit-view';
import type { AuditEntry } from '../../../utils/audit/stored';
import { undoRemoval } from '../../../utils/audit/undo';
import type { DeskClient } from '../../../utils/platform/zoho/desk-client';

beforeEach(() => fakeBrowser.reset());

const removal = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  kind: 'remove',
  auditId: 'r1',
  orgId: '600',
  helpCenterId: '7',
  userId: '42',
  userEmail: 'carol@zylker.com',
  userName: 'Carol Diaz',
  route: 'users-dissociate',
  results: [
    { badgeId: '11', name: 'Rising Star', outcome: { status: 'removed' } },
    { badgeId: '12', name: 'Top Contributor', outcome: { status: 'removed' } },
    {
      badgeId: '13',
      name: 'Beta Tester',
      outcome: { status: 'failed', message: 'Zoho refused', errorCode: 'FORBIDDEN' },
    },
  ],
  verified: true,
  notes: [],
  startedAt: Date.UTC(2026, 10, 20),
  finishedAt: Date.UTC(2026, 10, 20),
  ...over,
});

function desk(held: string[]) {
  const badges = new Set(held);
  const writes: unknown[] = [];
  const client: DeskClient = {
    async request(req) {
      if (req.method === 'POST') {
        const ids = (req.body as { badgeIds: string[] }).badgeIds;
        writes.push({ path: req.path, ids });
        for (const id of ids) badges.add(id);
        return {
          status: 200,
          data: req.schema.parse({ results: ids.map((id) => ({ id, success: true, errors: null })) }) as never,
        };
      }
      return { status: 200, data: req.schema.parse([...badges].map((id) => ({ id, name: id }))) as never };
    },
  };
  return { client, badges, writes };
}

describe('undoRemoval', () => {
  it('re-awards only what the removal took and the user still lacks, and records it', async () => {
    await recordRemoval(removal());
    const { client, badges, writes } = desk(['12']);
    const report = await undoRemoval(
      { client, orgId: '600', now: () => Date.UTC(2026, 10, 21), newId: () => 'u1' },
      removal(),
    );
    expect(writes).toEqual([{ path: '/api/v1/users/42/badges/associate', ids: ['11'] }]);
    expect(report.results.map((r) => [r.badgeId, r.outcome.status])).toEqual([
      ['11', 'restored'],
      ['12', 'skipped'],
      ['13', 'skipped'],
    ]);
    expect([...badges].sort()).toEqual(['11', '12']);
    const log = await readAuditLog(Date.UTC(2026, 10, 21));
    expect(log.map((e) => [e.kind, e.auditId, e.undoOf, e.undoneBy])).toEqual([
      ['remove', 'r1', undefined, ['u1']],
      ['undo', 'u1', 'r1', undefined],
    ]);
  });

  it('undoes an entry once: again later, or twice at the same time, is refused without calling Zoho', async () => {
    await recordRemoval(removal());
    const { client, writes } = desk([]);
    const deps = { client, orgId: '600', now: () => Date.UTC(2026, 10, 21), newId: () => 'u1' };
    const results = await Promise.allSettled([undoRemoval(deps, removal()), undoRemoval(deps, removal())]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    const [entry] = await readAuditLog(Date.UTC(2026, 10, 21)).then((log) => log.filter((e) => e.auditId === 'r1'));
    await expect(undoRemoval(deps, entry!)).rejects.toMatchObject({ message: 'This removal was undone already.' });
    expect(writes).toHaveLength(1);
  });

  it('refuses an entry from another organization without calling Zoho', async () => {
    const { client, writes } = desk([]);
    await expect(
      undoRemoval({ client, orgId: '601', now: Date.now, newId: () => 'u' }, removal()),
    ).rejects.toMatchObject({
      kind: 'invalid-request',
    });
    expect(writes).toEqual([]);
  });
});

describe('audit view', () => {
  const entries = [
    removal({ auditId: 'a', finishedAt: new Date('2026-11-01T10:00:00').getTime() }),
    removal({
      auditId: 'b',
      userId: '43',
      userEmail: 'ben@zylker.com',
      userName: 'Ben',
      finishedAt: new Date('2026-11-15T10:00:00').getTime(),
      results: [{ badgeId: '14', name: 'MVP 2026', outcome: { status: 'removed' } }],
    }),
  ];

  it('filters by user, badge and date', () => {
    expect(filterAudit(entries, { user: 'BEN@' }).map((e) => e.auditId)).toEqual(['b']);
    expect(filterAudit(entries, { user: '42' }).map((e) => e.auditId)).toEqual(['a']);
    expect(filterAudit(entries, { badge: 'mvp' }).map((e) => e.auditId)).toEqual(['b']);
    expect(filterAudit(entries, { badge: '11' }).map((e) => e.auditId)).toEqual(['a']);
    expect(filterAudit(entries, { from: '2026-11-15' }).map((e) => e.auditId)).toEqual(['b']);
    expect(filterAudit(entries, { to: '2026-11-01' }).map((e) => e.auditId)).toEqual(['a']);
  });

  it('exports one CSV row per badge', () => {
    const lines = auditToCsv(entries).trim().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^time,action,audit_id/);
    expect(lines[3]).toContain('Beta Tester,failed,Zoho refused,FORBIDDEN');
  });

  it('drops entries older than the retention period', async () => {
    await recordRemoval(removal({ auditId: 'old', finishedAt: Date.UTC(2026, 0, 1) }));
    await recordRemoval(removal({ auditId: 'new', finishedAt: Date.UTC(2026, 10, 20) }));
    await setAuditRetention(30, Date.UTC(2026, 10, 28));
    expect((await readAuditLog(Date.UTC(2026, 10, 28))).map((e) => e.auditId)).toEqual(['new']);
  });
});
