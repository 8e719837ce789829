/**
 * The local Zoho sandbox: one HTTPS server on loopback that answers as every Zoho host, dispatching
 * on the Host header: accounts.<dc> → Accounts, api-console.zoho.com → the API console (Self Clients),
 * desk.<dc> → Desk API (/api/) and Desk web pages,
 * anything else → a logged 404. `/__sandbox/...` (the control API) answers on every host.
 * It never imports extension code.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { handleAccounts } from './accounts';
import { generateCertificate, type SandboxCertificate, spkiHash } from './cert';
import { handleConsole } from './console';
import { handleControl } from './control';
import { CONSOLE_HOST, dcByAccountsHost, dcByDeskHost, isPortalWebHost, sandboxHostNames } from './datacenters';
import { handleDeskApi } from './desk';
import { handleDeskWeb } from './desk-web';
import {
  errorCodeForStatus,
  html,
  json,
  type Reply,
  type RequestContext,
  readBody,
  redactedQuery,
  sleep,
  zohoError,
} from './http';
import { takeFault } from './limits';
import { type Face, type FaultRecord, SandboxState, type Seed } from './state';

export interface SandboxOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 'demo'. */
  seed?: Seed;
  /** Reuse a certificate instead of generating one. */
  cert?: SandboxCertificate;
  /** Injectable clock for code/token expiry, the refresh throttle and the credit day. */
  now?: () => number;
}

export interface RunningSandbox {
  port: number;
  /** https://127.0.0.1:PORT */
  origin: string;
  /** base64 SHA-256 of the certificate's public key, for --ignore-certificate-errors-spki-list. */
  spki: string;
  /** Every Zoho host name to map to the sandbox (the certificate names them all). */
  hostNames: string[];
  /** The PEM certificate, for clients that want to verify it (`ca`). */
  certificate: string;
  /** The live in-memory state, for in-process tests. */
  state: SandboxState;
  close(): Promise<void>;
}

function faceFor(host: string, path: string): Face {
  if (path === '/__sandbox' || path.startsWith('/__sandbox/')) return 'control';
  if (dcByAccountsHost(host)) return 'accounts';
  if (host === CONSOLE_HOST) return 'console';
  if (dcByDeskHost(host)) return path.startsWith('/api/') ? 'desk-api' : 'desk-web';
  // A portal's zohodesk address serves the agent app; an API call there is not Zoho's API host.
  if (isPortalWebHost(host) && !path.startsWith('/api/')) return 'desk-web';
  return 'stray';
}

function strayPage(host: string): Reply {
  return html(
    404,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not a Zoho host</title></head><body><h1>Not a Zoho host</h1><p>The Zoho sandbox does not serve ${host.replace(/[<>&"']/g, '')}.</p></body></html>`,
  );
}

async function route(ctx: RequestContext, face: Face): Promise<Reply> {
  switch (face) {
    case 'control':
      return handleControl(ctx);
    case 'accounts':
      return handleAccounts(ctx);
    case 'console':
      return handleConsole(ctx);
    case 'desk-api':
      return handleDeskApi(ctx);
    case 'desk-web':
      return handleDeskWeb(ctx);
    case 'stray':
      return strayPage(ctx.host);
  }
}

function faultReply(fault: FaultRecord): Reply {
  const status = fault.status!;
  const body =
    fault.body === undefined
      ? JSON.stringify({ errorCode: errorCodeForStatus(status), message: `Injected fault (HTTP ${status}).` })
      : typeof fault.body === 'string'
        ? fault.body
        : JSON.stringify(fault.body);
  const type = typeof fault.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json;charset=UTF-8';
  return { status, headers: { 'Content-Type': type, ...(fault.headers ?? {}) }, body };
}

function send(res: ServerResponse, reply: Reply, method: string): void {
  const headers: Record<string, string | number> = { ...reply.headers };
  if (reply.body !== undefined && reply.status !== 204 && reply.status !== 304)
    headers['Content-Length'] = Buffer.byteLength(reply.body);
  res.writeHead(reply.status, headers);
  res.end(method === 'HEAD' || reply.status === 204 ? undefined : reply.body);
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const hostNames = sandboxHostNames();
  const certificate = options.cert ?? generateCertificate(hostNames);
  const state = new SandboxState({ seed: options.seed ?? 'demo', now: options.now });
  const sockets = new Set<Socket>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = String(req.headers.host ?? '')
      .toLowerCase()
      .replace(/:\d+$/, '')
      .replace(/^\[|\]$/g, '');
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'https://sandbox.invalid');
    const face = faceFor(host, url.pathname);
    const hasAuth = typeof req.headers.authorization === 'string';

    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      send(res, zohoError(413, 'RESOURCE_SIZE_EXCEEDED', 'The request body is too large.'), method);
      return;
    }
    const ctx: RequestContext = { state, req, method, host, url, body, logExtra: {} };
    const log = (status: number, extra: { dropped?: 'before' | 'after'; faultId?: number } = {}) => {
      if (face === 'control') return;
      state.appendLog({
        host,
        face,
        method,
        path: url.pathname,
        query: redactedQuery(url.searchParams),
        status,
        hasAuth,
        ...ctx.logExtra,
        ...extra,
      });
    };

    // Faults never apply to the control API, so tests can always undo them.
    const fault = face === 'control' ? undefined : takeFault(state, method, host, url.pathname);
    if (fault?.latencyMs) await sleep(fault.latencyMs);
    if (fault?.drop === 'before') {
      log(0, { dropped: 'before', faultId: fault.id });
      req.socket.destroy();
      return;
    }
    if (fault?.status !== undefined && fault.drop !== 'after') {
      if (typeof req.headers.orgid === 'string') ctx.logExtra.orgId = req.headers.orgid;
      const reply = faultReply(fault);
      log(reply.status, { faultId: fault.id });
      send(res, reply, method);
      return;
    }

    let reply: Reply;
    try {
      reply = await route(ctx, face);
    } catch (error) {
      console.error('[sandbox] handler failed:', error);
      reply = json(500, { errorCode: 'INTERNAL_SERVER_ERROR', message: 'The sandbox failed to handle this request.' });
    }
    if (fault?.drop === 'after') {
      // The work is done (state changed) but the client never hears about it.
      log(0, { dropped: 'after', faultId: fault.id });
      req.socket.destroy();
      return;
    }
    log(reply.status, fault ? { faultId: fault.id } : {});
    send(res, reply, method);
  }

  const server: Server = createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    handle(req, res).catch((error) => {
      console.error('[sandbox] request failed:', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A client that gives up mid-handshake must not crash the sandbox.
  server.on('tlsClientError', () => {});

  const listenHost = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, listenHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    origin: `https://127.0.0.1:${port}`,
    spki: spkiHash(certificate.cert),
    hostNames,
    certificate: certificate.cert,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
