/**
 * The Zoho Accounts face (host accounts.<dc>): authorize + consent, token (authorization_code with
 * PKCE or a Self Client's code, refresh_token), revoke and serverinfo, following docs/zoho.md §7.
 * Token errors use HTTP 200 with `{"error": ...}` like Zoho; the refresh throttle is configurable 200/400.
 */

import { SANDBOX_DATA_CENTERS } from '../datacenters';
import { favicon } from '../desk-web';
import { json, type Reply, type RequestContext } from '../http';
import { authorize, sessionRefresh } from './authorize';
import { errorPage } from './common';
import { revoke, token } from './token';

export {
  CODE_LIFETIME_MS,
  MAX_ACTIVE_ACCESS_TOKENS,
  parseScopes,
  THROTTLE_BODY,
  THROTTLE_MAX_TOKENS,
  THROTTLE_WINDOW_MS,
} from './common';
export { generateSelfClientCode, SELF_CLIENT_MINUTES } from './token';

function serverInfo(): Reply {
  // China is operated separately and is not listed by accounts.zoho.com (docs/zoho.md §1.1).
  const locations = Object.fromEntries(
    SANDBOX_DATA_CENTERS.filter((dc) => dc.location !== 'cn').map((dc) => [dc.location, `https://${dc.accountsHost}`]),
  );
  return json(200, { result: 'success', locations });
}

export function handleAccounts(ctx: RequestContext): Reply {
  const path = ctx.url.pathname.replace(/\/+$/, '') || '/';
  if (path === '/oauth/v2/auth' && (ctx.method === 'GET' || ctx.method === 'POST')) return authorize(ctx);
  if (path === '/oauth/v2/auth/refresh' && ctx.method === 'GET') return sessionRefresh(ctx);
  if (path === '/oauth/v2/token') return token(ctx);
  if (path === '/oauth/v2/token/revoke') return revoke(ctx);
  if (path === '/oauth/serverinfo' && ctx.method === 'GET') return serverInfo();
  if (path === '/favicon.ico') return favicon();
  return errorPage(404, 'Page not found', 'This Zoho Accounts page does not exist in the sandbox.');
}
