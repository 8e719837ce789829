/**
 * Where the extension keeps everything the service worker trusts and everything personal: out of reach of content
 * scripts, whose world a compromised Desk renderer can run code in (SECURITY.md).
 * - Chrome: `storage.local`, closed to content scripts with `setAccessLevel('TRUSTED_CONTEXTS')`, which the worker
 *   sets at every start (`closeStorageToContentScripts`).
 * - Firefox, which cannot close `storage.local`: the extension origin's IndexedDB (a content script's IndexedDB is
 *   the page's), its changes told to the extension's other pages over a BroadcastChannel of that origin.
 * Every value is parsed with its schema when read (`trustedItem`): what is stored is never trusted blindly.
 */
import { browser } from 'wxt/browser';
import type * as z from 'zod/mini';
import { objectStore } from './indexed-db';

export type AreaChanges = Record<string, { newValue?: unknown; oldValue?: unknown }>;

export interface TrustedArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  /** Calls back with every change, made here or in another of the extension's contexts; returns the unwatch. */
  onChanged(listener: (changes: AreaChanges) => void): () => void;
}

type LocalArea = typeof browser.storage.local & {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
};

/** Whether this browser can close `storage.local` to content scripts (Chrome can; Firefox cannot). */
export const canCloseStorageLocal = (): boolean =>
  typeof (browser.storage.local as LocalArea).setAccessLevel === 'function';

/** `storage.local`, once closed to content scripts. */
export function storageLocalArea(local = browser.storage.local, events = browser.storage.onChanged): TrustedArea {
  return {
    get: (keys) => local.get(keys),
    set: (items) => local.set(items),
    remove: (keys) => local.remove(keys),
    onChanged(listener) {
      const onChange = (changes: AreaChanges, area: string) => {
        if (area === 'local') listener(changes);
      };
      events.addListener(onChange);
      return () => events.removeListener(onChange);
    },
  };
}

/** Where Firefox's trusted area lives in the extension origin's IndexedDB (the bench seeds it there too). */
export const TRUSTED_DB = { name: 'badge-remover-store', store: 'items' } as const;
const DB_NAME = TRUSTED_DB.name;
const STORE = TRUSTED_DB.store;
const CHANNEL = 'badge-remover-store';

/** The extension origin's IndexedDB, with changes broadcast to the extension's other pages. */
export function indexedDbArea(
  factory: IDBFactory = indexedDB,
  channel: () => Pick<BroadcastChannel, 'postMessage' | 'addEventListener'> | null = () =>
    typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null,
): TrustedArea {
  const transact = objectStore(factory, DB_NAME, STORE);
  const listeners = new Set<(changes: AreaChanges) => void>();
  let broadcast: ReturnType<typeof channel> | undefined;
  const bus = () => {
    if (broadcast === undefined) {
      broadcast = channel();
      broadcast?.addEventListener('message', (event) => {
        const changes = (event as MessageEvent).data as AreaChanges;
        for (const listener of listeners) listener(changes);
      });
    }
    return broadcast;
  };
  const told = (changes: AreaChanges) => {
    if (!Object.keys(changes).length) return;
    for (const listener of listeners) listener(changes);
    bus()?.postMessage(changes);
  };
  /** Reads the old values of `keys` inside the transaction that changes them. */
  const change = (keys: string[], apply: (store: IDBObjectStore) => void) =>
    transact('readwrite', (store) => {
      const old = new Map<string, unknown>();
      for (const key of keys) {
        const request = store.get(key);
        request.onsuccess = () => old.set(key, request.result);
      }
      apply(store);
      return () => old;
    });
  const area: TrustedArea = {
    async get(keys) {
      return transact('readonly', (store) => {
        const found: Record<string, unknown> = {};
        if (keys === null) {
          const request = store.openCursor();
          request.onsuccess = () => {
            const cursor = request.result;
            if (!cursor) return;
            found[String(cursor.key)] = cursor.value;
            cursor.continue();
          };
        } else {
          for (const key of typeof keys === 'string' ? [keys] : keys) {
            const request = store.get(key);
            request.onsuccess = () => {
              if (request.result !== undefined) found[key] = request.result;
            };
          }
        }
        return () => found;
      });
    },
    async set(items) {
      const keys = Object.keys(items);
      const old = await change(keys, (store) => {
        for (const key of keys) store.put(structuredClone(items[key]), key);
      });
      told(Object.fromEntries(keys.map((key) => [key, { newValue: items[key], oldValue: old.get(key) }])));
    },
    async remove(keys) {
      const list = typeof keys === 'string' ? [keys] : keys;
      const old = await change(list, (store) => {
        for (const key of list) store.delete(key);
      });
      told(
        Object.fromEntries(
          list.filter((key) => old.get(key) !== undefined).map((key) => [key, { oldValue: old.get(key) }]),
        ),
      );
    },
    onChanged(listener) {
      bus();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return area;
}

let chosen: TrustedArea | null = null;

/** The area of this browser: chosen once per context, the same way in every context of the extension. */
export function trustedArea(): TrustedArea {
  chosen ??= canCloseStorageLocal() ? storageLocalArea() : indexedDbArea();
  return chosen;
}

/** Tests start each case afresh. */
export function forgetTrustedArea(): void {
  chosen = null;
}

/**
 * At every start of the worker: content scripts may not read or write `storage.local` (Chrome) nor
 * `storage.session` (both browsers; the Client-based access token lives there), whatever an earlier version set.
 */
export async function closeStorageToContentScripts(): Promise<void> {
  const areas = [browser.storage.local, browser.storage.session] as LocalArea[];
  await Promise.all(areas.map((area) => area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })));
}

