import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walkThrough } from '../../scripts/walk-through';
import { expect, test } from './fixtures';

// The README's first command ends in this walk-through (`npm start -- --headless`): it must keep working.
test('the demo walk-through runs to its end, with a screenshot of every step', async ({
  context,
  extensionId,
  control,
}) => {
  test.setTimeout(120_000);
  const outDir = mkdtempSync(join(tmpdir(), 'badge-remover-demo-'));
  try {
    const steps = await walkThrough(context, extensionId, control, outDir);
    expect(steps.length).toBeGreaterThanOrEqual(10);
    for (const step of steps) expect(statSync(step.screenshot).size, step.title).toBeGreaterThan(1_000);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});
