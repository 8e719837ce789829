/**
 * The Zoho Accounts face (host accounts.<dc>): authorize + consent, token (authorization_code with
 * PKCE or a Self Client's code, refresh_token), revoke and serverinfo, following docs/zoho.md §7.
 * Token errors use HTTP 200 with `{"error": ...}` like Zoho; the refresh throttle is configurable 200/400.
 */
import { createHash, randomBytes } from 'node:crypto';
import { dcByAccountsHost, dcByLocation, SANDBOX_DATA_CENTERS } from './datacenters';
import { favicon } from './desk-web';
import { escapeHtml, formParams, html, json, type Reply, type RequestContext, redirect } from './http';
import type { AccessTokenRecord, ClientConfig, CodeRecord, SandboxState } from './state';

export const CODE_LIFETIME_MS = 2 * 60 * 1000;
export const THROTTLE_WINDOW_MS = 10 * 60 * 1000;
export const THROTTLE_MAX_TOKENS = 10;
/**
 * Active access tokens per refresh token; minting one more revokes the oldest. Zoho Accounts' token-limits
 * page says 10 (other Zoho pages say 15 or 30; the lowest is the one an extension must survive).
 */
export const MAX_ACTIVE_ACCESS_TOKENS = 10;

export const THROTTLE_BODY = {
  error_description: 'You have made too many requests continuously. Please try again after some time.',
  error: 'Access Denied',
  status: 'failure',
};

/** `Service.scope.OPERATION`, e.g. Desk.settings.READ (zoho.com/accounts/protocol/oauth/scope.html). */
const SCOPE_SYNTAX = /^[A-Za-z][A-Za-z0-9]*\.[A-Za-z][A-Za-z0-9]*\.(ALL|READ|CREATE|UPDATE|DELETE)$/i;

/** Zoho-looking tokens: `1000.<hex>.<hex>`. */
function newSecret(): string {
  return `1000.${randomBytes(16).toString('hex')}.${randomBytes(16).toString('hex')}`;
}

