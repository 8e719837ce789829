/**
 * The Desk web pages face (host desk.<dc>, any path outside /api/ and /__sandbox/): one HTML shell
 * for every agent-app URL shape, the page data it reads (`/__sandbox/web/...`, no OAuth: the sandbox
 * does not model the agent's web session) and the public badge/photo images.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { User } from './data';
import { iconUrl } from './data';
import { json, type Reply, type RequestContext, text } from './http';
import { type SandboxState, WEB_SKINS, type WebSkin } from './state';

const APP_JS = readFileSync(join(import.meta.dirname, 'web', 'app.js'), 'utf8');
const APP_CSS = readFileSync(join(import.meta.dirname, 'web', 'app.css'), 'utf8');

/** Inline script allowed (the extension's content script is not bound by page CSP anyway). */
export const WEB_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src https: data:; connect-src 'self'; base-uri 'none'; form-action 'self'";

/**
 * The page shell. The 'plain' skin has a header, a nav and a main; the other skins have none of them,
 * like an app whose markup is all generated divs.
 */
function shell(skin: WebSkin): string {
  const frame =
    skin === 'plain'
      ? `<header id="topbar"><span class="brand">Zoho Desk (sandbox)</span><span id="org-name"></span></header>
<div class="layout"><nav id="leftnav" aria-label="Main"></nav><main id="content"><p class="loading">Loading…</p></main></div>`
      : `<div class="t9xk2"><div class="q1zr" id="topbar"><span class="brand">Zoho Desk (sandbox)</span><span id="org-name"></span></div>
<div class="layout"><div class="n7vd" id="leftnav"></div><div class="c4mw" id="content"><div class="loading">Loading…</div></div></div></div>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Zoho Desk (sandbox)</title>
<style>${APP_CSS}</style>
</head>
<body data-skin="${skin}">
${frame}
<script>${APP_JS}</script>
</body>
</html>`;
}

/**
 * `?scripts=any`: a Desk page whose CSP lets its scripts load the extension's scripts too, a laxer page than the
 * sandbox's own (for the attack tests: what a page could do with the extension's web-accessible files).
 */
function webCsp(ctx: RequestContext): string {
  if (ctx.url.searchParams.get('scripts') !== 'any') return WEB_CSP;
  return WEB_CSP.replace("script-src 'unsafe-inline'", "script-src 'unsafe-inline' chrome-extension: moz-extension:");
}

function isAppPath(path: string): boolean {
  return path === '/' || path.startsWith('/agent/') || path.startsWith('/support/');
}

function notFoundPage(): Reply {
  return {
    status: 404,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': WEB_CSP },
    body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><h1>404 Not Found</h1></body></html>',
  };
}

