/** The policy as the pages see it: read in the service worker, the only place that reads `storage.managed`. */
import type { Handlers } from '../platform/dispatch';
import { readPolicy } from './policy';
import type { policyRequests } from './requests';

export function policyHandlers(): Handlers<typeof policyRequests> {
  return { getPolicy: () => readPolicy() };
}
