/** The token endpoint (code, Self Client code, refresh) and revoke. */
import { createHash } from 'node:crypto';
import { dcByAccountsHost, dcByLocation, SANDBOX_DATA_CENTERS } from '../datacenters';
import { formParams, json, type Reply, type RequestContext } from '../http';
import type { AccessTokenRecord, ClientConfig, CodeRecord, SandboxState } from '../state';
import {
  base64url,
  findClient,
  mintAccessToken,
  newSecret,
  SCOPE_SYNTAX,
  THROTTLE_BODY,
  THROTTLE_MAX_TOKENS,
  THROTTLE_WINDOW_MS,
} from './common';

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

export function token(ctx: RequestContext): Reply {
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

export function revoke(ctx: RequestContext): Reply {
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
