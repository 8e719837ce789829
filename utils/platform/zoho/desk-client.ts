import type * as z from 'zod/mini';
import { ZohoError } from '../errors';
import { t } from '../i18n';
import { sleep as defaultSleep } from '../sleep';
import { creditsSpent, toError, unexpected } from './desk-errors';
import { createLimiter } from './limiter';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;

export interface DeskRequest<S extends z.ZodMiniType> {
  method: HttpMethod;
  /** Path under the Desk host (built by ./desk-api.ts, the one place that names Desk paths). */
  path: string;
  /** The spec's operation (null for a route in none of Zoho's files): it keys what is learned per call. */
  operationId?: string | null;
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
  /** The page size sent, when it differs from the one asked (Zoho refused that one). */
  limit?: number;
}

/** The one way to call the Zoho Desk API. Failures throw `ZohoError`. */
export interface DeskClient {
  request<S extends z.ZodMiniType>(req: DeskRequest<S>): Promise<DeskResponse<z.infer<S>>>;
}

/**
 * The calls in flight the client allows below the configured limit, lowered each time Zoho answers TOO_MANY_REQUESTS
 * (too many at once for the organization). A bulk run keeps it for the rest of the run.
 */
export interface ConcurrencyCeiling {
  ceiling(): number | undefined;
  /** Undefined lifts it. */
  setCeiling(ceiling: number | undefined): void;
}

/** Page sizes that worked where Zoho refused a larger one, per organization and operation (kept across restarts). */
export interface PageSizeMemory {
  get(key: string): Promise<number | undefined>;
  set(key: string, size: number): Promise<void>;
}

export function memoryPageSizes(): PageSizeMemory {
  const sizes = new Map<string, number>();
  return { get: async (key) => sizes.get(key), set: async (key, size) => void sizes.set(key, size) };
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
  pageSizes?: PageSizeMemory;
  /** In [0, 1): the jitter of a back-off (injected in tests). */
  random?: () => number;
}

/** Rate-limited calls are tried this many times in all; a wait longer than the cap means daily credits ran out. */
const MAX_ATTEMPTS = 3;
/** TOO_MANY_REQUESTS carries no Retry-After: the first back-off, doubled at each try, with ±50% jitter. */
const TOO_MANY_BACKOFF_MS = 1000;

export function createDeskClient(deps: DeskClientDeps): DeskClient & ConcurrencyCeiling {
  const max = deps.maxConcurrent ?? 5;
  const configured = typeof max === 'function' ? max : () => max;
  let ceiling: number | undefined;
  /** Bumped at each lowering: refusals of calls sent under an older ceiling do not lower it again. */
  let generation = 0;
  const limiter = createLimiter(() => Math.min(configured(), ceiling ?? Number.POSITIVE_INFINITY));
  const sleep = deps.sleep ?? defaultSleep;
  const random = deps.random ?? Math.random;
  const pageSizes = deps.pageSizes ?? memoryPageSizes();

  const orgIdOf = async (req: DeskRequest<z.ZodMiniType>) => {
    if (req.orgId === null) return null;
    const orgId = req.orgId ?? (await deps.orgId());
    if (!orgId) {
      throw new ZohoError({
        kind: 'choose-org',
        message: t('worker_zoho_kind_choose_org'),
        action: t('worker_action_choose_org'),
      });
    }
    return orgId;
  };

  const send = async (req: DeskRequest<z.ZodMiniType>, token: string, orgId: string | null): Promise<Response> => {
    const url = new URL(req.path, await deps.deskHost());
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value === undefined) continue;
      url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
    }
    const headers: Record<string, string> = { Authorization: `Zoho-oauthtoken ${token}` };
    if (orgId !== null) headers.orgId = orgId;
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
          message: t('worker_zoho_network', [url.host]),
          action: t('worker_action_check_internet'),
        },
        { cause },
      );
    }
  };

  /**
   * Zoho answered too many at once: allow one call fewer than were in flight, once per ceiling. A call refused while
   * alone says nothing of how many of ours fit: others hold the slots (another integration, or calls of the worker's
   * earlier life still landing), and its backoff is the answer; a ceiling of one would hold a bulk run to one call
   * at a time for the rest of it.
   */
  const lowerCeiling = (sentAt: number) => {
    if (sentAt !== generation) return;
    // The refused call has left the limiter; it was in flight with the others.
    const wereInFlight = limiter.active() + 1;
    if (wereInFlight < 2) return;
    ceiling = Math.max(1, Math.min(ceiling ?? wereInFlight, wereInFlight) - 1);
    generation++;
  };

  return {
    ceiling: () => ceiling,
    setCeiling(next) {
      ceiling = next;
      generation++;
    },
    async request(asked) {
      const orgId = await orgIdOf(asked);
      const sizeKey = pageSizeKey(asked, orgId);
      let req = asked;
      const learned = sizeKey ? await pageSizes.get(sizeKey) : undefined;
      if (learned !== undefined && learned < limitOf(asked)!) req = withLimit(asked, learned);
      let refreshed = false;
      let shrunk = false;
      for (let attempt = 1; ; attempt++) {
        const token = await deps.auth.getAccessToken();
        const sentAt = generation;
        const res = await send(req, token, orgId);
        const text = await res.text();
        if (res.ok) {
          const reply = parseSuccess(req, res, text);
          const limit = limitOf(req);
          if (shrunk && sizeKey && limit !== undefined) await pageSizes.set(sizeKey, limit);
          return limit !== limitOf(asked) ? { ...reply, limit } : reply;
        }

        const error = toError(req, res, text);
        if (error.errorCode === 'INVALID_OAUTH' && !refreshed) {
          // The token lapsed early (revoked, clock skew): one refresh, one retry.
          refreshed = true;
          await deps.auth.invalidateAccessToken(token);
          continue;
        }
        const smaller = sizeKey && !shrunk ? smallerPage(error, limitOf(req)!) : undefined;
        if (smaller !== undefined) {
          // Zoho's cap changed between spec versions once: one try with the size it names (or half), learned.
          shrunk = true;
          req = withLimit(req, smaller);
          continue;
        }
        if (error.kind === 'rate-limited' && attempt < MAX_ATTEMPTS && !creditsSpent(error)) {
          const tooMany = error.errorCode === 'TOO_MANY_REQUESTS' || error.retryAfterSeconds === undefined;
          if (tooMany) lowerCeiling(sentAt);
          await sleep(
            error.retryAfterSeconds !== undefined
              ? error.retryAfterSeconds * 1000
              : TOO_MANY_BACKOFF_MS * 2 ** (attempt - 1) * (0.5 + random()),
          );
          continue;
        }
        throw error;
      }
    },
  };
}

