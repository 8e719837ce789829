import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AUDIT_LOG_CAP, readAuditLog, recordRemoval } from '../../../utils/audit/audit';
import { auditStore } from '../../../utils/audit/audit-store';
import { auditEntry } from './audit-entry';

const entry = auditEntry;

beforeEach(() => fakeBrowser.reset());
const ids = (log: { auditId: string }[]) => log.map((e) => e.auditId);

describe('audit log', () => {
  it('keeps both of two removals recorded at the same moment', async () => {
    await Promise.all([recordRemoval(entry('a')), recordRemoval(entry('b'))]);
    expect((await readAuditLog(2)).map((e) => e.auditId)).toEqual(['a', 'b']);
  });

  it('keeps the newest entries up to the cap', async () => {
    await auditStore.save(Array.from({ length: AUDIT_LOG_CAP }, (_, i) => entry(String(i))));
    await recordRemoval(entry('newest'));
    const log = await readAuditLog(2);
    expect(log).toHaveLength(AUDIT_LOG_CAP);
    expect(log[0]!.auditId).toBe('1');
    expect(log.at(-1)!.auditId).toBe('newest');
  });

  it('with inLog, resolves once the entry is in the log; its write to storage starts after, on the next task', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    try {
      await recordRemoval(entry('shown'), { inLog: true });
      expect(ids(await readAuditLog(2))).toEqual(['shown']);
      expect(set).not.toHaveBeenCalled();
      await vi.waitFor(() => expect(set).toHaveBeenCalled());
      await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.storage.local.get(null))).not.toEqual([]));
    } finally {
      set.mockRestore();
    }
  });

  it('a removal someone waits on is stored at once, even behind a paced bulk write', async () => {
    vi.useFakeTimers();
    try {
      await recordRemoval(entry('bulk-1'), { atOnce: false });
      // This one waits out the pacing gap (the fake clock never reaches it)…
      const paced = recordRemoval(entry('bulk-2'), { atOnce: false });
      // …and the single removal's write goes at once, taking the waiting one along.
      await recordRemoval(entry('single'));
      await paced;
      expect(ids(await readAuditLog(2))).toEqual(['bulk-1', 'bulk-2', 'single']);
    } finally {
      vi.useRealTimers();
    }
  });
});
