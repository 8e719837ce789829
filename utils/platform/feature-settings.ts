/**
 * A feature's own settings item, in the trusted area, each field taking its default when absent or unfit. Earlier
 * versions kept every feature's settings in one `settings` item (now the connection's alone, whose writes drop the
 * fields no longer its own): `adoptFormer` copies this feature's fields from it once, at the worker's start before
 * any request is answered, when this item has never been written.
 */
import * as z from 'zod/mini';
import { remembered } from './remembered-item';
import { trustedArea, trustedItem } from './trusted-storage';

/** The item every feature's settings were kept in before each feature had its own. */
export const FORMER_SETTINGS_KEY = 'settings';

type Shape<T> = { [K in keyof T]: z.ZodMiniType<T[K]> };

/** The fields of `raw` that fit their schema. */
function fitting<T extends object>(shape: Shape<T>, raw: unknown): Partial<T> {
  if (!raw || typeof raw !== 'object') return {};
  const fields = Object.entries(shape) as [keyof T & string, z.ZodMiniType][];
  return Object.fromEntries(
    fields.flatMap(([key, schema]) => {
      const parsed = schema.safeParse((raw as Record<string, unknown>)[key]);
      return key in raw && parsed.success ? [[key, parsed.data]] : [];
    }),
  ) as Partial<T>;
}

export function featureSettings<T extends object>(key: string, defaults: T, shape: Shape<T>) {
  const schema = z.pipe(
    z.record(z.string(), z.unknown()),
    z.transform((stored): T => ({ ...defaults, ...fitting(shape, stored) })),
  ) as unknown as z.ZodMiniType<T>;
  const item = remembered(trustedItem<T>(key, { fallback: defaults, schema }));
  return {
    item,
    /** The request's input fields: each optional, the form sends what it shows. */
    input: Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, z.optional(s as z.ZodMiniType)])) as {
      [K in keyof T]: z.ZodMiniOptional<z.ZodMiniType<T[K]>>;
    },
    /** Once, at the worker's start: this feature's fields from the former `settings` item, unless it has its own. */
    async adoptFormer(): Promise<void> {
      const { [key]: own, [FORMER_SETTINGS_KEY]: former } = await trustedArea().get([key, FORMER_SETTINGS_KEY]);
      const found = fitting(shape, former);
      if (own === undefined && Object.keys(found).length) await item.setValue({ ...defaults, ...found });
    },
  };
}
