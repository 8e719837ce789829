import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import type { SandboxControl } from '../../sandbox/control-client';
import { type DemoConnect, type WalkStep, walkThrough } from '../../scripts/walk-through';
import { expect, test } from './fixtures';

/** The walk-through in a throw-away folder: at least ten steps, each with its screenshot. */
async function walkAll(
  o: { context: BrowserContext; extensionId: string; control: SandboxControl },
  connect: DemoConnect,
): Promise<WalkStep[]> {
  test.setTimeout(120_000);
  const outDir = mkdtempSync(join(tmpdir(), 'badge-remover-demo-'));
  try {
    const steps = await walkThrough(o.context, o.extensionId, o.control, outDir, connect);
    expect(steps.length).toBeGreaterThanOrEqual(10);
    for (const step of steps) expect(statSync(step.screenshot).size, step.title).toBeGreaterThan(1_000);
    return steps;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

// The README's first command ends in this walk-through (`npm start -- --headless`): it must keep working.
test('the demo walk-through runs to its end, with a screenshot of every step', async ({
  context,
  extensionId,
  control,
}) => {
  await walkAll({ context, extensionId, control }, 'mobile');
});

// `npm start -- --self-client`: the code comes from the (sandbox) API console's page and is pasted in the options.
test('the Self Client walk-through connects with a code from the console page and runs to its end', async ({
  context,
  extensionId,
  control,
}) => {
  const steps = await walkAll({ context, extensionId, control }, 'self-client');
  expect(steps.map((s) => s.title)).toContain("Zoho's API console (sandbox): Generate Code shows the code to copy");
  const exchange = (await control.requests({ face: 'accounts' })).find((r) => r.path === '/oauth/v2/token');
  expect(exchange).toMatchObject({ status: 200, grantType: 'authorization_code' });
  expect((await control.getState()).tokens.codes.map((c) => c.used)).toEqual([true]);
});
