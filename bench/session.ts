/**
 * The sandbox and the extension's browser that the browser measures share: started once per run, connected to
 * Zoho (the sandbox), with a long-used extension's audit log, and the helpers the measures call.
 */
import { type Agent, request } from 'node:https';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { SandboxControl } from '../sandbox/control-client';
import { COMMUNITY_HC_ID, DEMO_USER_ID } from '../sandbox/data';
import { type RunningSandbox, startSandbox } from '../sandbox/server';
import { SANDBOX_CLIENT_ID } from '../sandbox/state';
import { launchExtensionBrowser } from '../scripts/chromium';
import { AUDIT_CHUNK_SIZE } from '../utils/audit/audit-store';
import { MAX_PAGE_SIZE } from '../utils/platform/zoho/desk-api';

export const BENCH_BADGE = '24073000009990777';
/** A user's badges as the extension reads them: the first page, at the largest size Zoho takes. */
export const badgesPath = (userId: string) => `/api/v1/users/${userId}/badges?from=1&limit=${MAX_PAGE_SIZE}`;
const EARLIER_AUDIT_ENTRIES = 4000;

/** The sandbox a run measures against, whatever the browser, and what a measure asks of it from Node. */
export interface BenchSandbox {
  sandbox: RunningSandbox;
  control: SandboxControl;
  /** Fresh holders of the bench badge; the previous ones go (they are used up), which keeps the sandbox's data small. */
  seedHolders(count: number, tag?: string): Promise<string[]>;
  /** One Desk API call from Node, with the extension's token. */
  desk(agent: Agent, token: string, method: string, path: string, body?: unknown): Promise<void>;
  close(): Promise<void>;
}

/** What a removal or a bulk run is measured against in either browser: bare fetch of the same calls there. */
export interface BareFetchFloor {
  /**
   * The calls per user of a removal by bare fetch in the extension (Chromium's service worker, a Firefox extension
   * page), `atOnce` users at a time: what the browser itself costs before any of our code runs: the two calls
   * (dissociate, read back) the panel and a bulk run send, the panel's or the dry run's read standing for the first.
   * A reply that is not a success fails the measure, so nothing is timed that the extension would not accept.
   */
  bareFetchRemovals(ids: string[], atOnce: number): Promise<{ each: number[]; seconds: number }>;
}

export interface BenchSession extends BenchSandbox, BareFetchFloor {
  context: BrowserContext;
  extensionId: string;
  /** The Desk page the first measures share; page-cost closes it (it runs after all of them). */
  page: Page;
  /**
   * What `page` shows: a measure that needs a user page loads one only when the measures before it have not
   * left one there, so it also runs alone and a whole run keeps its steps.
   */
  pageShows: 'nothing' | 'user page' | 'user page, current skin';
  /** The demo user's page in `page`, loaded afresh (so in the sandbox's current skin), once the control is there. */
  loadUserPage(): Promise<void>;
  /** The extension's access token, read once, and its service worker, ready for evaluated code. */
  serviceWorker(): Promise<{ worker: Worker; token: string }>;
}

/** The sandbox, reset, with the helpers every browser's session shares. */
export async function startBenchSandbox(): Promise<BenchSandbox> {
  const sandbox = await startSandbox({ port: 0 });
  const control = new SandboxControl(sandbox.origin);
  await control.reset();
  /** Ids of the next bench users (seedHolders). */
  let nextSeed = 700000000000;
  return {
    sandbox,
    control,

    async seedHolders(count, tag = 'r') {
      const data = await control.getData();
      const template = data.users.find((u) => u.id === DEMO_USER_ID)!;
      if (!data.badges.some((b) => b.id === BENCH_BADGE))
        data.badges.push({ ...data.badges[0]!, id: BENCH_BADGE, name: 'Bench', isCustom: true });
      data.users = data.users.filter((u) => !u.name.startsWith('Bench '));
      const base = nextSeed;
      nextSeed += count;
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const id = String(base + i);
        ids.push(id);
        data.users.push({
          ...template,
          id,
          portalUserId: `9${id}`,
          contactId: `8${id}`,
          name: `Bench ${id}`,
          emailAddress: `bench.${tag}.${id}@example.com`,
          helpCenterIds: [COMMUNITY_HC_ID],
          badgeIds: [BENCH_BADGE],
          labelIds: [],
        });
      }
      await control.putData(data);
      return ids;
    },

    desk(agent, token, method, path, body) {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      return new Promise((done, fail) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: sandbox.port,
            servername: 'desk.zoho.com',
            method,
            path,
            agent,
            headers: {
              Host: 'desk.zoho.com',
              Authorization: `Zoho-oauthtoken ${token}`,
              orgId: '60001234567',
              ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () =>
              res.statusCode === 200 || res.statusCode === 204
                ? done()
                : fail(new Error(`${method} ${path}: ${res.statusCode}`)),
            );
          },
        );
        req.on('error', fail);
        req.end(payload);
      });
    },

    close: () => sandbox.close(),
  };
}

