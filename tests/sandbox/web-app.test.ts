// @vitest-environment happy-dom
/**
 * Runs the sandbox's Desk web app in happy-dom against a real sandbox: the page data comes over
 * HTTPS from the sandbox's live state, so a change made through the API shows on the next render.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMUNITY_HC_ID, DEMO_USER_ID, NON_USER_CONTACT_ID, ZYLKER_BADGES } from '../../sandbox/data';
import { call, startTestSandbox, type TestSandbox } from './helpers';

const APP_JS = readFileSync(join(import.meta.dirname, '..', '..', 'sandbox', 'web', 'app.js'), 'utf8');

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
  // The app fetches same-origin paths; send them to the sandbox as the page's host.
  vi.stubGlobal('fetch', async (input: string) => {
    const res = await call(t.sandbox, { host: location.hostname, path: input });
    return { status: res.status, ok: res.status < 300, json: async () => res.json() };
  });
  document.body.innerHTML =
    '<header id="topbar"><span class="brand">Zoho Desk (sandbox)</span><span id="org-name"></span></header>' +
    '<div class="layout"><nav id="leftnav"></nav><main id="content"></main></div>';
  open(`https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users`);
  new Function(APP_JS)();
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await t.sandbox.close();
});

function open(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

/** Load another URL in the running app, as a browser navigation within the app would. */
function navigate(url: string): void {
  open(url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** Each render waits on a real HTTPS call to the sandbox: on a busy machine that can take over vi.waitFor's 1 s. */
const rendered = (check: () => void) => vi.waitFor(check, { timeout: 10_000 });

const text = (selector: string) => document.querySelector(selector)?.textContent ?? null;

describe('the Desk web app', () => {
  it('lists help center users with links in the hash-route shape', async () => {
    // Every user of the help center, the two deleted ones included.
    await rendered(() => expect(document.querySelectorAll('a.user-link').length).toBe(24));
    expect(text('h1')).toBe('Zylker Community · Users');
    expect(text('#org-name')).toBe('Zylker');
    const first = document.querySelector('a.user-link')!;
    expect(first.getAttribute('href')).toBe(
      `/agent/zylker/zylker/setup#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/${DEMO_USER_ID}`,
    );
    expect(first.hasAttribute('data-spa')).toBe(false);
    expect(document.querySelectorAll('#leftnav a.nav-hc')).toHaveLength(2);
  });

  it('renders a user page from a hash change, and again on the next hash change', async () => {
    location.hash = `#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/${DEMO_USER_ID}`;
    await rendered(() => expect(text('h1.user-name')).toBe('Carol Diaz'));
    expect(document.querySelector('a.user-email')?.getAttribute('href')).toBe('mailto:carol.diaz@example.com');
    expect(text('.user-id')).toBe(DEMO_USER_ID);
    expect(text('.help-center-name')).toBe('Zylker Community');
    expect([...document.querySelectorAll('.badge-name')].map((n) => n.textContent)).toEqual([
      'Newcomer',
      'Rising Star',
      'Top Contributor',
      'Beta Tester',
    ]);
    expect([...document.querySelectorAll('.label-name')].map((n) => n.textContent)).toEqual([
      'Lock Label',
      'Beta Tester',
    ]);
    expect(document.title).toBe('Carol Diaz - Zoho Desk (sandbox)');

    const next = document.querySelector('a.next-user')!.getAttribute('href')!;
    location.hash = next.slice(next.indexOf('#'));
    await rendered(() => expect(text('h1.user-name')).toBe('Ben Okafor'));
  });

  it('navigates path-shaped links with pushState and shows live state, names escaped', async () => {
    const name = '<img src=x onerror=alert(1)>';
    await t.control.addBadge({ name, holderIds: [DEMO_USER_ID] });
    t.sandbox.state.data.users.find((u) => u.id === DEMO_USER_ID)!.badgeIds.shift();
    navigate(`https://desk.zoho.com/agent/zylker/zylker/setup/channels/helpcenter/${COMMUNITY_HC_ID}/users`);
    await rendered(() => expect(document.querySelectorAll('a.user-link[data-spa]').length).toBe(24));
    const push = vi.spyOn(history, 'pushState');
    (document.querySelector('a.user-link') as HTMLAnchorElement).click();
    expect(push).toHaveBeenCalledWith(
      null,
      '',
      `/agent/zylker/zylker/setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/${DEMO_USER_ID}`,
    );
    await rendered(() => expect(text('h1.user-name')).toBe('Carol Diaz'));
    const badges = [...document.querySelectorAll('.badge-name')].map((n) => n.textContent);
    expect(badges).not.toContain('Newcomer');
    expect(badges).toContain(name);
    expect(document.querySelector('.user-badges img[src="x"]')).toBeNull();
    t.sandbox.state.data.users.find((u) => u.id === DEMO_USER_ID)!.badgeIds.unshift(ZYLKER_BADGES.newcomer);
  });

  it('renders the classic shape and the portal-user shape, which shows no user id', async () => {
    navigate(
      `https://desk.zoho.com/support/zylker/ShowHomePage.do#Setup/helpcenter/${COMMUNITY_HC_ID}/users/${DEMO_USER_ID}`,
    );
    await rendered(() => expect(text('.user-id')).toBe(DEMO_USER_ID));
    navigate(
      `https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/portaluser/17883000000094002`,
    );
    await rendered(() => expect(text('h1.user-name')).toBe('Ben Okafor'));
    expect(text('a.user-email')).toBe('ben.okafor@example.com');
    expect(document.querySelector('.user-id')).toBeNull();
    expect(document.body.textContent).not.toContain('310975130122');
  });

  it('shows contact pages with their Help Center membership', async () => {
    navigate('https://desk.zoho.com/agent/zylker/zylker/contacts/details/3313135931141');
    await rendered(() => expect(text('h1.contact-name')).toBe('Ana Souza'));
    expect(text('.contact-helpcenter')).toBe('Help Center: end user in Zylker Community, Zylker Partners');
    navigate(`https://desk.zoho.com/agent/zylker/zylker/contacts/details/${NON_USER_CONTACT_ID}`);
    await rendered(() => expect(text('h1.contact-name')).toBe('Liam Walsh'));
    expect(text('.contact-helpcenter')).toBe('Help Center: not an end user');
  });

  it('shows a plain module page, an unknown portal, and a busy page that makes mutations', async () => {
    navigate('https://desk.zoho.com/agent/zylker/zylker/tickets');
    await rendered(() => expect(text('h1.module-title')).toBe('Tickets'));
    navigate('https://desk.zoho.com/agent/nosuchportal/x/tickets');
    await rendered(() => expect(text('h1.not-found')).toBe('This portal does not exist'));
    navigate('https://desk.zoho.com/agent/zylker/zylker/busy?nodes=300&mutations=90');
    await rendered(() => expect(document.querySelectorAll('#busy-grid span')).toHaveLength(300));
    (document.getElementById('mutate') as HTMLButtonElement).click();
    await rendered(() => expect(document.body.dataset.busyDone).toBe('true'));
    expect(text('#mutation-count')).toBe('90');
  });
});
