/**
 * The Zoho Desk API face (host desk.<dc>, paths under /api/v1), following docs/zoho.md §2-5: the router and the
 * checks every call goes through; each resource's endpoints live in their own file beside this one.
 * Order of checks for every call: token (401) → per-org concurrency (429) → latency → daily credits (429)
 * → route (404/405) → orgId (400/403) → scope (403) → parameters and body (415/422) → the endpoint itself.
 */
import type { Org } from '../data';
import { dcByDeskHost } from '../datacenters';
import { type Reply, type RequestContext, sleep, zohoError } from '../http';
import { acquireSlot, chargeCredits, creditWeight, secondsUntilUtcMidnight } from '../limits';
import type { AccessTokenRecord } from '../state';
import { badgeEndpoints } from './badges';
import { type Endpoint, NOT_FOUND } from './call';
import { contactEndpoints } from './contacts';
import { helpCenterDeleteEndpoints } from './help-center-delete';
import { helpCenterEndpoints } from './help-centers';
import { labelEndpoints } from './labels';
import { organizationEndpoints } from './organizations';
import { checkBody, checkParams } from './params';
import { userEndpoints } from './users';

/** Every endpoint the sandbox serves. */
export const DESK_ENDPOINTS: readonly Endpoint[] = [
  ...organizationEndpoints,
  ...helpCenterEndpoints,
  ...userEndpoints,
  ...badgeEndpoints,
  ...helpCenterDeleteEndpoints,
  ...contactEndpoints,
  ...labelEndpoints,
];

interface CompiledEndpoint {
  endpoint: Endpoint;
  pattern: RegExp;
  names: string[];
}

/** Each path's `{name}` matches one segment; its rule then says what the segment may be. */
const COMPILED: CompiledEndpoint[] = DESK_ENDPOINTS.map((endpoint) => {
  const names: string[] = [];
  const source = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { endpoint, pattern: new RegExp(`^${source}$`), names };
});

/** `Desk.settings.ALL` covers `Desk.settings.READ`; comparison ignores case. */
export function scopeCovers(granted: string, wanted: string): boolean {
  const g = granted.toLowerCase();
  const w = wanted.toLowerCase();
  if (g === w) return true;
  const [gService, gGroup, gOp] = g.split('.');
  const [wService, wGroup] = w.split('.');
  return gOp === 'all' && gService === wService && gGroup === wGroup;
}

function authenticate(ctx: RequestContext): AccessTokenRecord | Reply {
  const header = ctx.req.headers.authorization;
  const match = header ? /^Zoho-oauthtoken\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) return zohoError(401, 'UNAUTHORIZED', 'You are not authenticated to perform this operation.');
  const token = ctx.state.accessTokens.get(match[1]!);
  const dc = dcByDeskHost(ctx.host);
  if (!token || token.revoked || token.expiresAt <= ctx.state.now() || token.location !== dc?.location)
    return zohoError(401, 'INVALID_OAUTH', 'The OAuth Token you provided is invalid.');
  return token;
}

interface Routed {
  endpoint: Endpoint;
  /** Its path parameters, decoded. */
  path: Record<string, string>;
}

/** The endpoint a request's method and path name, or 404/405 (switched-off routes included). */
function route(ctx: RequestContext): Routed | Reply {
  const { state } = ctx;
  const pathname = ctx.url.pathname.replace(/(.)\/$/, '$1');
  const matches = COMPILED.map((c) => ({ ...c, match: c.pattern.exec(pathname) })).filter(
    (c) => c.match !== null && c.endpoint.availability?.(state) !== false,
  );
  if (matches.length === 0) return NOT_FOUND();
  const found = matches.find((c) => c.endpoint.method === ctx.method);
  if (!found || found.endpoint.availability?.(state) === '405')
    return zohoError(405, 'METHOD_NOT_ALLOWED', 'The HTTP method is not allowed for the requested URL.');
  const { endpoint, names, match } = found;
  return { endpoint, path: Object.fromEntries(names.map((name, i) => [name, decoded(match?.[i + 1] ?? '')])) };
}

