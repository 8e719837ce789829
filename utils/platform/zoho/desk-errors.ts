/** A Desk API failure, read from Zoho's reply: its kind, what happened, and what the admin can do. */
import { ZohoError, type ZohoErrorKind } from '../errors';
import { formatHours, type MessageKey, t } from '../i18n';
import { zohoErrorBody } from './schemas';

/** A rate limit that asks for a longer wait than this means the day's credits ran out. */
/** The call a failure names. */
type CalledAs = { method: string; path: string };

export const MAX_RETRY_WAIT_SECONDS = 60;

const KIND_BY_CODE: Record<string, ZohoErrorKind> = {
  SCOPE_MISMATCH: 'scope',
  FORBIDDEN: 'forbidden',
  LICENSE_ACCESS_LIMITED: 'forbidden',
  OAUTH_ORG_MISMATCH: 'forbidden',
  URL_NOT_FOUND: 'not-found',
  METHOD_NOT_ALLOWED: 'method-not-allowed',
  INVALID_DATA: 'invalid-request',
  UNPROCESSABLE_ENTITY: 'invalid-request',
  UNAUTHORIZED: 'reconnect',
  INVALID_OAUTH: 'reconnect',
  THRESHOLD_EXCEEDED: 'rate-limited',
  ONLY_LIVECHAT_USER: 'forbidden',
  INTEGRATION_ADMIN_ERROR: 'forbidden',
  EMPTY_PAYLOAD: 'invalid-request',
};

/** Zoho's error codes (errors.json) that say more than their kind: what happened, and what the admin can do. */
const CODE_TEXT: Record<string, readonly [message: MessageKey, action: MessageKey]> = {
  LICENSE_ACCESS_LIMITED: ['worker_zoho_code_license_limited', 'worker_zoho_code_license_limited_action'],
  ONLY_LIVECHAT_USER: ['worker_zoho_code_livechat_only', 'worker_zoho_code_livechat_only_action'],
  INTEGRATION_ADMIN_ERROR: ['worker_zoho_code_integration_admin', 'worker_zoho_code_integration_admin_action'],
  EMPTY_PAYLOAD: ['worker_zoho_code_empty_payload', 'worker_zoho_code_empty_payload_action'],
  FORBIDDEN: ['worker_zoho_code_forbidden', 'worker_action_forbidden'],
};

const KIND_BY_STATUS: Record<number, ZohoErrorKind> = {
  400: 'invalid-request',
  401: 'reconnect',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  422: 'invalid-request',
};

const SUMMARIES: Record<ZohoErrorKind, MessageKey> = {
  'not-connected': 'worker_zoho_kind_not_connected',
  'choose-org': 'worker_zoho_kind_choose_org',
  reconnect: 'worker_zoho_kind_reconnect',
  scope: 'worker_zoho_kind_scope',
  'token-throttled': 'worker_zoho_kind_token_throttled',
  'rate-limited': 'worker_zoho_kind_rate_limited',
  forbidden: 'worker_zoho_kind_forbidden',
  'not-found': 'worker_zoho_kind_not_found',
  'method-not-allowed': 'worker_zoho_kind_method_not_allowed',
  'invalid-request': 'worker_zoho_kind_invalid_request',
  'unexpected-response': 'worker_zoho_kind_unexpected_response',
  network: 'worker_zoho_kind_network',
  auth: 'worker_zoho_kind_auth',
  cancelled: 'worker_error_cancelled',
  server: 'worker_zoho_kind_server',
};

const ACTIONS: Partial<Record<ZohoErrorKind, MessageKey>> = {
  scope: 'worker_action_scope',
  forbidden: 'worker_action_forbidden',
  reconnect: 'worker_action_reconnect',
  'rate-limited': 'worker_action_wait',
  server: 'worker_action_server',
  'invalid-request': 'worker_action_check_input',
};

export function unexpected(req: CalledAs, status: number, detail: string): ZohoError {
  return new ZohoError({
    kind: 'unexpected-response',
    status,
    message: t('worker_zoho_unexpected', [`${req.method} ${req.path}`, detail]),
    action: t('worker_zoho_unexpected_action'),
  });
}

export function toError(req: CalledAs, res: Response, text: string): ZohoError {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const zoho = zohoErrorBody.safeParse(body);
  const retryAfter = Number(res.headers.get('Retry-After'));
  const retryAfterSeconds =
    Number.isFinite(retryAfter) && retryAfter >= 0 && res.headers.has('Retry-After') ? retryAfter : undefined;
  const errorCode = zoho.success ? zoho.data.errorCode : undefined;
  const zohoMessage = zoho.success ? (zoho.data.message ?? undefined) : undefined;

  let kind: ZohoErrorKind;
  // Zoho's two rate-limit codes, whatever the status: too many at once, and the day's credits spent.
  if (res.status === 429 || errorCode === 'THRESHOLD_EXCEEDED' || errorCode === 'TOO_MANY_REQUESTS')
    kind = 'rate-limited';
  else if (errorCode && KIND_BY_CODE[errorCode]) kind = KIND_BY_CODE[errorCode]!;
  else kind = KIND_BY_STATUS[res.status] ?? 'server';

  const known = errorCode ? CODE_TEXT[errorCode] : undefined;
  let message = t(known?.[0] ?? SUMMARIES[kind]);
  if (creditsSpent({ errorCode, retryAfterSeconds })) {
    message =
      retryAfterSeconds === undefined
        ? t('worker_zoho_credits_spent')
        : t('worker_zoho_credits_spent_renew', [formatHours(Math.ceil(retryAfterSeconds / 3600))]);
  } else if (kind === 'not-found') {
    message = t('worker_zoho_no_such_call', [`${req.method} ${req.path.replace(/\?.*$/, '')}`]);
  } else if (kind === 'server') {
    const status = String(res.status);
    message = t(body === undefined ? 'worker_zoho_server_status_not_json' : 'worker_zoho_server_status', [status]);
  }
  if (zohoMessage)
    message += ` ${errorCode ? t('worker_zoho_said_code', [zohoMessage, errorCode]) : t('worker_zoho_said', [zohoMessage])}`;
  else if (errorCode && !known) message += ` (${errorCode})`;
  const actionKey = known?.[1] ?? ACTIONS[kind];
  const action = actionKey ? t(actionKey) : undefined;
  return new ZohoError({
    kind,
    status: res.status,
    message,
    ...(errorCode ? { errorCode } : {}),
    ...(zohoMessage ? { zohoMessage } : {}),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    ...(action ? { action } : {}),
  });
}

/**
 * The organization's credits for the day are spent: THRESHOLD_EXCEEDED, or any rate limit that asks for a wait
 * longer than a retry is worth. A bulk run pauses until `retryAfterSeconds` has passed.
 */
export function creditsSpent(error: { errorCode?: string; retryAfterSeconds?: number }): boolean {
  if (error.retryAfterSeconds !== undefined) return error.retryAfterSeconds > MAX_RETRY_WAIT_SECONDS;
  return error.errorCode === 'THRESHOLD_EXCEEDED';
}
