/**
 * The sandbox's whole live state: data, behaviour switches, OAuth records, faults, the request log
 * and counters. One object, so in-process tests can look at it and the control API can reset it.
 */
import { createHash } from 'node:crypto';
import { cloneData, type Dataset, demoData, emptyData } from './data';

export const SANDBOX_CLIENT_ID = '1000.SANDBOXCLIENT0000000000000000';
/** The extension's pinned id gives this redirect URI in Chromium (wxt.config.ts `key`). */
export const EXTENSION_REDIRECT_URI = 'https://cjheecimhjkgjkobijngojplcehhnajo.chromiumapp.org/';
/** Firefox's add-on id (wxt.config.ts `GECKO_ID`) gives this one: the id's SHA-1 in hex, under allizom.org. */
export const FIREFOX_GECKO_ID = 'badge-remover-for-zoho-desk@badgeremover.app';
const FIREFOX_HASH = createHash('sha1').update(FIREFOX_GECKO_ID).digest('hex');
export const FIREFOX_REDIRECT_URI = `https://${FIREFOX_HASH}.extensions.allizom.org/`;
/** Firefox 86+ also takes this loopback address as the redirect (the first label of the one above); it catches it. */
export const FIREFOX_LOOPBACK_REDIRECT_URI = `http://127.0.0.1/mozoauth2/${FIREFOX_HASH}`;

/**
 * The demo's Self Client: created in the US console and enabled for Europe too (Zoho's Multi-DC), so a code from
 * either data center's console works at that data center's accounts server.
 */
export const SANDBOX_SELF_CLIENT = {
  clientId: '1000.SANDBOXSELFCLIENT000000000000',
  clientSecret: '5a3b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c',
  locations: ['us', 'eu'],
} as const;

/**
 * Zoho's client types an extension can use: 'mobile' (Mobile-based: authorization code with PKCE, the
 * secret optional), 'server' (Server-based: code with the secret, PKCE accepted), 'client' (Client-based,
 * JavaScript: the implicit flow only, no refresh token), 'self' (Self Client: no redirect at all; its codes are
 * generated in the API console and exchanged with the secret).
 */
export const CLIENT_TYPES = ['mobile', 'server', 'client', 'self'] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];

export interface ClientConfig {
  clientId: string;
  clientSecret?: string;
  type: ClientType;
  /** A Self Client has none. */
  redirectUris: string[];
  /** Shown on the consent page. */
  name?: string;
  /**
   * The data centers the client is registered in (Zoho's Multi-DC); absent: every one. Elsewhere its accounts
   * server does not know it (`invalid_client`).
   */
  locations?: string[];
}

export interface SandboxConfig {
  routes: {
    /** The Help Center DELETE route: present, absent (404 URL_NOT_FOUND) or '405' (METHOD_NOT_ALLOWED). */
    helpCenterDelete: boolean | '405';
    /** `POST /users/{id}/badges/dissociate`: absent → 404 URL_NOT_FOUND. */
    dissociate: boolean;
    /** `GET /helpCenters`: absent → 404 URL_NOT_FOUND. */
    helpCenters: boolean;
    /** `GET /contacts/{id}/helpCenters`: present, absent (404 URL_NOT_FOUND) or '405' (METHOD_NOT_ALLOWED). */
    contactHelpCenters: boolean | '405';
  };
  /** The DC of the consenting account: codes and tokens belong to it, whichever accounts host was used. */
  accountLocation: string;
  consent: 'page' | 'auto-accept';
  accessTokenLifetimeSeconds: number;
  /** Simultaneous Desk API calls per org. */
  concurrencyLimit: number;
  dailyCredits: number;
  /** Added to every Desk API call (counts as in flight). */
  latencyMs: number;
  /** HTTP status of the refresh throttle ("Access Denied"); Zoho has been seen sending both. */
  throttleStatus: 200 | 400;
  clients: ClientConfig[];
  /** When set, tokens get exactly these scopes instead of the ones consented to. */
  grantedScopes: string[] | null;
  /** How many orgs (from the dataset's start) the account belongs to. */
  orgs: number;
  /**
   * Where Zoho's spec and its own examples disagree, which to serve: 'schema' (the default: a user's
   * badges as `{data:[...]}`, booleans as booleans, `photoUrl`/`userType`) or 'examples' (a bare badge
   * array, booleans as "true"/"false", `photoURL`/`type`, badges with `levelName`).
   */
  replyShapes: ReplyShapes;
  /** Badge ids whose associate/dissociate/DELETE items fail with FORBIDDEN 403. */
  forbiddenBadgeIds: string[];
  /** A faulty removal route: dissociate or DELETE takes every badge the user holds, not only those sent. */
  removalTakesAll: boolean;
  /**
   * What an ID of the wrong kind (no such user, help center or contact in the org) gets: 404 URL_NOT_FOUND,
   * 403 FORBIDDEN or 422 INVALID_DATA. Zoho may answer any of them (unconfirmed).
   */
  wrongKindStatus: WrongKindStatus;
  /** Per-item errors carry `httpCode` as a string ("422") instead of a number; Zoho's spec allows both. */
  itemHttpCodeAsString: boolean;
  /**
   * The Desk web app's markup: 'plain' (main, h1), 'generated' (no main, no heading, the name in a span in
   * nested divs with generated class names, drawn late) or 'bare' (nothing that names the user: no anchor).
   * A page's `?skin=` overrides it.
   */
  webSkin: WebSkin;
}

