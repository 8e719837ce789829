/**
 * Schemas for every Zoho response the extension reads (docs/zoho.md §3, §5 and §7.4).
 * Zoho mixes strings and booleans ("true"/true) and numbers as strings; the schemas accept
 * both and hand the rest of the code one clean shape.
 */
import * as z from 'zod/mini';
import { t } from '../i18n';
import { ZOHO_ID } from '../ids';

const zohoBoolean = z.pipe(
  z.union([z.boolean(), z.enum(['true', 'false'])]),
  z.transform((v) => v === true || v === 'true'),
);
/** Zoho IDs are numeric strings, sometimes sent as numbers. */
export const zohoId = z.pipe(
  z.union([z.string().check(z.regex(ZOHO_ID)), z.number().check(z.int(), z.nonnegative())]),
  z.transform((v) => String(v)),
);

export const zohoErrorBody = z.object({
  errorCode: z.string(),
  message: z.optional(z.nullable(z.string())),
});
export type ZohoErrorBody = z.infer<typeof zohoErrorBody>;

// ---- Accounts ----
export const tokenSuccess = z.object({
  access_token: z.string().check(z.minLength(1)),
  refresh_token: z.optional(z.string().check(z.minLength(1))),
  expires_in: z.number().check(z.positive()),
  api_domain: z.optional(z.string()),
  token_type: z.optional(z.string()),
  scope: z.optional(z.string()),
});
export type TokenSuccess = z.infer<typeof tokenSuccess>;

/** Zoho Accounts errors, often with HTTP 200: `{"error":"invalid_code"}`, or the throttle. */
export const tokenError = z.object({
  error: z.string(),
  error_description: z.optional(z.string()),
  status: z.optional(z.string()),
});
export type TokenError = z.infer<typeof tokenError>;

// ---- Desk ----
export const organization = z.object({
  id: zohoId,
  companyName: z.optional(z.nullable(z.string())),
  portalName: z.optional(z.nullable(z.string())),
  organizationName: z.optional(z.nullable(z.string())),
  isDefault: z.optional(zohoBoolean),
  isAdminInOrg: z.optional(zohoBoolean),
  edition: z.optional(z.nullable(z.string())),
});
export type Organization = z.infer<typeof organization>;
export const organizationList = z.object({ data: z.array(organization) });

/** A help center as Zoho's spec gives it (no portal name); a help center with no name is "Help center <id>". */
export const helpCenter = z.pipe(
  z.object({
    id: zohoId,
    name: z.optional(z.nullable(z.string())),
    isDefault: z.optional(z.nullable(zohoBoolean)),
    departmentIds: z.optional(z.nullable(z.array(zohoId))),
  }),
  z.transform(({ name, ...rest }) => ({
    ...rest,
    name: name?.trim() ? name : t('worker_help_center_unnamed', [rest.id]),
  })),
);
export type HelpCenter = z.infer<typeof helpCenter>;
export const helpCenterList = z.object({ data: z.array(helpCenter) });

const emailEntry = z.object({
  emailAddress: z.nullable(z.string()),
  isPrimary: z.optional(z.nullable(zohoBoolean)),
  isVerified: z.optional(z.nullable(zohoBoolean)),
});

/** A Help Center (community) end user, as `GET /users` lists it and `GET /users/{id}` returns it. */
export const helpCenterUser = z.object({
  id: zohoId,
  name: z.nullable(z.string()),
  emailAddress: z.optional(z.nullable(z.string())),
  email: z.optional(z.array(emailEntry)),
  contactId: z.optional(z.nullable(zohoId)),
  status: z.optional(z.nullable(z.string())),
});
export type HelpCenterUser = z.infer<typeof helpCenterUser>;
export const helpCenterUserList = z.object({
  data: z.array(helpCenterUser),
  count: z.optional(
    z.pipe(
      z.union([z.string(), z.number()]),
      z.transform((v) => Number(v)),
    ),
  ),
});

/** `GET /users`: a list, or 204 (parsed as null) when nothing matches. */
export const helpCenterUserPage = z.pipe(
  z.union([helpCenterUserList, z.null()]),
  z.transform((v) => v ?? { data: [] as HelpCenterUser[] }),
);

