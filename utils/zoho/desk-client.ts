import type * as z from 'zod/mini';

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
  /** `X-Rate-Limit-Remaining-v3`, when Zoho sent it. */
  creditsRemaining?: number;
}

/** The one way to call the Zoho Desk API. Failures throw `ZohoError`. */
export interface DeskClient {
  request<S extends z.ZodMiniType>(req: DeskRequest<S>): Promise<DeskResponse<z.infer<S>>>;
}
