/** Zoho's record IDs are digit strings (19 digits today); up to 30 are taken. The one rule for reading an ID. */
export const ZOHO_ID = /^\d{1,30}$/;

/** The same rule as a capturing group, for URL patterns. */
export const ZOHO_ID_GROUP = '(\\d{1,30})';

export function isZohoId(value: string): boolean {
  return ZOHO_ID.test(value);
}
