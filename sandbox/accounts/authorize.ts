import { dcByLocation, SANDBOX_DATA_CENTERS } from '../datacenters';
import { escapeHtml, formParams, html, type Reply, type RequestContext, redirect } from '../http';
import type { ClientConfig, CodeRecord, SandboxState } from '../state';
import {
  CODE_LIFETIME_MS,
  errorPage,
  findClient,
  mintAccessToken,
  newSecret,
  parseScopes,
  SCOPE_SYNTAX,
} from './common';

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
export function sessionRefresh(ctx: RequestContext): Reply {
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

export function authorize(ctx: RequestContext): Reply {
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
