/** What Zoho's API console gives: the client ID, and a Self Client's code. */

/** Zoho API console client IDs look like `1000.` followed by upper-case letters and digits. */
export const CLIENT_ID = /^1000\.[A-Z0-9]{20,40}$/;

/** What a Self Client's code looks like: `1000.` and hex parts; loose, Zoho decides. */
const SELF_CLIENT_CODE = /^[\w.-]{10,400}$/;

/** An admin-facing reason the client ID cannot be used, or null when it looks right. */
export function clientIdProblem(raw: string): string | null {
  const value = raw.trim();
  if (!value) return "Enter the Client ID from Zoho's API console.";
  if (!CLIENT_ID.test(value)) {
    return 'That doesn\'t look like a Zoho Client ID. It starts with "1000." followed by 20–40 capital letters and digits; copy it from Zoho\'s API console (api-console.zoho.com).';
  }
  return null;
}

/** An admin-facing reason the pasted Self Client code cannot be used, or null when it looks like one. */
export function selfClientCodeProblem(raw: string): string | null {
  return SELF_CLIENT_CODE.test(raw.trim()) ? null : "Paste the code Zoho's API console generated for the Self Client.";
}