/** The user's primary email, wherever Zoho put it. */
export function primaryEmail(user: HelpCenterUser): string | undefined {
  if (user.emailAddress) return user.emailAddress;
  const list = user.email ?? [];
  return (
    (list.find((e) => e.isPrimary && e.emailAddress) ?? list.find((e) => e.emailAddress))?.emailAddress ?? undefined
  );
}

/**
 * A badge as Zoho's spec gives it: every field but the ID nullable, unknown fields ignored. A badge with no
 * name is shown as "Badge <id>".
 */
export const badge = z.pipe(
  z.object({
    id: zohoId,
    name: z.optional(z.nullable(z.string())),
    description: z.optional(z.nullable(z.string())),
    isCustom: z.optional(z.nullable(zohoBoolean)),
    iconUrl: z.optional(z.nullable(z.string())),
    levelName: z.optional(z.nullable(z.string())),
  }),
  z.transform(({ name, isCustom, ...rest }) => ({
    ...rest,
    name: name?.trim() ? name : t('worker_badge_unnamed', [rest.id]),
    ...(isCustom === null || isCustom === undefined ? {} : { isCustom }),
  })),
);
export type Badge = z.infer<typeof badge>;

/** `GET /users/{id}/badges`: `{data:[...]}` in Zoho's schema, a bare array in its example; 204 is empty. */
export const userBadges = z.pipe(
  z.union([z.array(badge), z.object({ data: z.array(badge) }), z.null()]),
  z.transform((v): Badge[] => (v === null ? [] : Array.isArray(v) ? v : v.data)),
);

/** `GET /badges`: every badge of the organization (same envelope choices as a user's badges). */
export const organizationBadges = userBadges;

/** Per-item reply of associate / dissociate (MassActionResponse): HTTP 200 even when items fail. */
export const bulkItemResult = z.object({
  id: zohoId,
  success: zohoBoolean,
  errors: z.optional(
    z.nullable(
      z.object({
        errorCode: z.optional(z.nullable(z.string())),
        /** A string or a number in Zoho's spec. */
        httpCode: z.optional(
          z.nullable(
            z.pipe(
              z.union([z.number(), z.string().check(z.regex(/^\d{3}$/))]),
              z.transform((v) => Number(v)),
            ),
          ),
        ),
        errorMessage: z.optional(z.nullable(z.string())),
        message: z.optional(z.nullable(z.string())),
        error: z.optional(z.nullable(z.string())),
      }),
    ),
  ),
});
export type BulkItemResult = z.infer<typeof bulkItemResult>;
export const bulkResults = z.object({ results: z.array(bulkItemResult) });
/** The Help Center DELETE route may answer with per-item results, or with nothing (204). */
export const nothingOrBulkResults = z.union([bulkResults, z.null()]);

export const contact = z.object({
  id: zohoId,
  email: z.optional(z.nullable(z.string())),
  secondaryEmail: z.optional(z.nullable(z.string())),
  firstName: z.optional(z.nullable(z.string())),
  lastName: z.optional(z.nullable(z.string())),
});
export type Contact = z.infer<typeof contact>;

/**
 * `GET /contacts/{id}/helpCenters` (ResponseHelpCenterUser): the contact's Help Center user in each help center.
 * Every level may be null in Zoho's schema; entries without a user ID say nothing and are dropped.
 */
const contactHelpCenter = z.object({
  helpCenter: z.optional(
    z.nullable(
      z.object({
        id: z.optional(z.nullable(zohoId)),
        name: z.optional(z.nullable(z.string())),
        url: z.optional(z.nullable(z.string())),
        status: z.optional(z.nullable(z.string())),
      }),
    ),
  ),
  userStatus: z.optional(z.nullable(z.string())),
  userId: z.optional(z.nullable(zohoId)),
});
export type ContactHelpCenter = z.infer<typeof contactHelpCenter> & { userId: string };
export const contactHelpCenters = z.pipe(
  z.union([z.object({ data: z.nullable(z.array(z.nullable(contactHelpCenter))) }), z.null()]),
  z.transform((v): ContactHelpCenter[] =>
    (v?.data ?? []).filter((entry): entry is ContactHelpCenter => typeof entry?.userId === 'string'),
  ),
);

/** A reply whose body we ignore (204, or `{}`), still parsed so nothing unchecked slips in. */
export const anyBody = z.unknown();
