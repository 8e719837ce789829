/** What the sign-in pages and the token endpoint share: limits, Zoho-looking secrets, the client lookup. */
import { randomBytes } from 'node:crypto';
import { dcByAccountsHost } from '../datacenters';
import { escapeHtml, html, type Reply } from '../http';
import type { AccessTokenRecord, ClientConfig, SandboxState } from '../state';

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
export const SCOPE_SYNTAX = /^[A-Za-z][A-Za-z0-9]*\.[A-Za-z][A-Za-z0-9]*\.(ALL|READ|CREATE|UPDATE|DELETE)$/i;

/** Zoho-looking tokens: `1000.<hex>.<hex>`. */
export function newSecret(): string {
  return `1000.${randomBytes(16).toString('hex')}.${randomBytes(16).toString('hex')}`;
}

export function base64url(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function parseScopes(raw: string): string[] {
  return raw
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The client, if it is registered in the data center of `host` (Zoho's Multi-DC); else Zoho does not know it. */
export function findClient(state: SandboxState, clientId: string | null, host: string): ClientConfig | undefined {
  const client = clientId ? state.config.clients.find((c) => c.clientId === clientId) : undefined;
  const location = dcByAccountsHost(host)?.location;
  return client && (!client.locations || (location !== undefined && client.locations.includes(location)))
    ? client
    : undefined;
}

export function errorPage(status: number, title: string, detail: string): Reply {
  return html(
    status,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Zoho Accounts (sandbox)</title></head>
<body><main><h1 id="error-title">${escapeHtml(title)}</h1><p id="error-detail">${escapeHtml(detail)}</p></main></body></html>`,
  );
}

export function mintAccessToken(
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