export const REPLY_SHAPES = ['schema', 'examples'] as const;
export type ReplyShapes = (typeof REPLY_SHAPES)[number];

export const WRONG_KIND_STATUSES = [404, 403, 422] as const;
export type WrongKindStatus = (typeof WRONG_KIND_STATUSES)[number];

export const WEB_SKINS = ['plain', 'generated', 'bare'] as const;
export type WebSkin = (typeof WEB_SKINS)[number];

export function defaultConfig(): SandboxConfig {
  return {
    // The Help Center DELETE is in none of Zoho's spec files: served only when a test or the demo asks.
    routes: { helpCenterDelete: false, dissociate: true, helpCenters: true, contactHelpCenters: true },
    accountLocation: 'us',
    consent: 'page',
    accessTokenLifetimeSeconds: 3600,
    concurrencyLimit: 10,
    dailyCredits: 75_000,
    latencyMs: 0,
    throttleStatus: 400,
    clients: [
      {
        clientId: SANDBOX_CLIENT_ID,
        type: 'mobile',
        // Both browsers' redirect URIs, as an admin registers them for one client.
        redirectUris: [EXTENSION_REDIRECT_URI, FIREFOX_REDIRECT_URI],
        name: 'Badge Remover for Zoho Desk',
      },
      { ...SANDBOX_SELF_CLIENT, type: 'self', redirectUris: [], locations: [...SANDBOX_SELF_CLIENT.locations] },
    ],
    grantedScopes: null,
    orgs: 1,
    replyShapes: 'schema',
    forbiddenBadgeIds: [],
    itemHttpCodeAsString: false,
    removalTakesAll: false,
    wrongKindStatus: 404,
    webSkin: 'plain',
  };
}

export interface CodeRecord {
  code: string;
  clientId: string;
  /** '' for a Self Client's code: generated in the console, exchanged without a redirect URI. */
  redirectUri: string;
  scopes: string[];
  location: string;
  challenge: string | null;
  challengeMethod: 'S256' | 'plain' | null;
  accessType: 'online' | 'offline';
  prompt: string | null;
  issuedAt: number;
  /** Two minutes for a code from a redirect; what the admin chose (3 to 10 minutes) for a Self Client's. */
  lifetimeMs: number;
  used: boolean;
}

export interface RefreshTokenRecord {
  token: string;
  clientId: string;
  location: string;
  scopes: string[];
  createdAt: number;
  revoked: boolean;
  accessTokensMinted: number;
  /** When each refresh grant minted a token: the throttle's sliding window. */
  mintTimes: number[];
}

export interface AccessTokenRecord {
  token: string;
  refreshToken: string | null;
  clientId: string;
  location: string;
  scopes: string[];
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

export interface Fault {
  method?: string;
  /** A RegExp source matched against the path (no query). */
  path: string;
  host?: string;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  latencyMs?: number;
  drop?: 'before' | 'after';
  /** How many more requests it applies to; unlimited when absent. */
  times?: number;
}

export interface FaultRecord extends Fault {
  id: number;
  hits: number;
}

export type Face = 'accounts' | 'console' | 'desk-api' | 'desk-web' | 'control' | 'stray';

export interface LogEntry {
  seq: number;
  time: string;
  host: string;
  face: Face;
  method: string;
  path: string;
  /** Query parameters with secrets (tokens, codes, verifiers) replaced by "[redacted]". */
  query: Record<string, string>;
  /** 0 when the connection was dropped without a reply. */
  status: number;
  dropped?: 'before' | 'after';
  faultId?: number;
  orgId?: string;
  hasAuth: boolean;
  grantType?: string;
  concurrent?: number; // Desk API: the org's calls in flight once this one took its slot, itself included.
}

export interface SandboxStats {
  maxConcurrentSeen: number;
  creditsUsed: number;
  /** The UTC day (YYYY-MM-DD) creditsUsed counts for. */
  creditsDay: string;
  codeGrants: number;
  refreshGrants: number;
  /** Tokens issued by the implicit flow (Client-based), interactive and by /oauth/v2/auth/refresh. */
  implicitGrants: number;
  sessionRenewals: number;
  throttledRefreshes: number;
  rateLimited: number;
}

export type Seed = 'demo' | 'empty';

/**
 * The admin's Zoho sign-in, for Client-based (JavaScript) clients: while signed in, a client the admin gave
 * "access for the entire session" gets new tokens from /oauth/v2/auth/refresh without a prompt.
 */
export interface ZohoSession {
  signedIn: boolean;
  /** Client ID → the scopes and data center of its session-wide grant. */
  grants: Map<string, { scopes: string[]; location: string }>;
}

export interface SandboxStateOptions {
  seed?: Seed;
  /** The clock everything time-based reads (code and token expiry, throttle window, credit day). */
  now?: () => number;
}

/** A short, stable id for a secret, so the state and log can name tokens without exposing them. */
export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 12);
}

