/**
 * Small HTTP pieces shared by the sandbox's faces. Handlers return a Reply instead of writing to the
 * response, so the server can still decide to drop the connection after the work is done (fault "drop after").
 */
import type { IncomingMessage } from 'node:http';
import type { LogEntry, SandboxState } from './state';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface RequestContext {
  state: SandboxState;
  req: IncomingMessage;
  method: string;
  /** Lower-case, without the port. */
  host: string;
  url: URL;
  body: Buffer;
  /** Filled by handlers that know them, for the request log (set only when known: each goes into the entry as is). */
  logExtra: Pick<LogEntry, 'orgId' | 'grantType' | 'concurrent'>;
}

export const MAX_BODY_BYTES = 1_000_000;

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'Content-Type': 'application/json;charset=UTF-8', ...headers },
    body: JSON.stringify(value),
  };
}

export function html(status: number, text: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers }, body: text };
}

export function text(status: number, value: string, contentType = 'text/plain; charset=utf-8'): Reply {
  return { status, headers: { 'Content-Type': contentType }, body: value };
}

export function empty(status = 204, headers: Record<string, string> = {}): Reply {
  return { status, headers };
}

export function redirect(location: string): Reply {
  return { status: 302, headers: { Location: location, 'Cache-Control': 'no-store' } };
}

/** Zoho's error body: `{"errorCode","message"}` (docs/zoho.md §3.1). */
export function zohoError(
  status: number,
  errorCode: string,
  message: string,
  extra: Record<string, unknown> = {},
): Reply {
  return json(status, { errorCode, message, ...extra });
}

/** The errorCode a bare status stands for, for faults that give only a status. */
export function errorCodeForStatus(status: number): string {
  const codes: Record<number, string> = {
    400: 'INVALID_DATA',
    401: 'INVALID_OAUTH',
    403: 'FORBIDDEN',
    404: 'URL_NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    413: 'RESOURCE_SIZE_EXCEEDED',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    422: 'UNPROCESSABLE_ENTITY',
    429: 'THRESHOLD_EXCEEDED',
  };
  return codes[status] ?? 'INTERNAL_SERVER_ERROR';
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Form fields from the query string merged with an urlencoded body (Zoho accepts either). */
export function formParams(ctx: RequestContext): URLSearchParams {
  const params = new URLSearchParams(ctx.url.searchParams);
  const type = String(ctx.req.headers['content-type'] ?? '');
  if (ctx.body.length > 0 && (type.includes('application/x-www-form-urlencoded') || type === '')) {
    for (const [key, value] of new URLSearchParams(ctx.body.toString('utf8'))) params.set(key, value);
  }
  return params;
}

export function isJsonContentType(ctx: RequestContext): boolean {
  return /^application\/json\b/i.test(String(ctx.req.headers['content-type'] ?? ''));
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/** Values that must never reach the request log. */
const SECRET_PARAMS = new Set(['token', 'refresh_token', 'access_token', 'code', 'code_verifier', 'client_secret']);

export function redactedQuery(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) out[key] = SECRET_PARAMS.has(key) ? '[redacted]' : value;
  return out;
}
