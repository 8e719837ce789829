/**
 * Test helpers for the sandbox contract tests: start an in-process sandbox with a clock the test
 * drives, make real HTTPS requests "as host X" (SNI + Host header, certificate verified against the
 * sandbox's own cert), and run the OAuth flow.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { SandboxControl } from '../../sandbox/control-client';
import type { User } from '../../sandbox/data';
import { type RunningSandbox, startSandbox } from '../../sandbox/server';
import { EXTENSION_REDIRECT_URI, SANDBOX_CLIENT_ID } from '../../sandbox/state';

export { EXTENSION_REDIRECT_URI, SANDBOX_CLIENT_ID };

export const ALL_DESK_SCOPES = [
  'Desk.basic.READ',
  'Desk.settings.READ',
  'Desk.settings.UPDATE',
  'Desk.contacts.READ',
  'Desk.contacts.UPDATE',
  'Desk.search.READ',
];

/** 2026-03-10 12:00:00 UTC: far enough from midnight that a test's few minutes stay on one day. */
export const T0 = Date.parse('2026-03-10T12:00:00.000Z');

export class ManualClock {
  constructor(public t = T0) {}
  now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface TestSandbox {
  sandbox: RunningSandbox;
  clock: ManualClock;
  control: SandboxControl;
}

export async function startTestSandbox(): Promise<TestSandbox> {
  const clock = new ManualClock();
  const sandbox = await startSandbox({ port: 0, now: clock.now });
  return { sandbox, clock, control: new SandboxControl(sandbox.origin) };
}

/**
 * One sandbox for a test file, reset (clock included) and connected before each test; `ready` is told the
 * sandbox and a fresh access token each time.
 */
export function connectedSandboxPerFile(ready: (t: TestSandbox, accessToken: string) => void): void {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(() => t.sandbox.close());
  beforeEach(async () => {
    t.clock.t = T0;
    t.sandbox.state.reset();
    ready(t, (await connect(t.sandbox)).accessToken);
  });
}

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read Zoho's JSON loosely and assert on it.
  json: <T = any>() => T;
}

export interface CallOptions {
  host: string;
  method?: string;
  /** Path with query. */
  path: string;
  headers?: Record<string, string>;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  /** Sent as application/json. */
  json?: unknown;
  /** Raw body with the caller's own Content-Type. */
  body?: string;
}