export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export class SandboxState {
  data!: Dataset;
  config!: SandboxConfig;
  codes = new Map<string, CodeRecord>();
  refreshTokens = new Map<string, RefreshTokenRecord>();
  accessTokens = new Map<string, AccessTokenRecord>();
  zohoSession: ZohoSession = { signedIn: true, grants: new Map() };
  faults: FaultRecord[] = [];
  log: LogEntry[] = [];
  stats!: SandboxStats;
  /** Desk API calls in flight, per orgId header value. */
  inFlight = new Map<string, number>();
  /** Added to the base clock by `POST /__sandbox/clock`. */
  clockOffsetMs = 0;
  private nextSeq = 1;
  private nextFaultId = 1;
  private readonly baseNow: () => number;

  constructor(options: SandboxStateOptions = {}) {
    this.baseNow = options.now ?? Date.now;
    this.reset(options.seed ?? 'demo');
  }

  now(): number {
    return this.baseNow() + this.clockOffsetMs;
  }

  reset(seed: Seed = 'demo'): void {
    this.data = cloneData(seed === 'empty' ? emptyData() : demoData());
    this.config = defaultConfig();
    this.codes.clear();
    this.refreshTokens.clear();
    this.accessTokens.clear();
    this.zohoSession = { signedIn: true, grants: new Map() };
    this.faults = [];
    this.log = [];
    this.nextSeq = 1;
    this.clockOffsetMs = 0;
    this.stats = {
      maxConcurrentSeen: 0,
      creditsUsed: 0,
      creditsDay: utcDay(this.now()),
      codeGrants: 0,
      refreshGrants: 0,
      implicitGrants: 0,
      sessionRenewals: 0,
      throttledRefreshes: 0,
      rateLimited: 0,
    };
    // Requests still in flight keep their own counters; only a new start is clean.
    this.inFlight.clear();
  }

  /** Merge a partial config; nested `routes` merges too. Unknown keys are refused by the control API. */
  configure(partial: Partial<Omit<SandboxConfig, 'routes'>> & { routes?: Partial<SandboxConfig['routes']> }): void {
    const { routes, ...rest } = partial;
    this.config = { ...this.config, ...rest, routes: { ...this.config.routes, ...(routes ?? {}) } };
  }

  addFault(fault: Fault): FaultRecord {
    const record: FaultRecord = { ...fault, id: this.nextFaultId++, hits: 0 };
    this.faults.push(record);
    return record;
  }

  appendLog(entry: Omit<LogEntry, 'seq' | 'time'>): LogEntry {
    const full: LogEntry = { seq: this.nextSeq++, time: new Date(this.now()).toISOString(), ...entry };
    this.log.push(full);
    // A long demo session must not grow without bound.
    if (this.log.length > 20_000) this.log.splice(0, this.log.length - 20_000);
    return full;
  }

  /** The orgs the consenting account belongs to. */
  visibleOrgs() {
    return this.data.orgs.slice(0, Math.max(0, this.config.orgs));
  }

  /** Credits left today, rolling the counter over at midnight UTC. */
  creditsRemaining(): number {
    const today = utcDay(this.now());
    if (this.stats.creditsDay !== today) {
      this.stats.creditsDay = today;
      this.stats.creditsUsed = 0;
    }
    return Math.max(0, this.config.dailyCredits - this.stats.creditsUsed);
  }

  /** What GET /__sandbox/state returns: everything except secret values. */
  snapshot() {
    const now = this.now();
    return {
      now: new Date(now).toISOString(),
      data: this.data,
      config: this.config,
      tokens: {
        refreshTokens: [...this.refreshTokens.values()].map((r) => ({
          id: tokenId(r.token),
          clientId: r.clientId,
          location: r.location,
          scopes: r.scopes,
          createdAt: new Date(r.createdAt).toISOString(),
          revoked: r.revoked,
          accessTokensMinted: r.accessTokensMinted,
        })),
        accessTokens: [...this.accessTokens.values()].map((a) => ({
          id: tokenId(a.token),
          refreshTokenId: a.refreshToken ? tokenId(a.refreshToken) : null,
          clientId: a.clientId,
          location: a.location,
          scopes: a.scopes,
          expiresAt: new Date(a.expiresAt).toISOString(),
          expired: a.expiresAt <= now,
          revoked: a.revoked,
        })),
        codes: [...this.codes.values()].map((c) => ({
          id: tokenId(c.code),
          clientId: c.clientId,
          redirectUri: c.redirectUri,
          location: c.location,
          scopes: c.scopes,
          accessType: c.accessType,
          issuedAt: new Date(c.issuedAt).toISOString(),
          expiresAt: new Date(c.issuedAt + c.lifetimeMs).toISOString(),
          used: c.used,
        })),
      },
      session: { signedIn: this.zohoSession.signedIn, grantedClients: [...this.zohoSession.grants.keys()] },
      faults: this.faults,
      stats: this.stats,
    };
  }
}

export type StateSnapshot = ReturnType<SandboxState['snapshot']>;
