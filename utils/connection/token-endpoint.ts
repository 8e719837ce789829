/**
 * Zoho Accounts' token endpoint (`/oauth/v2/token`) and revocation, as every client type's flow calls them:
 * form POSTs to a data center's accounts server (only ever one from the data-center table), and the replies read
 * into a token or a ZohoError that says what to change. Zoho answers errors with HTTP 200 as often as not: the body
 * decides.
 */
import { ZohoError } from '../platform/errors';
import { CLIENT_TYPE_INFO, type ClientType } from '../platform/zoho/client-types';
import type { DataCenter } from '../platform/zoho/datacenters';
import { type TokenSuccess, tokenError, tokenSuccess } from '../platform/zoho/schemas';

export const authError = (message: string, action = 'Check the settings and connect again.') =>
  new ZohoError({ kind: 'auth', message, action });

export const typeLabel = (type: ClientType) => CLIENT_TYPE_INFO[type].label;

/** A form POST to the data center's token endpoint; no answer at all is a network error. */
export async function postToken(
  fetchFn: typeof fetch,
  dc: DataCenter,
  form: Record<string, string>,
): Promise<Response> {
  const url = `${dc.accountsServer}/oauth/v2/token`;
  try {
    return await fetchFn(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  } catch (cause) {
    throw new ZohoError(
      {
        kind: 'network',
        message: `Could not reach Zoho Accounts (${new URL(url).host}).`,
        action: 'Check your internet connection and try again.',
      },
      { cause },
    );
  }
}

/** Revokes at Zoho: best effort, offline leaves Zoho's copy to lapse unused. */
export async function revokeToken(fetchFn: typeof fetch, dc: DataCenter, token: string): Promise<boolean> {
  try {
    const res = await fetchFn(`${dc.accountsServer}/oauth/v2/token/revoke?${new URLSearchParams({ token })}`, {
      method: 'POST',
    });
    const body = (await res.json().catch(() => null)) as { status?: string } | null;
    return res.ok && body?.status === 'success';
  } catch {
    return false;
  }
}

const THROTTLE = /too many requests|access denied/i;

/** A token reply as Zoho sent it: the token, or its error code and words. Not JSON, or neither, throws. */
export async function readTokenBody(
  res: Response,
): Promise<{ ok: true; token: TokenSuccess } | { ok: false; error: string; description?: string }> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ZohoError({
      kind: 'server',
      status: res.status,
      message: `Zoho Accounts answered with something that is not JSON (HTTP ${res.status}).`,
      action: 'Try again in a minute.',
    });
  }
  const failure = tokenError.safeParse(body);
  if (failure.success) {
    const { error, error_description: description } = failure.data;
    if (THROTTLE.test(error) || THROTTLE.test(description ?? '')) {
      throw new ZohoError({
        kind: 'token-throttled',
        status: res.status,
        errorCode: error,
        message: 'Zoho is refusing new access tokens for a while: too many were requested in a short time.',
        action: 'Wait 10–15 minutes, then try again. The extension does not retry by itself.',
      });
    }
    return { ok: false, error, ...(description ? { description } : {}) };
  }
  const success = tokenSuccess.safeParse(body);
  if (!res.ok || !success.success) {
    throw new ZohoError({
      kind: 'unexpected-response',
      status: res.status,
      message: `Zoho Accounts gave an answer the extension does not understand (HTTP ${res.status}).`,
      action: 'Try again. If it repeats, the Zoho API may have changed; please report it.',
    });
  }
  return { ok: true, token: success.data };
}

/** The reply of an exchange or a refresh, or the error that says what to change. */
export async function readTokenReply(
  res: Response,
  grant: 'exchange' | 'refresh',
  clientType: ClientType,
  sentSecret = false,
): Promise<TokenSuccess> {
  const reply = await readTokenBody(res);
  if (reply.ok) return reply.token;
  throw tokenRefusal(reply, res.status, grant, clientType, sentSecret);
}

function tokenRefusal(
  { error, description }: { error: string; description?: string },
  status: number,
  grant: 'exchange' | 'refresh',
  clientType: ClientType,
  sentSecret: boolean,
): ZohoError {
  if (grant === 'refresh' && (error === 'invalid_code' || error === 'invalid_client')) {
    return new ZohoError({
      kind: 'reconnect',
      errorCode: error,
      message: 'Zoho no longer accepts this connection (the refresh token was revoked or expired).',
      action: 'Open the options page and connect again.',
    });
  }
  if (grant === 'exchange' && error === 'invalid_client' && !sentSecret) {
    // A Server-based client refuses an exchange without its secret with this same error.
    return new ZohoError({
      kind: 'auth',
      status,
      errorCode: error,
      message: `Zoho refused the client without a secret: it is likely a ${typeLabel('server')} client (or the Client ID or data center is wrong).`,
      action: `Choose ${typeLabel('server')} and enter the client secret from Zoho's API console, or check the Client ID and that Multi-DC is enabled.`,
      suggestClientType: 'server',
    });
  }
  if (grant === 'exchange' && error === 'invalid_client_secret' && clientType === 'mobile') {
    return new ZohoError({
      kind: 'auth',
      status,
      errorCode: error,
      message: `Zoho rejected the client secret. A ${typeLabel('mobile')} client needs none.`,
      action: `Clear the client secret, or choose ${typeLabel('server')} and enter the right one.`,
    });
  }
  const messages: Record<string, string> = {
    invalid_code: 'The sign-in code from Zoho expired or was already used.',
    invalid_client:
      "Zoho does not recognise this client at the account's data center: check the Client ID, and that Multi-DC is enabled for the client in Zoho's API console.",
    invalid_client_secret: 'Zoho rejected the client secret.',
    invalid_redirect_uri: 'Zoho says the redirect URI is not registered for this client.',
  };
  return new ZohoError({
    kind: 'auth',
    status,
    errorCode: error,
    message: messages[error] ?? `Zoho refused the request: ${error}${description ? ` (${description})` : ''}.`,
    action: 'Check the settings and connect again.',
  });
}