/** Where a learned page size is kept: one per organization and operation, for requests that page. */
function pageSizeKey(req: DeskRequest<z.ZodMiniType>, orgId: string | null): string | undefined {
  if (limitOf(req) === undefined || !req.operationId) return undefined;
  return `${orgId ?? '-'}:${req.operationId}`;
}

function limitOf(req: DeskRequest<z.ZodMiniType>): number | undefined {
  const limit = req.query?.limit;
  return typeof limit === 'number' ? limit : undefined;
}

function withLimit<S extends z.ZodMiniType>(req: DeskRequest<S>, limit: number): DeskRequest<S> {
  return { ...req, query: { ...req.query, limit } };
}

/**
 * A 422 whose words name the `limit` field: the size Zoho's range allows ("exceeds the range of '1-50'"), else half.
 * Undefined when the refusal is about something else, or the page is one already.
 */
function smallerPage(error: ZohoError, limit: number): number | undefined {
  if (error.status !== 422 || !/\blimit\b/i.test(error.zohoMessage ?? '') || limit <= 1) return undefined;
  const range = /range of '?(\d+)\s*-\s*(\d+)/.exec(error.zohoMessage ?? '');
  const max = range ? Number(range[2]) : Number.NaN;
  return max >= 1 && max < limit ? max : Math.max(1, Math.floor(limit / 2));
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
      throw unexpected(req, res.status, t('worker_zoho_detail_not_json'));
    }
  }
  const parsed = req.schema.safeParse(body);
  if (!parsed.success)
    throw unexpected(req, res.status, parsed.error.issues[0]?.message ?? t('worker_zoho_detail_unexpected_shape'));
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

/** What one reply said of the day's credits, and when its call left and its reply came (the run's clock). */
export interface CreditCount {
  remaining: number;
  weight?: number;
  sentAt: number;
  at: number;
}

/** The same client, telling `onCredits` what each successful call's reply says of the day's credits. */
export function observeCredits(
  client: DeskClient,
  onCredits: (count: CreditCount) => void,
  now: () => number,
): DeskClient {
  return {
    async request(req) {
      const sentAt = now();
      const res = await client.request(req);
      if (res.creditsRemaining !== undefined)
        onCredits({
          remaining: res.creditsRemaining,
          ...(res.creditWeight !== undefined ? { weight: res.creditWeight } : {}),
          sentAt,
          at: now(),
        });
      return res;
    },
  };
}