function base64url(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function parseScopes(raw: string): string[] {
  return raw
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The client, if it is registered in the data center of `host` (Zoho's Multi-DC); else Zoho does not know it. */
function findClient(state: SandboxState, clientId: string | null, host: string): ClientConfig | undefined {
  const client = clientId ? state.config.clients.find((c) => c.clientId === clientId) : undefined;
  const location = dcByAccountsHost(host)?.location;
  return client && (!client.locations || (location !== undefined && client.locations.includes(location)))
    ? client
    : undefined;
}

function errorPage(status: number, title: string, detail: string): Reply {
  return html(
    status,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Zoho Accounts (sandbox)</title></head>
<body><main><h1 id="error-title">${escapeHtml(title)}</h1><p id="error-detail">${escapeHtml(detail)}</p></main></body></html>`,
  );
}

// ---------- /oauth/v2/auth ----------

const AUTH_PARAMS = [
  'client_id',
  'response_type',
  'redirect_uri',
  'scope',
  'state',
  'access_type',
  'prompt',
  'code_challenge',
  'code_challenge_method',
] as const;

function consentPage(params: URLSearchParams, client: ClientConfig, scopes: string[]): Reply {
  // Client-based (implicit) clients: Zoho offers to keep granting tokens for the rest of the session.
  const sessionChoice =
    params.get('response_type') === 'token'
      ? `<p><label><input id="session-grant" type="checkbox" name="session_grant" value="on" checked> Allow access for the entire session, without asking again</label></p>`
      : '';
  const hidden = AUTH_PARAMS.filter((name) => params.has(name))
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params.get(name) ?? '')}">`)
    .join('\n      ');
  const scopeItems = scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('');
  const appName = escapeHtml(client.name ?? client.clientId);
  return html(
    200,
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Zoho Accounts (sandbox)</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;color:#222}
button{font-size:1rem;padding:.5rem 1.2rem;margin-right:.5rem}#accept{background:#0b6bcb;color:#fff;border:0}</style></head>
<body><main>
  <h1>Zoho Accounts (sandbox)</h1>
  <p><strong id="app-name">${appName}</strong> would like to access your Zoho Desk data:</p>
  <ul id="scopes">${scopeItems}</ul>
  <form method="post" action="/oauth/v2/auth">
      ${hidden}
      ${sessionChoice}
      <button id="accept" type="submit" name="decision" value="accept">Accept</button>
      <button id="deny" type="submit" name="decision" value="deny">Deny</button>
  </form>
</main></body></html>`,
    { 'Cache-Control': 'no-store' },
  );
}

function withParams(base: string, params: Record<string, string | null>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value);
  return url.toString();
}

/** Zoho's first checks, answered with an error page: nothing may be sent to an unregistered redirect URI. */
function registeredClient(
  state: SandboxState,
  host: string,
  params: URLSearchParams,
): { client: ClientConfig; redirectUri: string } | Reply {
  const client = findClient(state, params.get('client_id'), host);
  if (!client) return errorPage(400, 'Invalid Client', 'The client_id is not registered with Zoho Accounts.');
  const redirectUri = params.get('redirect_uri') ?? '';
  // A Self Client has no redirect URI at all: its codes come from the API console.
  if (client.type === 'self' || !client.redirectUris.includes(redirectUri)) {
    return errorPage(400, 'Invalid Redirect Uri', 'Redirect URI passed does not match with the one configured.');
  }
  return { client, redirectUri };
}

/** The redirect back: in the query for the code flow, in the fragment for the implicit flow. */
function callbackUrl(base: string, inFragment: boolean, params: Record<string, string | null>): string {
  if (!inFragment) return withParams(base, params);
  const fragment = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null) fragment.set(key, value);
  // Zoho's documented example starts the fragment with '&': `#&access_token=...`.
  return `${base.split('#')[0]}#&${fragment.toString()}`;
}

/** An access token in the redirect's fragment: Client-based clients get no code and no refresh token. */
function implicitToken(
  state: SandboxState,
  client: ClientConfig,
  scopes: string[],
  location: string,
  redirectUri: string,
  stateParam: string | null,
): Reply {
  const dc = dcByLocation(location) ?? SANDBOX_DATA_CENTERS[0]!;
  const access = mintAccessToken(state, { clientId: client.clientId, location, scopes, refreshToken: null });
  state.stats.implicitGrants++;
  return redirect(
    callbackUrl(redirectUri, true, {
      access_token: access.token,
      token_type: 'Bearer',
      expires_in: String(state.config.accessTokenLifetimeSeconds),
      api_domain: dc.apiDomain,
      location: dc.location,
      state: stateParam,
    }),
  );
}

/**
 * `GET /oauth/v2/auth/refresh`: a new token without a prompt while the admin is signed in to Zoho and gave
 * this client access for the entire session; else `client_not_granted`, or `prompt_required` for new scopes.
 */
function sessionRefresh(ctx: RequestContext): Reply {
  const { state } = ctx;
  const params = ctx.url.searchParams;
  const known = registeredClient(state, ctx.host, params);
  if ('status' in known) return known;
  const { client, redirectUri } = known;
  const stateParam = params.get('state');
  if (params.get('response_type') !== 'token' || client.type !== 'client')
    return redirect(callbackUrl(redirectUri, true, { error: 'unsupported_response_type', state: stateParam }));
  const grant = state.zohoSession.signedIn ? state.zohoSession.grants.get(client.clientId) : undefined;
  if (!grant) return redirect(callbackUrl(redirectUri, true, { error: 'client_not_granted', state: stateParam }));
  const scopes = parseScopes(params.get('scope') ?? '');
  if (!scopes.every((wanted) => grant.scopes.some((g) => g.toLowerCase() === wanted.toLowerCase())))
    return redirect(callbackUrl(redirectUri, true, { error: 'prompt_required', state: stateParam }));
  state.stats.sessionRenewals++;
  return implicitToken(state, client, grant.scopes, grant.location, redirectUri, stateParam);
}

function authorize(ctx: RequestContext): Reply {
  const { state } = ctx;
  const params = formParams(ctx);
  const known = registeredClient(state, ctx.host, params);
  if ('status' in known) return known;
  const { client, redirectUri } = known;
  const responseType = params.get('response_type');
  if (responseType !== 'code' && responseType !== 'token') {
    return errorPage(400, 'Invalid Response Type', 'response_type must be code or token.');
  }
  // Each client type allows one flow. Zoho's exact answer here is unconfirmed; the sandbox answers as
  // RFC 6749 §4.1.2.1 says, on the registered redirect URI.
  if ((responseType === 'token') !== (client.type === 'client')) {
    return redirect(
      callbackUrl(redirectUri, responseType === 'token', {
        error: 'unsupported_response_type',
        state: params.get('state'),
      }),
    );
  }
  const scopes = parseScopes(params.get('scope') ?? '');
  if (scopes.length === 0 || !scopes.every((s) => SCOPE_SYNTAX.test(s))) {
    return errorPage(400, 'Invalid OAuth Scope', 'The scope parameter is missing or names an invalid scope.');
  }
  const challenge = params.get('code_challenge');
  const method = params.get('code_challenge_method') ?? (challenge ? 'plain' : null);
  if (method !== null && method !== 'S256' && method !== 'plain') {
    return errorPage(400, 'Invalid Code Challenge Method', 'code_challenge_method must be S256 or plain.');
  }
  if (method !== null && !challenge) return errorPage(400, 'Invalid Code Challenge', 'code_challenge is missing.');
  // Mobile-based clients are public: Zoho says they must use PKCE.
  if (client.type === 'mobile' && !challenge)
    return errorPage(400, 'Invalid Code Challenge', 'A Mobile-based client must send code_challenge (PKCE).');

  const stateParam = params.get('state');
  const decision =
    ctx.method === 'POST' ? params.get('decision') : state.config.consent === 'auto-accept' ? 'accept' : null;
  if (decision === null) return consentPage(params, client, scopes);
  const implicit = responseType === 'token';
  if (decision !== 'accept')
    return redirect(callbackUrl(redirectUri, implicit, { error: 'access_denied', state: stateParam }));

  state.zohoSession.signedIn = true;
  const dc = dcByLocation(state.config.accountLocation) ?? SANDBOX_DATA_CENTERS[0]!;
  if (implicit) {
    // The consent form's box, or (auto-accept) as if ticked.
    const sessionGrant = ctx.method === 'POST' ? params.get('session_grant') === 'on' : true;
    if (sessionGrant) state.zohoSession.grants.set(client.clientId, { scopes, location: dc.location });
    else state.zohoSession.grants.delete(client.clientId);
    return implicitToken(state, client, scopes, dc.location, redirectUri, stateParam);
  }
  const record: CodeRecord = {
    code: newSecret(),
    clientId: client.clientId,
    redirectUri,
    scopes,
    location: dc.location,
    challenge,
    challengeMethod: method as CodeRecord['challengeMethod'],
    accessType: params.get('access_type') === 'offline' ? 'offline' : 'online',
    prompt: params.get('prompt'),
    issuedAt: state.now(),
    lifetimeMs: CODE_LIFETIME_MS,
    used: false,
  };
  state.codes.set(record.code, record);
  return redirect(
    withParams(redirectUri, {
      code: record.code,
      state: stateParam,
      location: dc.location,
      'accounts-server': `https://${dc.accountsHost}`,
    }),
  );
}

// ---------- /oauth/v2/token ----------

function tokenError(error: string): Reply {
  return json(200, { error });
}

function clientProblem(client: ClientConfig | undefined, secret: string | null): boolean {
  // Client-based clients have no token endpoint use at all.
  if (!client || client.type === 'client') return true;
  if (client.type === 'server' || client.type === 'self') return !client.clientSecret || secret !== client.clientSecret;
  // A secret that is sent must still be the right one.
  return secret !== null && secret !== '' && client.clientSecret !== undefined && secret !== client.clientSecret;
}

function verifierMatches(code: CodeRecord, verifier: string | null): boolean {
  if (!code.challenge) return true;
  if (!verifier || !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  const expected =
    code.challengeMethod === 'S256' ? base64url(createHash('sha256').update(verifier, 'ascii').digest()) : verifier;
  return expected === code.challenge;
}

function mintAccessToken(
  state: SandboxState,
  fields: { clientId: string; location: string; scopes: string[]; refreshToken: string | null },
): AccessTokenRecord {
  const issuedAt = state.now();
  const record: AccessTokenRecord = {
    token: newSecret(),
    refreshToken: fields.refreshToken,
    clientId: fields.clientId,
    location: fields.location,
    scopes: state.config.grantedScopes ? [...state.config.grantedScopes] : [...fields.scopes],
    issuedAt,
    expiresAt: issuedAt + state.config.accessTokenLifetimeSeconds * 1000,
    revoked: false,
  };
  if (fields.refreshToken) {
    const active = [...state.accessTokens.values()].filter(
      (a) => a.refreshToken === fields.refreshToken && !a.revoked && a.expiresAt > issuedAt,
    );
    if (active.length >= MAX_ACTIVE_ACCESS_TOKENS) active[0]!.revoked = true;
  }
  state.accessTokens.set(record.token, record);
  return record;
}

function tokenReply(state: SandboxState, access: AccessTokenRecord, refreshToken?: string, scopes?: string[]): Reply {
  const dc = dcByLocation(access.location) ?? SANDBOX_DATA_CENTERS[0]!;
  return json(200, {
    access_token: access.token,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    ...(scopes ? { scope: scopes.join(' ') } : {}),
    api_domain: dc.apiDomain,
    token_type: 'Bearer',
    expires_in: state.config.accessTokenLifetimeSeconds,
  });
}

const expired = (state: SandboxState, code: CodeRecord) => code.used || state.now() > code.issuedAt + code.lifetimeMs;

function exchangeCode(ctx: RequestContext, params: URLSearchParams, client: ClientConfig | undefined): Reply {
  const { state } = ctx;
  if (client?.type === 'self') return exchangeSelfClientCode(ctx, params, client);
  if (!client || clientProblem(client, params.get('client_secret'))) return tokenError('invalid_client');
  const code = state.codes.get(params.get('code') ?? '');
  if (!code) return tokenError('invalid_code');
  if (code.clientId !== client.clientId) return tokenError('invalid_client');
  // A code is only good at the accounts server of its own DC (Zoho's "DC mismatch").
  if (dcByAccountsHost(ctx.host)?.location !== code.location) return tokenError('invalid_client');
  if (expired(state, code)) return tokenError('invalid_code');
  if (params.get('redirect_uri') !== code.redirectUri) return tokenError('invalid_redirect_uri');
  if (!verifierMatches(code, params.get('code_verifier'))) {
    // A failed proof burns the code, so a verifier cannot be guessed by retrying.
    code.used = true;
    return tokenError('invalid_code');
  }
  code.used = true;
  state.stats.codeGrants++;

  // Zoho issues a refresh token on the first offline grant, and again only with prompt=consent.
  const hasLive = [...state.refreshTokens.values()].some(
    (r) => r.clientId === client.clientId && r.location === code.location && !r.revoked,
  );
  const refreshToken =
    code.accessType === 'offline' && (!hasLive || code.prompt === 'consent') ? newRefreshToken(state, code) : undefined;
  const access = mintAccessToken(state, {
    clientId: client.clientId,
    location: code.location,
    scopes: code.scopes,
    refreshToken: refreshToken ?? null,
  });
  return tokenReply(state, access, refreshToken);
}

function newRefreshToken(state: SandboxState, code: CodeRecord): string {
  const token = newSecret();
  state.refreshTokens.set(token, {
    token,
    clientId: code.clientId,
    location: code.location,
    scopes: code.scopes,
    createdAt: state.now(),
    revoked: false,
    accessTokensMinted: 0,
    mintTimes: [],
  });
  return token;
}

/**
 * A Self Client's code (zoho.com/accounts/protocol/oauth/self-client/authorization-code-flow.html): `client_id`,
 * `client_secret`, `code`; no redirect URI, no PKCE. The secret is checked first (`invalid_client_secret`); a code
 * this data center did not issue, or one expired or used, is `invalid_code` and is not spent. Every exchange gives
 * a refresh token, and the reply names the code's scopes.
 */
function exchangeSelfClientCode(ctx: RequestContext, params: URLSearchParams, client: ClientConfig): Reply {
  const { state } = ctx;
  if (clientProblem(client, params.get('client_secret'))) return tokenError('invalid_client_secret');
  const code = state.codes.get(params.get('code') ?? '');
  if (
    !code ||
    code.clientId !== client.clientId ||
    dcByAccountsHost(ctx.host)?.location !== code.location ||
    expired(state, code)
  ) {
    return tokenError('invalid_code');
  }
  code.used = true;
  state.stats.codeGrants++;
  const refreshToken = newRefreshToken(state, code);
  const access = mintAccessToken(state, {
    clientId: client.clientId,
    location: code.location,
    scopes: code.scopes,
    refreshToken,
  });
  return tokenReply(state, access, refreshToken, access.scopes);
}

export const SELF_CLIENT_MINUTES = [3, 5, 7, 10] as const;

/**
 * What the API console's Generate Code does for a Self Client: a code for these scopes, lasting the chosen minutes,
 * at one data center where the client is registered. A string is the reason it cannot.
 */
export function generateSelfClientCode(
  state: SandboxState,
  input: { clientId: string; scopes: string[]; minutes: number; location: string },
): CodeRecord | string {
  const client = state.config.clients.find((c) => c.clientId === input.clientId && c.type === 'self');
  if (!client) return `${input.clientId} is not a Self Client.`;
  if (client.locations && !client.locations.includes(input.location))
    return `The Self Client is not enabled in the data center "${input.location}".`;
  if (!dcByLocation(input.location)) return `Unknown data center "${input.location}".`;
  if (!(SELF_CLIENT_MINUTES as readonly number[]).includes(input.minutes))
    return `The time duration is ${SELF_CLIENT_MINUTES.join(', ')} minutes.`;
  if (input.scopes.length === 0 || !input.scopes.every((s) => SCOPE_SYNTAX.test(s)))
    return 'Enter valid scopes, separated by commas.';
  const record: CodeRecord = {
    code: newSecret(),
    clientId: client.clientId,
    redirectUri: '',
    scopes: input.scopes,
    location: input.location,
    challenge: null,
    challengeMethod: null,
    accessType: 'offline',
    prompt: null,
    issuedAt: state.now(),
    lifetimeMs: input.minutes * 60_000,
    used: false,
  };
  state.codes.set(record.code, record);
  return record;
}

function refresh(ctx: RequestContext, params: URLSearchParams, client: ClientConfig | undefined): Reply {
  const { state } = ctx;
  if (!client || clientProblem(client, params.get('client_secret'))) return tokenError('invalid_client');
  const record = state.refreshTokens.get(params.get('refresh_token') ?? '');
  if (!record || record.revoked || dcByAccountsHost(ctx.host)?.location !== record.location) {
    return tokenError('invalid_code');
  }
  if (record.clientId !== client.clientId) return tokenError('invalid_client');
  const now = state.now();
  record.mintTimes = record.mintTimes.filter((t) => now - t < THROTTLE_WINDOW_MS);
  if (record.mintTimes.length >= THROTTLE_MAX_TOKENS) {
    state.stats.throttledRefreshes++;
    return json(state.config.throttleStatus, THROTTLE_BODY);
  }
  record.mintTimes.push(now);
  record.accessTokensMinted++;
  state.stats.refreshGrants++;
  const access = mintAccessToken(state, {
    clientId: record.clientId,
    location: record.location,
    scopes: record.scopes,
    refreshToken: record.token,
  });
  return tokenReply(state, access);
}

function token(ctx: RequestContext): Reply {
  if (ctx.method !== 'POST') return json(405, { error: 'invalid_request', error_description: 'Use POST.' });
  const params = formParams(ctx);
  const grantType = params.get('grant_type') ?? '';
  ctx.logExtra.grantType = grantType;
  const client = findClient(ctx.state, params.get('client_id'), ctx.host);
  if (grantType === 'authorization_code') return exchangeCode(ctx, params, client);
  if (grantType === 'refresh_token') return refresh(ctx, params, client);
  return tokenError('unsupported_grant_type');
}

// ---------- /oauth/v2/token/revoke, /oauth/serverinfo ----------

function revoke(ctx: RequestContext): Reply {
  if (ctx.method !== 'POST') return json(405, { error: 'invalid_request', error_description: 'Use POST.' });
  const value = formParams(ctx).get('token') ?? '';
  const { state } = ctx;
  const refreshRecord = state.refreshTokens.get(value);
  if (refreshRecord) {
    refreshRecord.revoked = true;
    for (const access of state.accessTokens.values()) if (access.refreshToken === value) access.revoked = true;
    return json(200, { status: 'success' });
  }
  const accessRecord = state.accessTokens.get(value);
  if (accessRecord) {
    accessRecord.revoked = true;
    return json(200, { status: 'success' });
  }
  return json(400, { status: 'failure', error: 'invalid_token' });
}

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
