/**
 * A storage area as the trusted area behaves for the stores built on it (utils/platform/trusted-storage.ts): it
 * keeps copies, notes the keys of every write and removal, and tells its listeners what changed.
 */
type Changes = Record<string, { newValue?: unknown }>;

export function fakeStorageArea(initial: Record<string, unknown> = {}) {
  const data = new Map(Object.entries(structuredClone(initial)));
  const writes: string[][] = [];
  const removals: string[][] = [];
  const listeners = new Set<(changes: Changes) => void>();
  const tell = (changes: Changes) => {
    for (const listener of listeners) listener(structuredClone(changes));
  };
  return {
    data,
    writes,
    removals,
    onChanged(listener: (changes: Changes) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async get(keys: string | string[]) {
      const out: Record<string, unknown> = {};
      for (const key of [keys].flat()) if (data.has(key)) out[key] = structuredClone(data.get(key));
      return out;
    },
    async set(items: Record<string, unknown>) {
      writes.push(Object.keys(items).sort());
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
      tell(Object.fromEntries(Object.entries(items).map(([key, value]) => [key, { newValue: value }])));
    },
    async remove(keys: string | string[]) {
      removals.push([keys].flat());
      for (const key of [keys].flat()) data.delete(key);
      tell(Object.fromEntries([keys].flat().map((key) => [key, {}])));
    },
  };
}
