/**
 * What every Desk API endpoint is given and declares, and the pieces several resources share: reply shapes,
 * error replies, paging and record lookups.
 */
import type { Org, User } from '../data';
import { type Reply, type RequestContext, zohoError } from '../http';
import type { AccessTokenRecord, SandboxState } from '../state';

export interface DeskCall {
  ctx: RequestContext;
  state: SandboxState;
  token: AccessTokenRecord;
  /** Null only for /organizations. */
  org: Org | null;
  /** Path parameters, by the names the endpoint's path gives them. */
  path: Record<string, string>;
  query: URLSearchParams;
}

export interface Endpoint {
  /** Zoho's operationId for it, as its spec files name it. */
  operationId: string;
  method: string;
  /** As Zoho's spec writes it: `/api/v1/users/{userId}/badges`. */
  path: string;
  /** The token needs at least one of these (any-of; `X.y.ALL` covers `X.y.READ` etc.). */
  scopes: string[];
  needsOrg: boolean;
  /** Config switch: false → the route does not exist (404); '405' → it answers 405. */
  availability?: (state: SandboxState) => boolean | '405';
  handle: (call: DeskCall) => Reply;
}

export const examples = (state: SandboxState) => state.config.replyShapes === 'examples';

/** A boolean as Zoho's schema has it, or as the string its examples show. */
export function bool(state: SandboxState, value: boolean): boolean | string {
  return examples(state) ? String(value) : value;
}

export const NOT_FOUND = (): Reply =>
  zohoError(404, 'URL_NOT_FOUND', 'The URL you have requested is either invalid or does not exist.');

export function unprocessable(field: string, message: string): Reply {
  return zohoError(422, 'UNPROCESSABLE_ENTITY', message, {
    errors: [{ fieldName: `/${field}`, errorType: 'invalid', errorMessage: message }],
  });
}

export function invalidData(message: string): Reply {
  return zohoError(422, 'INVALID_DATA', message);
}

export function range(query: URLSearchParams, maxLimit: number): { from: number; limit: number } | Reply {
  const fromRaw = query.get('from');
  const limitRaw = query.get('limit');
  const from = fromRaw === null ? 1 : Number(fromRaw);
  const limit = limitRaw === null ? 50 : Number(limitRaw);
  if (!Number.isInteger(from) || from < 1)
    return unprocessable('from', "The value passed for field 'from' must be 1 or more.");
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit)
    return unprocessable('limit', `The value passed for field 'limit' exceeds the range of '1-${maxLimit}'.`);
  return { from, limit };
}

export function page<T>(items: T[], r: { from: number; limit: number }): T[] {
  return items.slice(r.from - 1, r.from - 1 + r.limit);
}

/** The user the path names, in the call's organization. */
export function findUser(call: DeskCall): User | undefined {
  return call.state.data.users.find((u) => u.id === call.path.userId && u.orgId === call.org?.id);
}

export function orgHelpCenter(call: DeskCall, id: string | null | undefined) {
  return call.state.data.helpCenters.find((h) => h.id === id && h.orgId === call.org?.id);
}

export function orgHelpCenters(call: DeskCall) {
  return call.state.data.helpCenters.filter((h) => h.orgId === call.org?.id);
}

/** Ids from a query parameter that may be repeated and/or comma-separated. */
export function idList(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

type ItemError = { errorCode: string; httpCode: number | string; errorMessage: string; error: string | null };

/** One entry of a MassActionResponse's `results`. */
export interface ItemResult {
  success: boolean;
  id: string;
  errors: ItemError | null;
}

/** A per-item error as Zoho's MassActionError has it; `httpCode` a number or, by the switch, a string. */
export function itemError(state: SandboxState, errorCode: string, httpCode: number, errorMessage: string): ItemError {
  return {
    errorCode,
    httpCode: state.config.itemHttpCodeAsString ? String(httpCode) : httpCode,
    errorMessage,
    error: null,
  };
}
