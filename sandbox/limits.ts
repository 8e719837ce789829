/**
 * Per-org concurrency and daily API credits for the Desk API face (docs/zoho.md §4),
 * and fault matching for every face.
 */
import type { Fault, FaultRecord, SandboxState } from './state';

/**
 * Credits per call. Reads as integrators publish Zoho's weights (second-hand): 1 for a record, 3 for a list.
 * Writes cost 2: the sandbox's own guess, nothing published.
 */
export function creditWeight(method: string, list: boolean): number {
  if (method !== 'GET' && method !== 'HEAD') return 2;
  return list ? 3 : 1;
}

export function secondsUntilUtcMidnight(nowMs: number): number {
  const next = new Date(nowMs);
  next.setUTCHours(24, 0, 0, 0);
  return Math.max(1, Math.ceil((next.getTime() - nowMs) / 1000));
}

/** Claims an in-flight slot for the org, or returns null when the org is at its limit. */
export function acquireSlot(state: SandboxState, orgKey: string): (() => void) | null {
  const current = state.inFlight.get(orgKey) ?? 0;
  if (current >= state.config.concurrencyLimit) return null;
  state.inFlight.set(orgKey, current + 1);
  state.stats.maxConcurrentSeen = Math.max(state.stats.maxConcurrentSeen, current + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (state.inFlight.get(orgKey) ?? 1) - 1;
    if (left > 0) state.inFlight.set(orgKey, left);
    else state.inFlight.delete(orgKey);
  };
}

/** Charges the credits if enough are left; the result says what to put in the headers. */
export function chargeCredits(state: SandboxState, weight: number): { ok: boolean; remaining: number } {
  const remaining = state.creditsRemaining();
  if (remaining < weight) return { ok: false, remaining };
  state.stats.creditsUsed += weight;
  return { ok: true, remaining: remaining - weight };
}

export function validateFault(input: unknown): Fault | string {
  if (typeof input !== 'object' || input === null) return 'A fault must be a JSON object.';
  const f = input as Record<string, unknown>;
  if (typeof f.path !== 'string' || f.path === '') return 'fault.path (a RegExp source) is required.';
  try {
    new RegExp(f.path);
  } catch {
    return `fault.path is not a valid RegExp: ${f.path}`;
  }
  if (f.method !== undefined && typeof f.method !== 'string') return 'fault.method must be a string.';
  if (f.host !== undefined && typeof f.host !== 'string') return 'fault.host must be a string.';
  if (
    f.status !== undefined &&
    !(Number.isInteger(f.status) && (f.status as number) >= 200 && (f.status as number) <= 599)
  )
    return 'fault.status must be an HTTP status (200-599).';
  if (f.latencyMs !== undefined && !(typeof f.latencyMs === 'number' && f.latencyMs >= 0))
    return 'fault.latencyMs must be a non-negative number.';
  if (f.drop !== undefined && f.drop !== 'before' && f.drop !== 'after')
    return "fault.drop must be 'before' or 'after'.";
  if (f.times !== undefined && !(Number.isInteger(f.times) && (f.times as number) > 0))
    return 'fault.times must be a positive integer.';
  if (f.headers !== undefined && (typeof f.headers !== 'object' || f.headers === null))
    return 'fault.headers must be an object of strings.';
  if (f.status === undefined && f.latencyMs === undefined && f.drop === undefined)
    return 'A fault needs at least one of status, latencyMs or drop.';
  return {
    path: f.path,
    ...(f.method !== undefined ? { method: (f.method as string).toUpperCase() } : {}),
    ...(f.host !== undefined ? { host: (f.host as string).toLowerCase() } : {}),
    ...(f.status !== undefined ? { status: f.status as number } : {}),
    ...(f.body !== undefined ? { body: f.body } : {}),
    ...(f.headers !== undefined
      ? { headers: Object.fromEntries(Object.entries(f.headers as object).map(([k, v]) => [k, String(v)])) }
      : {}),
    ...(f.latencyMs !== undefined ? { latencyMs: f.latencyMs as number } : {}),
    ...(f.drop !== undefined ? { drop: f.drop as 'before' | 'after' } : {}),
    ...(f.times !== undefined ? { times: f.times as number } : {}),
  };
}

/** The first fault matching this request; counts it down and removes it when used up. */
export function takeFault(state: SandboxState, method: string, host: string, path: string): FaultRecord | undefined {
  const fault = state.faults.find(
    (f) =>
      (f.method === undefined || f.method === method) &&
      (f.host === undefined || f.host === host) &&
      new RegExp(f.path).test(path),
  );
  if (!fault) return undefined;
  fault.hits++;
  if (fault.times !== undefined) {
    fault.times--;
    if (fault.times <= 0) state.faults = state.faults.filter((f) => f !== fault);
  }
  return fault;
}
