/**
 * Every request the service worker answers, gathered from the features. Each entry says who may send it,
 * the schema its input must pass, and the type of its reply (utils/platform/dispatch.ts).
 */
import type * as z from 'zod/mini';
import { auditRequests } from './audit/requests';
import { bulkRequests } from './bulk/requests';
import { connectionRequests } from './connection/requests';
import { contactRequests } from './contact/requests';
import { pageRequests } from './page/requests';
import type { RequestTable } from './platform/dispatch';
import { policyRequests } from './policy/requests';
import { removalRequests } from './removal/requests';
import { searchRequests } from './search/requests';
import { settingsRequests } from './settings';

export const requests = {
  ...connectionRequests,
  ...settingsRequests,
  ...removalRequests,
  ...contactRequests,
  ...searchRequests,
  ...bulkRequests,
  ...auditRequests,
  ...pageRequests,
  ...policyRequests,
} as const satisfies RequestTable;

export type Requests = typeof requests;
export type RequestType = keyof Requests;
export type RequestInput<K extends RequestType> = z.infer<Requests[K]['input']>;
export type Responses = { [K in RequestType]: Requests[K]['reply'] };
