import type * as z from 'zod/mini';
import { ZohoError, type ZohoErrorKind } from '../errors';
import { sleep as defaultSleep } from '../sleep';
import { createLimiter } from './limiter';
import { zohoErrorBody } from './schemas';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;

export interface DeskRequest<S extends z.ZodMiniType> {
  method: HttpMethod;
  /** Path under the Desk host, starting with `/api/v1/`. */
  path: string;
  /** Arrays are sent comma-separated, as Zoho expects (`badgeIds=1,2`). */
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  /** Every reply is parsed with this; an empty body (204) is parsed as `null`. */
  schema: S;
  /** `null` for the one call that takes no orgId (`/organizations`); default: the chosen org. */
  orgId?: string | null;
  signal?: AbortSignal;
}

export interface DeskResponse<T> {
  status: number;
  data: T;
  /** `X-Rate-Limit-Remaining-v3`, when Zoho sent it: the organization's credits left today. */
  creditsRemaining?: number;
  /** `X-Rate-Limit-Request-Weight-v3`, when Zoho sent it: what this call cost. */
  creditWeight?: number;
}

/** The one way to call the Zoho Desk API. Failures throw `ZohoError`. */
export interface DeskClient {
  request<S extends z.ZodMiniType>(req: DeskRequest<S>): Promise<DeskResponse<z.infer<S>>>;
}

// ---- The implementation ----

export interface DeskClientDeps {
  fetch: typeof fetch;
  auth: { getAccessToken(): Promise<string>; invalidateAccessToken(token: string): Promise<void> };
  /** The Desk API origin of the connected data center, from the data-center table. */
  deskHost: () => Promise<string>;
  /** The chosen organization. */
  orgId: () => Promise<string | undefined>;
  sleep?: (ms: number) => Promise<void>;
  /** Calls in flight at once (read at each call); Zoho's per-org limit is 5 on Free editions. */
  maxConcurrent?: number | (() => number);
}

/** 429s are retried this many times in all; a wait longer than the cap means daily credits ran out. */
const MAX_ATTEMPTS = 3;
const MAX_RETRY_WAIT_SECONDS = 60;

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

export function createDeskClient(deps: DeskClientDeps): DeskClient {
  const limiter = createLimiter(deps.maxConcurrent ?? 5);
  const sleep = deps.sleep ?? defaultSleep;

  const send = async (req: DeskRequest<z.ZodMiniType>, token: string): Promise<Response> => {
    const url = new URL(req.path, await deps.deskHost());
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value === undefined) continue;
      url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
    }
    const headers: Record<string, string> = { Authorization: `Zoho-oauthtoken ${token}` };
    if (req.orgId !== null) {
      const orgId = req.orgId ?? (await deps.orgId());
      if (!orgId) {
        throw new ZohoError({
          kind: 'choose-org',
          message: 'No Zoho Desk organization is chosen yet.',
          action: 'Open the options page and choose the organization.',
        });
      }
      headers.orgId = orgId;
    }
    if (req.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await limiter.run(() =>
        deps.fetch(url, {
          method: req.method,
          headers,
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
          signal: req.signal,
        }),
      );
    } catch (cause) {
      if (req.signal?.aborted) throw cause;
      throw new ZohoError(
        {
          kind: 'network',
          message: `No answer from Zoho Desk (${url.host}): the connection failed or dropped.`,
          action: 'Check your internet connection and try again.',
        },
        { cause },
      );
    }
  };

  return {
    async request(req) {
      let refreshed = false;
      for (let attempt = 1; ; attempt++) {
        const token = await deps.auth.getAccessToken();
        const res = await send(req, token);
        const text = await res.text();
        if (res.ok) return parseSuccess(req, res, text);

        const error = toError(req, res, text);
        if (error.errorCode === 'INVALID_OAUTH' && !refreshed) {
          // The token lapsed early (revoked, clock skew): one refresh, one retry.
          refreshed = true;
          await deps.auth.invalidateAccessToken(token);
          continue;
        }
        if (error.kind === 'rate-limited' && attempt < MAX_ATTEMPTS) {
          const wait = error.retryAfterSeconds ?? 1;
          if (wait <= MAX_RETRY_WAIT_SECONDS) {
            await sleep(wait * 1000);
            continue;
          }
        }
        throw error;
      }
    },
  };
}

function parseSuccess<S extends z.ZodMiniType>(
  req: DeskRequest<S>,
  res: Response,
  text: string,
): DeskResponse<z.infer<S>> {
  let body: unknown = null;
  if (text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      throw unexpected(req, res.status, 'the reply is not JSON');
    }
  }
  const parsed = req.schema.safeParse(body);
  if (!parsed.success) throw unexpected(req, res.status, parsed.error.issues[0]?.message ?? 'unexpected shape');
  const credits = headerNumber(res, 'X-Rate-Limit-Remaining-v3');
  const weight = headerNumber(res, 'X-Rate-Limit-Request-Weight-v3');
  return {
    status: res.status,
    data: parsed.data as z.infer<S>,
    ...(credits !== undefined ? { creditsRemaining: credits } : {}),
    ...(weight !== undefined ? { creditWeight: weight } : {}),
  };
}

function headerNumber(res: Response, name: string): number | undefined {
  const text = res.headers.get(name);
  const value = text === null || !text.trim() ? Number.NaN : Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** The same client, telling `onCredits` what each successful call's reply says of the day's credits. */
export function observeCredits(
  client: DeskClient,
  onCredits: (remaining: number, weight: number | undefined) => void,
): DeskClient {
  return {
    async request(req) {
      const res = await client.request(req);
      if (res.creditsRemaining !== undefined) onCredits(res.creditsRemaining, res.creditWeight);
      return res;
    },
  };
}

function unexpected(req: DeskRequest<z.ZodMiniType>, status: number, detail: string): ZohoError {
  return new ZohoError({
    kind: 'unexpected-response',
    status,
    message: `Zoho Desk answered ${req.method} ${req.path} in a shape the extension does not understand (${detail}). Nothing was assumed.`,
    action:
      'Try again. If it repeats, run Check setup on the options page: it shows what your Zoho Desk answers differently, and its report can be sent to us.',
  });
}

function toError(req: DeskRequest<z.ZodMiniType>, res: Response, text: string): ZohoError {
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
  // THRESHOLD_EXCEEDED is Zoho's rate-limit code, whatever the status: waited for and retried like a 429.
  if (res.status === 429 || errorCode === 'THRESHOLD_EXCEEDED') kind = 'rate-limited';
  else if (errorCode && KIND_BY_CODE[errorCode]) kind = KIND_BY_CODE[errorCode]!;
  else kind = KIND_BY_STATUS[res.status] ?? 'server';

  const known = errorCode ? CODE_TEXT[errorCode] : undefined;
  let message = known?.message ?? SUMMARIES[kind];
  if (kind === 'rate-limited' && retryAfterSeconds !== undefined && retryAfterSeconds > MAX_RETRY_WAIT_SECONDS) {
    message = `Zoho Desk's daily API credits for this organization are used up (they renew in about ${Math.ceil(retryAfterSeconds / 3600)} h).`;
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
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    ...(action ? { action } : {}),
  });
}