/** One HTTPS request to the sandbox as if `host` had resolved to it. Rejects when the connection drops. */
export function call(sandbox: RunningSandbox, options: CallOptions): Promise<HttpResult> {
  const headers: Record<string, string | number> = { Host: options.host, ...(options.headers ?? {}) };
  let body: string | undefined = options.body;
  if (options.form) {
    body = new URLSearchParams(options.form).toString();
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  } else if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['Content-Type'] = 'application/json';
  }
  if (body !== undefined) headers['Content-Length'] = Buffer.byteLength(body);
  // Zoho host names are verified against the sandbox certificate; stray names are not on it.
  const known = sandbox.hostNames.includes(options.host);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: sandbox.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers,
        agent: false,
        servername: known ? options.host : undefined,
        ...(known ? { ca: sandbox.certificate } : { rejectUnauthorized: false }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export function base64url(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = base64url(randomBytes(32));
  return { verifier, challenge: base64url(createHash('sha256').update(verifier).digest()) };
}

/** The PKCE pair a test's authorization uses unless it brings its own (Mobile-based clients must send one). */
export const TEST_PKCE = pkcePair();

export interface AuthorizeOptions {
  host?: string;
  clientId?: string;
  redirectUri?: string;
  scopes?: string[];
  state?: string;
  accessType?: 'online' | 'offline';
  prompt?: string;
  /** Default TEST_PKCE's; null sends none. */
  challenge?: string | null;
  challengeMethod?: 'S256' | 'plain';
  responseType?: 'code' | 'token';
  /** Default accept. */
  decision?: 'accept' | 'deny';
}

export function authorizeQuery(o: AuthorizeOptions): URLSearchParams {
  const q = new URLSearchParams({
    client_id: o.clientId ?? SANDBOX_CLIENT_ID,
    response_type: o.responseType ?? 'code',
    redirect_uri: o.redirectUri ?? EXTENSION_REDIRECT_URI,
    scope: (o.scopes ?? ALL_DESK_SCOPES).join(','),
    state: o.state ?? 'state-123',
    access_type: o.accessType ?? 'offline',
  });
  if (o.prompt) q.set('prompt', o.prompt);
  const challenge = o.challenge === undefined ? TEST_PKCE.challenge : o.challenge;
  if (challenge && o.responseType !== 'token') {
    q.set('code_challenge', challenge);
    q.set('code_challenge_method', o.challengeMethod ?? (o.challenge === undefined ? 'S256' : 'plain'));
  }
  return q;
}

/** Submits the consent form like a browser would and returns the redirect's parameters. */
export async function authorize(sandbox: RunningSandbox, o: AuthorizeOptions = {}): Promise<URLSearchParams> {
  const form = Object.fromEntries(authorizeQuery(o));
  const res = await call(sandbox, {
    host: o.host ?? 'accounts.zoho.com',
    method: 'POST',
    path: '/oauth/v2/auth',
    form: { ...form, decision: o.decision ?? 'accept' },
  });
  if (res.status !== 302) throw new Error(`authorize: HTTP ${res.status} ${res.text}`);
  return new URL(String(res.headers.location)).searchParams;
}

export function token(sandbox: RunningSandbox, host: string, form: Record<string, string>): Promise<HttpResult> {
  return call(sandbox, { host, method: 'POST', path: '/oauth/v2/token', form });
}

export interface Connection {
  accessToken: string;
  refreshToken?: string;
  accountsHost: string;
  deskHost: string;
}

/** The whole PKCE flow: consent, then the code exchange at the accounts server the callback names. */
export async function connect(sandbox: RunningSandbox, o: AuthorizeOptions = {}): Promise<Connection> {
  const { verifier, challenge } = pkcePair();
  const callback = await authorize(sandbox, { challenge, challengeMethod: 'S256', ...o });
  const accountsHost = new URL(callback.get('accounts-server') ?? '').host;
  const res = await token(sandbox, accountsHost, {
    grant_type: 'authorization_code',
    client_id: o.clientId ?? SANDBOX_CLIENT_ID,
    code: callback.get('code') ?? '',
    redirect_uri: o.redirectUri ?? EXTENSION_REDIRECT_URI,
    code_verifier: verifier,
  });
  const body = res.json();
  if (!body.access_token) throw new Error(`connect: ${res.text}`);
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    accountsHost,
    deskHost: accountsHost.replace(/^accounts\./, 'desk.'),
  };
}

export interface DeskOptions {
  /** Default: Zylker's org id; null sends no orgId header. */
  orgId?: string | null;
  host?: string;
  json?: unknown;
  headers?: Record<string, string>;
}

export function desk(
  sandbox: RunningSandbox,
  accessToken: string | null,
  method: string,
  path: string,
  o: DeskOptions = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  if (accessToken) headers.Authorization = `Zoho-oauthtoken ${accessToken}`;
  const orgId = o.orgId === undefined ? '60001234567' : o.orgId;
  if (orgId !== null) headers.orgId = orgId;
  return call(sandbox, { host: o.host ?? 'desk.zoho.com', method, path: `/api/v1${path}`, headers, json: o.json });
}

export interface DeskFixture {
  /** The file's sandbox and the token of this test's connection (valid inside tests and hooks). */
  readonly t: TestSandbox;
  readonly token: string;
  /** A Desk API call with the test's token (and Zylker's orgId unless told). */
  call(method: string, path: string, o?: DeskOptions): Promise<HttpResult>;
  get(path: string, o?: DeskOptions): Promise<HttpResult>;
  /** A user of the sandbox's live data. */
  user(id: string): User;
}

/** connectedSandboxPerFile as one object, for test files that talk to the Desk API. */
export function deskPerFile(): DeskFixture {
  let t: TestSandbox;
  let token: string;
  connectedSandboxPerFile((sandbox, accessToken) => {
    t = sandbox;
    token = accessToken;
  });
  return {
    get t() {
      return t;
    },
    get token() {
      return token;
    },
    call: (method, path, o = {}) => desk(t.sandbox, token, method, path, o),
    get: (path, o = {}) => desk(t.sandbox, token, 'GET', path, o),
    user: (id) => {
      const found = t.sandbox.state.data.users.find((u) => u.id === id);
      if (!found) throw new Error(`no user ${id} in the sandbox`);
      return found;
    },
  };
}
