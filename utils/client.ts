/** The pages' client of the service worker, typed from utils/requests.ts (types only: no schemas bundled). */
import { type MessageSender, type RequestClient, requestClient } from './platform/request-client';
import type { Requests } from './requests';

export type Client = RequestClient<Requests>;

export const createClient = (runtime: MessageSender): Client => requestClient<Requests>(runtime);

/** A page's api: the client's requests, with what the page does itself (download, clipboard) beside them. */
export function withClient<A extends object>(client: Client, own: Omit<A, keyof Client>): A {
  // The client answers every name, so it cannot be spread; as the prototype it answers what `own` lacks.
  return Object.assign(Object.create(client) as object, own) as A;
}
