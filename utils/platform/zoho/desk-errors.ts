/** A Desk API failure, read from Zoho's reply: its kind, what happened, and what the admin can do. */
import { ZohoError, type ZohoErrorKind } from '../errors';
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
const CODE_TEXT: Record<string, { message: string; action: string }> = {
  LICENSE_ACCESS_LIMITED: {
    message: "Your Zoho Desk edition or license does not include this (Zoho's LICENSE_ACCESS_LIMITED).",
    action: 'Check that your edition includes the Help Center community, or connect with a fully licensed agent.',
  },
  ONLY_LIVECHAT_USER: {
    message: 'The connected Zoho account is a live-chat-only agent, which cannot use the Desk API.',
    action: 'Connect with an agent account that has a full Zoho Desk license.',
  },
  INTEGRATION_ADMIN_ERROR: {
    message: 'Zoho Desk refused this integration: it needs an administrator.',
    action: 'Connect with a Zoho Desk administrator account, or ask one to allow API access.',
  },
  EMPTY_PAYLOAD: {
    message: 'Zoho Desk received the request without its content (EMPTY_PAYLOAD).',
    action: 'Try again. If it repeats, please report it.',
  },
  FORBIDDEN: {
    message: 'Zoho Desk refused: your Zoho account may not do this (FORBIDDEN).',
    action: 'Ask a Zoho Desk administrator for the permission, or check the organization chosen in the options page.',
  },
};

const KIND_BY_STATUS: Record<number, ZohoErrorKind> = {
  400: 'invalid-request',
  401: 'reconnect',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  422: 'invalid-request',
};

const SUMMARIES: Record<ZohoErrorKind, string> = {
  'not-connected': 'The extension is not connected to Zoho Desk.',
  'choose-org': 'No Zoho Desk organization is chosen yet.',
  reconnect: 'Zoho Desk no longer accepts the connection.',
  scope: 'The Zoho connection lacks a permission this action needs.',
  'token-throttled': 'Zoho is refusing new access tokens for a while.',
  'rate-limited': 'Zoho Desk is limiting requests right now (too many at once).',
  forbidden: 'Zoho Desk refused: your Zoho account may not do this.',
  'not-found': 'Zoho Desk has no such address.',
  'method-not-allowed': 'Zoho Desk does not allow this action at that address.',
  'invalid-request': 'Zoho Desk refused the request as invalid.',
  'unexpected-response': 'Zoho Desk answered in a shape the extension does not understand.',
  network: 'No answer from Zoho Desk.',
  auth: 'The Zoho sign-in failed.',
  cancelled: 'The operation was cancelled.',
  server: 'Zoho Desk failed.',
};

const ACTIONS: Partial<Record<ZohoErrorKind, string>> = {
  scope: 'Reconnect in the options page to grant the permissions the extension needs.',
  forbidden: 'Ask a Zoho Desk administrator for the permission, or check the organization chosen in the options page.',
  reconnect: 'Open the options page and connect again.',
  'rate-limited': 'Wait a moment and try again.',
  server: 'Try again in a minute. If it keeps failing, run Check setup on the options page.',
  'invalid-request': 'Check the input and try again.',
};

export function unexpected(req: CalledAs, status: number, detail: string): ZohoError {
  return new ZohoError({
    kind: 'unexpected-response',
    status,
    message: `Zoho Desk answered ${req.method} ${req.path} in a shape the extension does not understand (${detail}). Nothing was assumed.`,
    action:
      'Try again. If it repeats, run Check setup on the options page: it shows what your Zoho Desk answers differently, and its report can be sent to us.',
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
  let message = known?.message ?? SUMMARIES[kind];
  if (creditsSpent({ errorCode, retryAfterSeconds })) {
    message =
      retryAfterSeconds === undefined
        ? "Zoho Desk's daily API credits for this organization are used up."
        : `Zoho Desk's daily API credits for this organization are used up (they renew in about ${Math.ceil(retryAfterSeconds / 3600)} h).`;
  } else if (kind === 'not-found') {
    message = `Zoho Desk has no ${req.method} ${req.path.replace(/\?.*$/, '')}.`;
  } else if (kind === 'server') {
    message = `Zoho Desk failed with HTTP ${res.status}${body === undefined ? ' and a non-JSON page' : ''}.`;
  }
  if (zohoMessage) message += ` Zoho said: "${zohoMessage}"${errorCode ? ` (${errorCode})` : ''}.`;
  else if (errorCode && !known) message += ` (${errorCode})`;
  const action = known?.action ?? ACTIONS[kind];
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