/** The demo user's page: where a session's Desk page starts. */
export const DEMO_USER_PAGE = `https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/${DEMO_USER_ID}`;

/**
 * A long-used extension's audit log: 4,000 entries, in the chunks the audit store keeps, so its writes are measured
 * at a real size. Each browser puts them in its trusted area (utils/platform/trusted-storage.ts).
 */
export function earlierAuditItems(): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  const ids: number[] = [];
  for (let id = 0; id * AUDIT_CHUNK_SIZE < EARLIER_AUDIT_ENTRIES; id++) {
    ids.push(id);
    items[`auditLog.${id}`] = Array.from({ length: AUDIT_CHUNK_SIZE }, (_, i) => ({
      kind: 'remove',
      auditId: `earlier-${id}-${i}`,
      orgId: '60001234567',
      userId: `6000000${id}${i}`,
      userName: 'An earlier user',
      userEmail: 'earlier@example.com',
      route: 'users-dissociate',
      results: [{ badgeId: '24073000001234567', name: 'Rising Star', outcome: { status: 'removed' } }],
      verified: true,
      notes: [],
      startedAt: Date.now() - 86_400_000,
      finishedAt: Date.now() - 86_400_000,
    }));
  }
  items['auditLog.chunks'] = ids;
  return items;
}

export interface BareFetchArgs {
  ids: string[];
  atOnce: number;
  token: string;
  badgeId: string;
  paths: Record<string, string>;
}

export const bareFetchArgs = (ids: string[], atOnce: number, token: string): BareFetchArgs => ({
  ids,
  atOnce,
  token,
  badgeId: BENCH_BADGE,
  paths: Object.fromEntries(ids.map((id) => [id, badgesPath(id)])),
});

/** Evaluated in the extension (BareFetchFloor): the two calls per user by bare fetch, `atOnce` users at a time. */
export async function bareFetchInExtension({ ids, atOnce, token, badgeId, paths }: BareFetchArgs) {
  const headers = { Authorization: `Zoho-oauthtoken ${token}`, orgId: '60001234567' };
  const read = async (response: Response) => {
    if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
    await response.text();
  };
  const queue = [...ids];
  const each: number[] = [];
  const t0 = performance.now();
  const loop = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      const started = performance.now();
      const badges = `https://desk.zoho.com${paths[id]}`;
      const remove = `https://desk.zoho.com/api/v1/users/${id}/badges/dissociate`;
      await read(
        await fetch(remove, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify({ badgeIds: [badgeId] }),
        }),
      );
      await read(await fetch(badges, { headers }));
      each.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: atOnce }, loop));
  return { each, seconds: (performance.now() - t0) / 1000 };
}

export async function startSession(extensionDir: string): Promise<BenchSession> {
  const bench = await startBenchSandbox();
  const { control } = bench;
  await control.configure({ consent: 'auto-accept' });
  let browser: Awaited<ReturnType<typeof launchExtensionBrowser>>;
  try {
    browser = await launchExtensionBrowser(bench.sandbox, { extensionDir });
  } catch (error) {
    await bench.close();
    throw error;
  }
  const { context, extensionId } = browser;
  const close = async () => {
    await browser.close();
    await bench.close();
  };

  let page: Page;
  try {
    // tsx keeps function names with a `__name` helper that page.evaluate'd code does not have.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await connect(context, extensionId);
    await context.serviceWorkers()[0]!.evaluate(async (items) => chrome.storage.local.set(items), earlierAuditItems());
    page = await context.newPage();
  } catch (error) {
    await close();
    throw error;
  }

  let worker: Promise<{ worker: Worker; token: string }> | undefined;

  const session: BenchSession = {
    ...bench,
    context,
    extensionId,
    page,
    pageShows: 'nothing',

    async loadUserPage() {
      // A full load: a goto that differs only in the hash would keep the previous skin.
      await page.goto('about:blank');
      await page.goto(DEMO_USER_PAGE);
      await page.locator('badge-remover-control:not([data-overlay])').waitFor({ state: 'attached' });
      session.pageShows = 'user page, current skin';
    },

    serviceWorker() {
      worker ??= (async () => {
        const token = await context.serviceWorkers()[0]!.evaluate(async () => {
          const { accessToken } = await chrome.storage.session.get('accessToken');
          return (accessToken as { token: string }).token;
        });
        const sw = context.serviceWorkers()[0]!;
        await sw.evaluate('globalThis.__name = (f) => f;');
        return { worker: sw, token };
      })();
      return worker;
    },

    async bareFetchRemovals(ids, atOnce) {
      const { worker: sw, token } = await session.serviceWorker();
      return sw.evaluate(bareFetchInExtension, bareFetchArgs(ids, atOnce, token));
    },

    close,
  };
  return session;
}

async function connect(ctx: BrowserContext, extensionId: string) {
  const options = await ctx.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Client ID').fill(SANDBOX_CLIENT_ID);
  await options.getByRole('button', { name: 'Connect to Zoho' }).click();
  await options.getByRole('button', { name: 'Disconnect' }).waitFor();
  await options.close();
}