/** orgId, scope, parameters and body, then the endpoint itself. */
function serve(ctx: RequestContext, token: AccessTokenRecord, { endpoint, path }: Routed): Reply {
  const { state } = ctx;
  let org: Org | null = null;
  if (endpoint.needsOrg) {
    const orgId = orgIdOf(ctx);
    if (orgId === undefined) return zohoError(400, 'INVALID_DATA', 'orgId header is missing');
    org = state.visibleOrgs().find((o) => o.id === orgId) ?? null;
    if (!org) return zohoError(403, 'OAUTH_ORG_MISMATCH', 'The OAuthToken is not valid for specified organization');
  }
  if (!endpoint.scopes.some((wanted) => token.scopes.some((granted) => scopeCovers(granted, wanted))))
    return zohoError(403, 'SCOPE_MISMATCH', 'The OAuth token does not have the scope needed for this operation.');
  const args = checkParams(endpoint.params, path, ctx.url.searchParams);
  if (!args.ok) return args.reply;
  const body = endpoint.body ? checkBody(endpoint.body, ctx) : { ok: true as const, value: undefined };
  if (!body.ok) return body.reply;
  return endpoint.handle({ ctx, state, token, org, args: args.value, body: body.value });
}

/** The orgId header, or Common.json's optional `orgId` query parameter when no header is sent. */
function orgIdOf(ctx: RequestContext): string | undefined {
  const header = ctx.req.headers.orgid;
  const value = typeof header === 'string' && header.trim() !== '' ? header : ctx.url.searchParams.get('orgId');
  return value?.trim() || undefined;
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function handleDeskApi(ctx: RequestContext): Promise<Reply> {
  const { state } = ctx;
  const orgId = orgIdOf(ctx);
  if (orgId !== undefined) ctx.logExtra.orgId = orgId;
  const token = authenticate(ctx);
  // 401s carry no rate-limit headers (docs/zoho.md §4).
  if ('status' in token) return token;

  const orgKey = orgId ?? '(none)';
  const release = acquireSlot(state, orgKey);
  if (!release) {
    state.stats.rateLimited++;
    // Too many at once: no Retry-After, which Zoho sends only when the day's credits are spent.
    return withHeaders(
      zohoError(429, 'TOO_MANY_REQUESTS', 'Too many requests are being made simultaneously. Try again shortly.'),
      { 'X-Rate-Limit-Remaining-v3': String(state.creditsRemaining()), 'X-Rate-Limit-Request-Weight-v3': '0' },
    );
  }
  ctx.logExtra.concurrent = state.inFlight.get(orgKey);
  try {
    await sleep(state.config.latencyMs);
    const routed = route(ctx);
    const weight = creditWeight(ctx.method, 'endpoint' in routed && routed.endpoint.list === true);
    const credits = chargeCredits(state, weight);
    if (!credits.ok) {
      state.stats.rateLimited++;
      return withHeaders(
        zohoError(429, 'THRESHOLD_EXCEEDED', 'The daily API credit limit of this organization has been reached.'),
        {
          'Retry-After': String(secondsUntilUtcMidnight(state.now())),
          'X-Rate-Limit-Remaining-v3': String(credits.remaining),
          'X-Rate-Limit-Request-Weight-v3': '0',
        },
      );
    }
    return withHeaders('endpoint' in routed ? serve(ctx, token, routed) : routed, {
      'X-Rate-Limit-Remaining-v3': String(credits.remaining),
      'X-Rate-Limit-Request-Weight-v3': String(weight),
    });
  } finally {
    release();
  }
}

function withHeaders(reply: Reply, headers: Record<string, string>): Reply {
  return { ...reply, headers: { ...reply.headers, ...headers } };
}