// A badge icon: a coloured medal with its number, so different badges look different.
function badgeIcon(n: string): Reply {
  const hue = (Number.parseInt(n, 10) * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="hsl(${hue},65%,48%)"/><circle cx="32" cy="32" r="22" fill="none" stroke="#fff" stroke-width="3"/><text x="32" y="40" font-family="sans-serif" font-size="22" text-anchor="middle" fill="#fff">${n.slice(0, 3)}</text></svg>`;
  return { status: 200, headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600' }, body: svg };
}

function avatar(portalUserId: string): Reply {
  const hue = Number(BigInt(portalUserId) % 360n);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" fill="hsl(${hue},40%,70%)"/><circle cx="32" cy="25" r="12" fill="#fff"/><ellipse cx="32" cy="56" rx="20" ry="14" fill="#fff"/></svg>`;
  return { status: 200, headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600' }, body: svg };
}

/** Browsers ask every host for one; a 404 would show up as a console error in end-to-end tests. */
export function favicon(): Reply {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1b3a5c"/><text x="8" y="12" font-family="sans-serif" font-size="10" text-anchor="middle" fill="#fff">Z</text></svg>';
  return { status: 200, headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600' }, body: svg };
}

function skinOf(ctx: RequestContext): WebSkin {
  const asked = ctx.url.searchParams.get('skin');
  return (WEB_SKINS as readonly string[]).includes(asked ?? '') ? (asked as WebSkin) : ctx.state.config.webSkin;
}

export function handleDeskWeb(ctx: RequestContext): Reply {
  const path = ctx.url.pathname;
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return text(405, 'Method not allowed');
  if (path === '/favicon.ico') return favicon();
  const image = /^\/portal\/api\/publicImages\/(\d{1,20})$/.exec(path);
  if (image) return badgeIcon(image[1]!);
  const photo = /^\/portal\/api\/portalUser\/(\d{1,20})\/photo$/.exec(path);
  if (photo) return avatar(photo[1]!);
  if (!isAppPath(path)) return notFoundPage();
  return {
    status: 200,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': webCsp(ctx),
      'Cache-Control': 'no-store',
    },
    body: shell(skinOf(ctx)),
  };
}

// ---------- page data: /__sandbox/web/... ----------

function userView(state: SandboxState, user: User) {
  return {
    id: user.id,
    orgId: user.orgId,
    portalUserId: user.portalUserId,
    name: user.name,
    emailAddress: user.emailAddress,
    status: user.status,
    contactId: user.contactId,
    helpCenters: state.data.helpCenters
      .filter((hc) => user.helpCenterIds.includes(hc.id))
      .map((hc) => ({ id: hc.id, name: hc.name })),
    badges: user.badgeIds
      .map((id) => state.data.badges.find((b) => b.id === id))
      .filter((b) => b !== undefined)
      .map((b) => ({ id: b.id, name: b.name, iconUrl: iconUrl(b), isCustom: b.isCustom })),
    labels: user.labelIds
      .map((id) => state.data.labels.find((l) => l.id === id))
      .filter((l) => l !== undefined)
      .map((l) => ({ id: l.id, name: l.name, bgColor: l.bgColor, textColor: l.textColor })),
  };
}

const notFound = () => json(404, { error: 'not found' });

/** `sub` is the path after `/__sandbox/web`. */
export function handleWebData(state: SandboxState, sub: string): Reply {
  let m = /^\/portal\/([^/]+)$/.exec(sub);
  if (m) {
    const org = state.data.orgs.find((o) => o.portalName === decodeURIComponent(m![1]!));
    if (!org) return notFound();
    return json(200, {
      org: { id: org.id, companyName: org.companyName, portalName: org.portalName, departments: org.departments },
      helpCenters: state.data.helpCenters.filter((h) => h.orgId === org.id).map((h) => ({ id: h.id, name: h.name })),
    });
  }
  m = /^\/portal\/([^/]+)\/contacts$/.exec(sub);
  if (m) {
    const org = state.data.orgs.find((o) => o.portalName === decodeURIComponent(m![1]!));
    if (!org) return notFound();
    return json(200, { contacts: state.data.contacts.filter((c) => c.orgId === org.id) });
  }
  m = /^\/helpcenters\/(\d+)\/users$/.exec(sub);
  if (m) {
    const helpCenter = state.data.helpCenters.find((h) => h.id === m![1]);
    if (!helpCenter) return notFound();
    const users = state.data.users
      .filter((u) => u.helpCenterIds.includes(helpCenter.id))
      .map((u) => ({
        id: u.id,
        name: u.name,
        emailAddress: u.emailAddress,
        status: u.status,
        badgeCount: u.badgeIds.length,
      }));
    return json(200, { helpCenter: { id: helpCenter.id, name: helpCenter.name, orgId: helpCenter.orgId }, users });
  }
  m = /^\/users\/(\d+)$/.exec(sub);
  if (m) {
    const user = state.data.users.find((u) => u.id === m![1]);
    return user ? json(200, userView(state, user)) : notFound();
  }
  m = /^\/portal-users\/(\d+)$/.exec(sub);
  if (m) {
    const user = state.data.users.find((u) => u.portalUserId === m![1]);
    return user ? json(200, userView(state, user)) : notFound();
  }
  m = /^\/contacts\/(\d+)$/.exec(sub);
  if (m) {
    const contact = state.data.contacts.find((c) => c.id === m![1]);
    if (!contact) return notFound();
    const user = state.data.users.find((u) => u.contactId === contact.id && u.orgId === contact.orgId);
    return json(200, {
      ...contact,
      userId: user?.id ?? null,
      helpCenters: user
        ? state.data.helpCenters
            .filter((h) => user.helpCenterIds.includes(h.id))
            .map((h) => ({ id: h.id, name: h.name }))
        : [],
    });
  }
  return notFound();
}
