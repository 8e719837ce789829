/**
 * A typed client for the sandbox's control API, for tests, the demo and scripts. It trusts the
 * sandbox's self-signed certificate only when talking to loopback.
 */
import { request } from 'node:https';
import type { Badge, Contact, Dataset, HelpCenter, Label, Org, User } from './data';
import type { Face, Fault, FaultRecord, LogEntry, SandboxConfig, Seed, StateSnapshot } from './state';

export type ConfigPatch = Partial<Omit<SandboxConfig, 'routes'>> & { routes?: Partial<SandboxConfig['routes']> };

export interface RequestFilter {
  host?: string;
  method?: string;
  /** Matched against the path; a string is used as a RegExp source. */
  path?: string | RegExp;
  face?: Face;
  /** Only entries with a larger seq. */
  since?: number;
}

export interface SelfClientCode {
  code: string;
  clientId: string;
  location: string;
  scopes: string[];
  expiresAt: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export class SandboxControl {
  private readonly url: URL;

  constructor(origin: string) {
    this.url = new URL(origin);
    if (this.url.protocol !== 'https:' || !LOOPBACK.has(this.url.hostname)) {
      throw new Error(`SandboxControl only talks to a sandbox on loopback over https, not ${origin}`);
    }
  }

  private call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<T>((resolve, reject) => {
      const req = request(
        {
          host: this.url.hostname,
          port: this.url.port,
          method,
          path: `/__sandbox${path}`,
          // The sandbox's certificate is self-signed and made fresh at each start; this is loopback only.
          rejectUnauthorized: false,
          agent: false,
          headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {},
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if ((res.statusCode ?? 500) >= 400) {
              reject(new Error(`sandbox control ${method} ${path}: HTTP ${res.statusCode} ${text}`));
              return;
            }
            try {
              resolve((text ? JSON.parse(text) : undefined) as T);
            } catch (error) {
              reject(error);
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Data, config, faults, tokens, log and counters back to the start. */
  async reset(seed: Seed = 'demo'): Promise<void> {
    await this.call('POST', '/reset', { seed });
  }

  configure(patch: ConfigPatch): Promise<SandboxConfig> {
    return this.call('POST', '/config', patch);
  }

  getConfig(): Promise<SandboxConfig> {
    return this.call('GET', '/config');
  }

  getState(): Promise<StateSnapshot> {
    return this.call('GET', '/state');
  }

  requests(filter: RequestFilter = {}): Promise<LogEntry[]> {
    const query = new URLSearchParams();
    if (filter.host) query.set('host', filter.host);
    if (filter.method) query.set('method', filter.method);
    if (filter.face) query.set('face', filter.face);
    if (filter.since !== undefined) query.set('since', String(filter.since));
    if (filter.path) query.set('path', typeof filter.path === 'string' ? filter.path : filter.path.source);
    const qs = query.toString();
    return this.call('GET', `/requests${qs ? `?${qs}` : ''}`);
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', '/requests');
  }

  addFault(fault: Fault): Promise<FaultRecord> {
    return this.call('POST', '/faults', fault);
  }

  faults(): Promise<FaultRecord[]> {
    return this.call('GET', '/faults');
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/faults');
  }

  getData(): Promise<Dataset> {
    return this.call('GET', '/data');
  }

  /** Replace the whole dataset. */
  async putData(data: Dataset): Promise<void> {
    await this.call('PUT', '/data', data);
  }

  /** Add or replace one badge; `holderIds` are users who receive it at once. */
  addBadge(badge: Partial<Badge> & { name: string; holderIds?: string[] }): Promise<Badge> {
    return this.call('POST', '/data/badges', badge);
  }

  /** Add or replace one user; missing fields get defaults (Zylker, first help center, a matching contact). */
  addUser(user: Partial<User> & { name: string; emailAddress: string }): Promise<User> {
    return this.call('POST', '/data/users', user);
  }

  addLabel(label: Partial<Label> & { name: string }): Promise<Label> {
    return this.call('POST', '/data/labels', label);
  }

  addContact(contact: Partial<Contact> & { email: string }): Promise<Contact> {
    return this.call('POST', '/data/contacts', contact);
  }

  addHelpCenter(helpCenter: Partial<HelpCenter> & { name: string }): Promise<HelpCenter> {
    return this.call('POST', '/data/helpCenters', helpCenter);
  }

  addOrg(org: Partial<Org> & { companyName: string }): Promise<Org> {
    return this.call('POST', '/data/orgs', org);
  }

  /** Move the sandbox clock forward (codes and access tokens age, the throttle window slides). */
  advanceClock(seconds: number): Promise<{ now: string }> {
    return this.call('POST', '/clock', { advanceSeconds: seconds });
  }

  /**
   * What the API console's Generate Code gives a Self Client: a code for `scopes`, lasting `minutes` (3 by default),
   * at one data center (`location`, 'us' by default); the first Self Client unless `clientId` names another.
   */
  selfClientCode(input: {
    scopes: string | readonly string[];
    minutes?: number;
    location?: string;
    clientId?: string;
  }): Promise<SelfClientCode> {
    return this.call('POST', '/self-client/code', input);
  }

  /** Every live access token expires now; refresh tokens stay valid. */
  expireAccessTokens(): Promise<{ expired: number }> {
    return this.call('POST', '/tokens/expire');
  }

  /** The admin signs out of Zoho: Client-based session grants end (/oauth/v2/auth/refresh answers client_not_granted). */
  signOutOfZoho(): Promise<{ signedIn: false }> {
    return this.call('POST', '/session/sign-out');
  }
}
