/**
 * Zoho Accounts' token endpoint (`/oauth/v2/token`) and revocation, as every client type's flow calls them:
 * form POSTs to a data center's accounts server (only ever one from the data-center table), and the replies read
 * into a token or a ZohoError that says what to change. Zoho answers errors with HTTP 200 as often as not: the body
 * decides.
 */
import { ZohoError } from '../platform/errors';
import { type MessageKey, t } from '../platform/i18n';
import { CLIENT_TYPE_INFO, type ClientType } from '../platform/zoho/client-types';
import type { DataCenter } from '../platform/zoho/datacenters';
import { type TokenSuccess, tokenError, tokenSuccess } from '../platform/zoho/schemas';

export const authError = (message: string, action = t('worker_auth_check_settings')) =>
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
        message: t('worker_token_unreachable', [new URL(url).host]),
        action: t('worker_action_check_internet'),
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
      message: t('worker_token_not_json', [String(res.status)]),
      action: t('worker_token_try_in_a_minute'),
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
        message: t('worker_token_throttled'),
        action: t('worker_token_throttled_action'),
      });
    }
    return { ok: false, error, ...(description ? { description } : {}) };
  }
  const success = tokenSuccess.safeParse(body);
  if (!res.ok || !success.success) {
    throw new ZohoError({
      kind: 'unexpected-response',
      status: res.status,
      message: t('worker_token_not_understood', [String(res.status)]),
      action: t('worker_token_not_understood_action'),
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
      message: t('worker_token_revoked'),
      action: t('worker_action_reconnect'),
    });
  }
  if (grant === 'exchange' && error === 'invalid_client' && !sentSecret) {
    // A Server-based client refuses an exchange without its secret with this same error.
    return new ZohoError({
      kind: 'auth',
      status,
      errorCode: error,
      message: t('worker_token_likely_server', [typeLabel('server')]),
      action: t('worker_token_likely_server_action', [typeLabel('server')]),
      suggestClientType: 'server',
    });
  }
  if (grant === 'exchange' && error === 'invalid_client_secret' && clientType === 'mobile') {
    return new ZohoError({
      kind: 'auth',
      status,
      errorCode: error,
      message: t('worker_token_mobile_secret', [typeLabel('mobile')]),
      action: t('worker_token_mobile_secret_action', [typeLabel('server')]),
    });
  }
  const messages: Record<string, MessageKey> = {
    invalid_code: 'worker_token_code_expired',
    invalid_client: 'worker_token_client_unknown',
    invalid_client_secret: 'worker_token_secret_rejected',
    invalid_redirect_uri: 'worker_token_redirect_not_registered',
  };
  const known = messages[error];
  return new ZohoError({
    kind: 'auth',
    status,
    errorCode: error,
    message: known
      ? t(known)
      : description
        ? t('worker_token_refused_described', [error, description])
        : t('worker_token_refused', [error]),
    action: t('worker_auth_check_settings'),
  });
}