// ---- Items ----

export interface StoredItem<T> {
  key: string;
  fallback: T;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls back with each new value (parsed); returns the unwatch. */
  watch(onChange: (value: T, old: T) => void): () => void;
}

/**
 * One value in the trusted area, parsed with `schema` whenever it is read: a value that does not fit (damaged, or
 * written by something other than this code) reads as the fallback, and is said in the console.
 */
export function trustedItem<T>(
  key: string,
  options: { fallback: T; schema: z.ZodMiniType<T> },
  area: () => TrustedArea = trustedArea,
): StoredItem<T> {
  const { fallback, schema } = options;
  const parse = (raw: unknown): T => {
    if (raw === undefined || raw === null) return fallback;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    console.warn(`Badge Remover ignored the stored ${key}: it does not have the shape this version writes.`);
    return fallback;
  };
  return {
    key,
    fallback,
    getValue: async () => parse((await area().get(key))[key]),
    setValue: (value) => (value === null || value === undefined ? area().remove(key) : area().set({ [key]: value })),
    removeValue: () => area().remove(key),
    watch(onChange) {
      return area().onChanged((changes) => {
        const change = changes[key];
        if (change) onChange(parse(change.newValue), parse(change.oldValue));
      });
    },
  };
}

/** Marks the trusted area as in use by this version; absent, the data it holds came from an earlier one. */
const AREA_VERSION_KEY = 'trustedArea';

/**
 * At every start of the worker, after `closeStorageToContentScripts`. Where `storage.local` cannot be closed
 * (Firefox), what an earlier version kept there moves into the trusted area once, and nothing stays there: what a
 * content script writes there later is dropped unread at the next start. True on the first start of this version,
 * when the stored data may have been written where content scripts could change it.
 */
export async function adoptTrustedArea(
  area: TrustedArea = trustedArea(),
  local: Pick<TrustedArea, 'get' | 'remove'> = browser.storage.local,
  closes = canCloseStorageLocal(),
): Promise<boolean> {
  const { [AREA_VERSION_KEY]: version } = await area.get(AREA_VERSION_KEY);
  if (!closes) {
    const earlier = await local.get(null);
    const keys = Object.keys(earlier);
    if (version === undefined && keys.length) await area.set(earlier);
    if (keys.length) await local.remove(keys);
  }
  if (version !== undefined) return false;
  await area.set({ [AREA_VERSION_KEY]: 1 });
  return true;
}
