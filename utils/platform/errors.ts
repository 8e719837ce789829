/**
 * Every failure an admin can meet, as one typed error. `message` says what happened,
 * `action` what to do about it. Crosses the message boundary as `SerializedError`.
 */

import { t } from './i18n';
import type { ClientType } from './zoho/client-types';

/** Every failure kind, as data, so a message schema can check one. */
export const ZOHO_ERROR_KINDS = [
  /** No connection to Zoho yet. */
  'not-connected',
  /** Connected, but not to the organization the work needs: none chosen yet, or another one. */
  'choose-org',
  /** The refresh token was rejected or revoked, or the Zoho session ended: connect again. */
  'reconnect',
  /** The token lacks a scope the call needs (SCOPE_MISMATCH). */
  'scope',
  /** Zoho Accounts' "Access Denied, too many requests" token throttle. */
  'token-throttled',
  /** Desk API 429: too many calls at once (TOO_MANY_REQUESTS), or the day's credits spent (THRESHOLD_EXCEEDED). */
  'rate-limited',
  /** The user lacks a permission (FORBIDDEN, LICENSE_ACCESS_LIMITED, OAUTH_ORG_MISMATCH). */
  'forbidden',
  /** URL_NOT_FOUND or a missing record. */
  'not-found',
  /** METHOD_NOT_ALLOWED. */
  'method-not-allowed',
  /** The request was refused as invalid (400/422, INVALID_DATA, UNPROCESSABLE_ENTITY). */
  'invalid-request',
  /** Zoho answered with a shape we do not understand. */
  'unexpected-response',
  /** No answer: offline, DNS, TLS, dropped connection. The call may or may not have taken effect. */
  'network',
  /** The OAuth flow failed: denied, state mismatch, unknown accounts server, token exchange error. */
  'auth',
  /** The admin cancelled. */
  'cancelled',
  /** Zoho 5xx or anything else. */
  'server',
] as const;
export type ZohoErrorKind = (typeof ZOHO_ERROR_KINDS)[number];

const CONNECTION_ENDED: readonly string[] = [
  'not-connected',
  'choose-org',
  'reconnect',
  'scope',
] satisfies ZohoErrorKind[];

/** The connection cannot make this call until the admin acts (connect, choose the organization, reconnect). */
export function connectionEnded(kind: string | undefined): boolean {
  return kind !== undefined && CONNECTION_ENDED.includes(kind);
}

export interface SerializedError {
  kind: ZohoErrorKind;
  message: string;
  action?: string;
  status?: number;
  errorCode?: string;
  /** Zoho's own words (its `message`), verbatim, when it gave any. */
  zohoMessage?: string;
  retryAfterSeconds?: number;
  /** A connect that failed because of the Zoho client type: the type that would likely work. */
  suggestClientType?: ClientType;
}

/** What a failure may say beyond its kind and message, in the order it is written out. */
const DETAILS = ['action', 'status', 'errorCode', 'zohoMessage', 'retryAfterSeconds', 'suggestClientType'] as const;

const detailsOf = (from: Partial<SerializedError>): Partial<SerializedError> =>
  Object.fromEntries(DETAILS.filter((key) => from[key] !== undefined).map((key) => [key, from[key]]));

/** A failure an admin can meet, as the pages show it; its source is told by its class. */
abstract class Failure extends Error {
  readonly kind: ZohoErrorKind;
  // Set from DETAILS in the constructor, and only those given.
  declare readonly action?: string;
  declare readonly status?: number;
  declare readonly errorCode?: string;
  declare readonly zohoMessage?: string;
  declare readonly retryAfterSeconds?: number;
  declare readonly suggestClientType?: ClientType;

  constructor(init: SerializedError, options?: { cause?: unknown }) {
    super(init.message, options);
    this.kind = init.kind;
    Object.assign(this, detailsOf(init));
  }

  toJSON(): SerializedError {
    return { kind: this.kind, message: this.message, ...detailsOf(this) };
  }
}

/** Zoho's failure, or the connection's: a call refused or unanswered, a token rejected, no organization chosen. */
export class ZohoError extends Failure {
  override readonly name = 'ZohoError';
}

/** The extension's own failure: its service worker did not answer, or a window it opens did not open. */
export class ExtensionError extends Failure {
  override readonly name = 'ExtensionError';
}

/** Any thrown value as a SerializedError, without leaking stack traces or tokens. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof Failure) return error.toJSON();
  if (error instanceof DOMException && error.name === 'AbortError') {
    return { kind: 'cancelled', message: t('worker_error_cancelled') };
  }
  return {
    kind: 'server',
    message: t('worker_error_internal'),
    action: t('worker_error_internal_action'),
  };
}

/**
 * `GET /helpCenters` may be missing (404, 405) or closed to the account (403). Then the typed help center ID
 * stands in everywhere, and nothing that only wanted a help center's name fails.
 */
export function helpCenterListUnavailable(error: unknown): boolean {
  const kind = (error as Partial<SerializedError> | null)?.kind;
  return kind === 'not-found' || kind === 'forbidden' || kind === 'method-not-allowed';
}
