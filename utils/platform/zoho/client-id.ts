/** What Zoho's API console gives: the client ID, and a Self Client's code. */
import { t } from '../i18n';

/** Zoho API console client IDs look like `1000.` followed by upper-case letters and digits. */
export const CLIENT_ID = /^1000\.[A-Z0-9]{20,40}$/;

/** What a Self Client's code looks like: `1000.` and hex parts; loose, Zoho decides. */
const SELF_CLIENT_CODE = /^[\w.-]{10,400}$/;

/** An admin-facing reason the client ID cannot be used, or null when it looks right. */
export function clientIdProblem(raw: string): string | null {
  const value = raw.trim();
  if (!value) return t('worker_client_id_missing');
  if (!CLIENT_ID.test(value)) {
    return t('worker_client_id_malformed');
  }
  return null;
}

/** An admin-facing reason the pasted Self Client code cannot be used, or null when it looks like one. */
export function selfClientCodeProblem(raw: string): string | null {
  return SELF_CLIENT_CODE.test(raw.trim()) ? null : t('worker_self_client_code_malformed');
}
