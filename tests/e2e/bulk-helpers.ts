/** Bulk-run steps shared by the end-to-end specs that start a run. */
import type { Page } from '@playwright/test';
import type { SandboxControl } from '../../sandbox/control-client';
import { COMMUNITY_HC_ID, DEMO_USER_ID } from '../../sandbox/data';
import { expect } from './fixtures';

export const BADGE_ID = '24073000009990001';

/** Adds `count` users to Zylker Community, each holding the "Bulk Test" badge, in one data write. */
export async function seedHolders(control: SandboxControl, count: number): Promise<string[]> {
  const data = await control.getData();
  const template = data.users.find((u) => u.id === DEMO_USER_ID)!;
  data.badges.push({ ...data.badges[0]!, id: BADGE_ID, name: 'Bulk Test', isCustom: true });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = String(400000000000 + i);
    ids.push(id);
    data.users.push({
      ...template,
      id,
      portalUserId: String(500000000000 + i),
      contactId: String(600000000000 + i),
      name: `Bulk User ${i}`,
      emailAddress: `bulk.user${i}@example.com`,
      helpCenterIds: [COMMUNITY_HC_ID],
      badgeIds: [BADGE_ID],
      labelIds: [],
    });
  }
  await control.putData(data);
  return ids;
}

/** Plans a run for the badge's holders and starts it; `beforeStart` runs between the dry run and the start. */
export async function startHoldersRun(
  page: Page,
  extensionId: string,
  users: number,
  beforeStart?: () => Promise<unknown>,
) {
  await page.goto(`chrome-extension://${extensionId}/bulk.html`);
  await page.getByRole('radio', { name: /Every user in a help center/ }).check();
  // Chosen from the organization's badges, as Zoho lists them.
  await page.getByRole('combobox', { name: 'Badge', exact: true }).selectOption({ label: 'Bulk Test' });
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByRole('status').filter({ hasText: /users? loses? / })).toContainText(
    users === 1 ? '1 user loses 1 badge.' : `${users} users lose ${users} badges.`,
    {
      timeout: 60_000,
    },
  );
  if (users > 10) await page.getByLabel(`Type ${users} to confirm`).fill(String(users));
  await beforeStart?.();
  await page
    .getByRole('button', { name: users === 1 ? 'Remove badges from 1 user' : `Remove badges from ${users} users` })
    .click();
}

export const holders = async (control: SandboxControl) =>
  (await control.getState()).data.users.filter((u) => u.badgeIds.includes(BADGE_ID)).map((u) => u.id);

/** Removal (or re-award) requests per user: those that succeeded, or with `everyAnswer` all the sandbox saw. */
export const writesPerUser = async (control: SandboxControl, { everyAnswer = false } = {}) => {
  const writes = (await control.requests({ face: 'desk-api' })).filter(
    (r) => r.method !== 'GET' && (everyAnswer || r.status === 200),
  );
  const perUser = new Map<string, number>();
  for (const w of writes) {
    const user = /users\/(\d+)/.exec(w.path)?.[1] ?? '';
    perUser.set(user, (perUser.get(user) ?? 0) + 1);
  }
  return perUser;
};

/** Every removal request the sandbox saw, whatever its answer: exactly one per user. */
export async function expectOneRemovalPerUser(control: SandboxControl, ids: string[]) {
  const perUser = await writesPerUser(control, { everyAnswer: true });
  expect([...perUser.keys()].sort()).toEqual([...ids].sort());
  expect([...perUser.entries()].filter(([, n]) => n !== 1)).toEqual([]);
}

/**
 * Each user's removal went through exactly once. Zoho refused a rate-limited one before acting on it, so a retry
 * after a 429 is no second removal.
 */
export async function expectOneAppliedRemovalPerUser(control: SandboxControl, ids: string[]) {
  const applied = await writesPerUser(control);
  expect([...applied.keys()].sort()).toEqual([...ids].sort());
  expect([...applied.entries()].filter(([, n]) => n !== 1)).toEqual([]);
}

/**
 * Stops the run's worker (`stop`) while its calls are in flight at Zoho, as they would be at a real stop: calls
 * made from here on take `heldMs` to answer, so each concurrency slot is held by a call of the stopped worker when
 * `stop` runs, and for a while after. A restarted worker that sends before they land is refused (too many at once).
 * Returns once they have landed, with the latency as it was.
 */
export async function stopWithCallsInFlight(control: SandboxControl, stop: () => Promise<unknown>, heldMs = 2_500) {
  const { latencyMs } = await control.getConfig();
  await control.configure({ latencyMs: heldMs });
  // Every call the worker had under way is answered by now, and each slot holds one made since.
  await new Promise((r) => setTimeout(r, latencyMs + 300));
  await stop();
  await new Promise((r) => setTimeout(r, heldMs + 300));
  await control.configure({ latencyMs });
}
