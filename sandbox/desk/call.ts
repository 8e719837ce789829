/**
 * What every Desk API endpoint is given and declares, and the pieces several resources share: reply shapes,
 * error replies, paging and record lookups.
 */
import type { Org, User } from '../data';
import { json, type Reply, type RequestContext, zohoError } from '../http';
import type { AccessTokenRecord, SandboxState } from '../state';
import { type Args, fieldError, type ParamRule, problemMessage, type ValueRule } from './params';

export interface DeskCall {
  ctx: RequestContext;
  state: SandboxState;
  token: AccessTokenRecord;
  /** Null only for /organizations. */
  org: Org | null;
  /** The query and path parameters, as the endpoint's rules read them (defaults filled in). */
  args: Args;
  /** The JSON body, checked against the endpoint's body rule; undefined for an endpoint that takes none. */
  body: unknown;
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
  /** Its query and path parameters as Zoho's newest spec declares them (anything else is refused). */
  params: ParamRule[];
  /** Its JSON body's rule, for endpoints that take one. */
  body?: ValueRule;
  /** A GET of a list: it costs 3 credits, a GET of one record 1. */
  list?: true;
  /** False for the one route in no spec file, whose rules are the sandbox's own. */
  published?: false;
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

/**
 * The answer to an ID that names no user, help center or contact of the organization (or another kind of
 * record): 404 URL_NOT_FOUND by default; by the `wrongKindStatus` switch, 403 FORBIDDEN or 422 INVALID_DATA
 * (Zoho's code for "invalid IDs", Common.json), which Zoho may answer instead (unconfirmed).
 */
export function noSuch(call: DeskCall, field: string): Reply {
  switch (call.state.config.wrongKindStatus) {
    case 403:
      return zohoError(403, 'FORBIDDEN', 'You are not authorized to access this resource.');
    case 422:
      return invalidData(field, problemMessage({ field, kind: 'invalid', detail: 'is invalid' }));
    default:
      return NOT_FOUND();
  }
}

/** 422 INVALID_DATA about one field, such as an ID that names nothing (Common.json invalidDataErrorResponse). */
export function invalidData(field: string, message: string): Reply {
  return fieldError(422, 'INVALID_DATA', { field, kind: 'invalid' }, message);
}

/** The `from`/`limit` page of a list (1-based `from`; no `limit` means the rest). */
export function pageOf<T>(call: DeskCall, items: T[]): T[] {
  const from = typeof call.args.from === 'number' ? call.args.from : 1;
  const limit = typeof call.args.limit === 'number' ? call.args.limit : undefined;
  return items.slice(from - 1, limit === undefined ? undefined : from - 1 + limit);
}

/** A text parameter's value (an ID, a key), if sent. */
export function textArg(call: DeskCall, name: string): string | undefined {
  const value = call.args[name];
  return typeof value === 'string' ? value : undefined;
}

/** The user the path names, in the call's organization. */
export function findUser(call: DeskCall): User | undefined {
  return call.state.data.users.find((u) => u.id === call.args.userId && u.orgId === call.org?.id);
}

export function orgHelpCenter(call: DeskCall, id: string | null | undefined) {
  return call.state.data.helpCenters.find((h) => h.id === id && h.orgId === call.org?.id);
}

export function orgHelpCenters(call: DeskCall) {
  return call.state.data.helpCenters.filter((h) => h.orgId === call.org?.id);
}

/** A MassActionError. */
export type ItemError = { errorCode: string; httpCode: number | string; errorMessage: string; error: string | null };

/** A per-item error as Zoho's MassActionError has it; `httpCode` a number or, by the switch, a string. */
export function itemError(state: SandboxState, errorCode: string, httpCode: number, errorMessage: string): ItemError {
  return {
    errorCode,
    httpCode: state.config.itemHttpCodeAsString ? String(httpCode) : httpCode,
    errorMessage,
    error: null,
  };
}

/** MassActionResponse: one result per requested ID, HTTP 200 even when items fail (docs/zoho.md §5.6). */
export function massAction(ids: string[], act: (id: string) => ItemError | null): Reply {
  const results = ids.map((id) => {
    const errors = act(id);
    return { success: errors === null, id, errors };
  });
  return json(200, { results });
}
