/** Zoho API console client IDs look like `1000.` followed by upper-case letters and digits. */
export const CLIENT_ID = /^1000\.[A-Z0-9]{20,40}$/;

/** An admin-facing reason the client ID cannot be used, or null when it looks right. */
export function clientIdProblem(raw: string): string | null {
  const value = raw.trim();
  if (!value) return "Enter the Client ID from Zoho's API console.";
  if (!CLIENT_ID.test(value)) {
    return 'That doesn\'t look like a Zoho Client ID. It starts with "1000." followed by 20–40 capital letters and digits; copy it from Zoho\'s API console (api-console.zoho.com).';
  }
  return null;
}
