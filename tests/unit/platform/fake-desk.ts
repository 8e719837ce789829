/** A fake DeskClient over an in-memory user, with switchable route behaviour and faults. */

import { ZohoError } from '../../../utils/platform/errors';
import type { DeskClient, DeskRequest } from '../../../utils/platform/zoho/desk-client';

export const CATALOGUE: Record<string, string> = { '11': 'Rising Star', '12': 'Top Contributor', '13': 'Beta Tester' };

export interface FakeDeskOptions {
  held?: string[];
  deleteRoute?: 'ok' | 'empty' | '404' | '405';
  dissociateRoute?: 'ok' | '404' | '405';
  /** A faulty route: a removal takes every badge the user holds. */
  takesAll?: boolean;
  /** associate answers but re-awards nothing. */
  associateIgnored?: boolean;
  forbidden?: string[];
  /** Badges Zoho reports removed but keeps. */
  sticky?: string[];
  /** Throw this from the removal call; `applied` says whether the removal happened first. */
  removalFault?: { error: ZohoError; applied: boolean };
  /** Make the read-backs (every badge read after the first) fail. */
  readBackFault?: ZohoError;
  envelope?: boolean;
}

export function fakeDesk(options: FakeDeskOptions = {}) {
  const held = new Set(options.held ?? ['11', '12', '13']);
  const calls: { method: string; path: string; query?: Record<string, unknown>; body?: unknown }[] = [];
  let badgeReads = 0;

  const remove = (ids: string[]) =>
    ids.map((id) => {
      if (options.forbidden?.includes(id))
        return {
          success: false,
          id,
          errors: {
            errorCode: 'FORBIDDEN',
            httpCode: '403',
            errorMessage: 'Badges awarded by the system cannot be removed',
          },
        };
      if (!held.has(id)) return { success: false, id, errors: { errorCode: 'INVALID_DATA', httpCode: 422 } };
      if (!options.sticky?.includes(id)) held.delete(id);
      return { success: true, id, errors: null };
    });
  const removeAll = (ids: string[]) => {
    const results = remove(ids);
    if (options.takesAll) held.clear();
    return results;
  };
  const absent = (mode: string | undefined) => {
    if (mode === '404')
      throw new ZohoError({ kind: 'not-found', status: 404, errorCode: 'URL_NOT_FOUND', message: 'not found' });
    if (mode === '405')
      throw new ZohoError({ kind: 'method-not-allowed', status: 405, errorCode: 'METHOD_NOT_ALLOWED', message: 'no' });
  };

  const reply = (req: DeskRequest<never>): unknown => {
    if (req.method === 'GET' && /^\/api\/v1\/users\/\d+\/badges$/.test(req.path)) {
      badgeReads++;
      if (badgeReads > 1 && options.readBackFault) throw options.readBackFault;
      const list = [...held].map((id) => ({ id, name: CATALOGUE[id] ?? id, isCustom: 'false' }));
      return options.envelope ? { data: list } : list;
    }
    if (req.method === 'DELETE' && req.path.startsWith('/api/v1/helpcenter/')) {
      const mode = options.deleteRoute ?? 'ok';
      if (mode === '404')
        throw new ZohoError({ kind: 'not-found', status: 404, errorCode: 'URL_NOT_FOUND', message: 'not found' });
      if (mode === '405')
        throw new ZohoError({
          kind: 'method-not-allowed',
          status: 405,
          errorCode: 'METHOD_NOT_ALLOWED',
          message: 'no',
        });
      const ids = String(req.query?.badgeIds ?? '').split(',');
      return fault(
        () => removeAll(ids),
        (results) => (mode === 'empty' ? null : { results }),
      );
    }
    if (req.method === 'POST' && req.path.endsWith('/badges/associate')) {
      const ids = (req.body as { badgeIds: string[] }).badgeIds;
      if (!options.associateIgnored) for (const id of ids) held.add(id);
      return { results: ids.map((id) => ({ success: true, id, errors: null })) };
    }
    if (req.method === 'POST' && req.path.endsWith('/badges/dissociate')) {
      absent(options.dissociateRoute);
      const ids = (req.body as { badgeIds: string[] }).badgeIds;
      return fault(
        () => removeAll(ids),
        (results) => ({ results }),
      );
    }
    throw new ZohoError({ kind: 'not-found', status: 404, errorCode: 'URL_NOT_FOUND', message: `no ${req.path}` });
  };

  const fault = <R>(apply: () => R, shape: (r: R) => unknown) => {
    if (options.removalFault) {
      if (options.removalFault.applied) apply();
      throw options.removalFault.error;
    }
    return shape(apply());
  };

  const client: DeskClient = {
    async request(req) {
      const query = req.query
        ? Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]))
        : undefined;
      calls.push({
        method: req.method,
        path: req.path,
        ...(query ? { query } : {}),
        ...(req.body ? { body: req.body } : {}),
      });
      const raw = reply({ ...req, query } as DeskRequest<never>);
      const parsed = req.schema.safeParse(raw);
      if (!parsed.success) throw new Error(`fake desk: reply does not fit the schema for ${req.path}`);
      return { status: 200, data: parsed.data as never };
    },
  };
  return { client, held, calls };
}
