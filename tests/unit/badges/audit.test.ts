import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AUDIT_LOG_CAP, readAuditLog, recordRemoval, removeBadgesAndRecord } from '../../../utils/badges/audit';
import { auditStore } from '../../../utils/badges/audit-store';
import { auditEntry } from './audit-entry';
import { fakeDesk } from './fake-desk';

const entry = auditEntry;

beforeEach(() => fakeBrowser.reset());

describe('audit log', () => {
  it('keeps both of two removals recorded at the same moment', async () => {
    await Promise.all([recordRemoval(entry('a')), recordRemoval(entry('b'))]);
    expect((await readAuditLog()).map((e) => e.auditId)).toEqual(['a', 'b']);
  });

  it('keeps the newest entries up to the cap', async () => {
    await auditStore.save(Array.from({ length: AUDIT_LOG_CAP }, (_, i) => entry(String(i))));
    await recordRemoval(entry('newest'));
    const log = await readAuditLog();
    expect(log).toHaveLength(AUDIT_LOG_CAP);
    expect(log[0]!.auditId).toBe('1');
    expect(log.at(-1)!.auditId).toBe('newest');
  });

  it('records every removal with its per-badge results and who it was', async () => {
    const desk = fakeDesk({ forbidden: ['12'] });
    await removeBadgesAndRecord(
      {
        client: desk.client,
        orgId: '600',
        routeSetting: 'auto',
        rememberRoute: async () => {},
        now: () => 5,
        newId: () => 'r1',
      },
      { userId: '42', helpCenterId: '7', badgeIds: ['11', '12'] },
      { userEmail: 'carol@zylker.com', userName: 'Carol', helpCenterName: 'Zylker Community' },
    );
    const [recorded] = await readAuditLog();
    expect(recorded).toMatchObject({
      kind: 'remove',
      auditId: 'r1',
      orgId: '600',
      helpCenterId: '7',
      userId: '42',
      userEmail: 'carol@zylker.com',
      route: 'helpcenter-delete',
      results: [
        { badgeId: '11', name: 'Rising Star', outcome: { status: 'removed' } },
        { badgeId: '12', name: 'Top Contributor', outcome: { status: 'failed', errorCode: 'FORBIDDEN' } },
      ],
    });
  });
});
