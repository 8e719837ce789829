/** Test doubles for the injected dependencies: fetch that records and replies from a script, identity, clock. */
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

export type Reply = Response | Error | ((req: RecordedRequest) => Response | Error | Promise<Response | Error>);

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** A fetch whose replies are chosen by URL: the first route whose pattern the URL contains. */
export function fakeFetch(routes: [string | RegExp, Reply | Reply[]][]) {
  const requests: RecordedRequest[] = [];
  const queues = new Map(routes.map(([pattern, reply]) => [pattern, Array.isArray(reply) ? [...reply] : reply]));
  const fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const req: RecordedRequest = { url, method: init.method ?? 'GET', headers, body: String(init.body ?? '') };
    requests.push(req);
    for (const [pattern, queue] of queues) {
      if (typeof pattern === 'string' ? !url.includes(pattern) : !pattern.test(url)) continue;
      const next = Array.isArray(queue) ? (queue.length > 1 ? queue.shift() : queue[0]) : queue;
      if (!next) break;
      const result = typeof next === 'function' ? await next(req) : next;
      if (result instanceof Error) throw result;
      return result.clone();
    }
    throw new TypeError(`fake fetch: no route for ${url}`);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

export const REDIRECT_URI = 'https://cjheecimhjkgjkobijngojplcehhnajo.chromiumapp.org/';

/** An identity whose consent step is a function of the authorize URL. */
export function fakeIdentity(answer: (authorizeUrl: URL) => string | Error) {
  const launched: URL[] = [];
  const interactive: boolean[] = [];
  return {
    launched,
    /** Whether each launch could show a window. */
    interactive,
    identity: {
      getRedirectURL: () => REDIRECT_URI,
      async launchWebAuthFlow(details: { url: string; interactive: boolean }) {
        const parsed = new URL(details.url);
        launched.push(parsed);
        interactive.push(details.interactive);
        const result = answer(parsed);
        if (result instanceof Error) throw result;
        return result;
      },
    },
  };
}

export function fakeClock(start = Date.UTC(2026, 10, 28, 12)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}
