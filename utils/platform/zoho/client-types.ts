/**
 * Zoho's API client types the extension can connect with. Each one is a different OAuth flow, and Zoho's
 * console decides which of them accepts the extension's redirect URI, so the admin picks the one they
 * could register. A Self Client needs no redirect URI at all: the admin pastes a code from the console.
 */
export const CLIENT_TYPES = ['mobile', 'server', 'client', 'self'] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];
export const DEFAULT_CLIENT_TYPE: ClientType = 'mobile';

export interface ClientTypeInfo {
  /** As Zoho's API console names it. */
  label: string;
  /** One line on when to choose it. */
  when: string;
  secret: 'optional' | 'required' | 'none';
  /** Whether it gets a refresh token (a lasting connection) or only tokens for the Zoho session. */
  lasting: boolean;
  /** Whether Zoho's consent comes back to the extension's redirect URI (the console must accept it). */
  redirect: boolean;
}

export const CLIENT_TYPE_INFO: Record<ClientType, ClientTypeInfo> = {
  mobile: {
    label: 'Mobile-based',
    when: 'The first choice: authorization code with PKCE, no secret needed, and the connection lasts.',
    secret: 'optional',
    lasting: true,
    redirect: true,
  },
  server: {
    label: 'Server-based',
    when: "When Zoho's console accepts the redirect URI only for a Server-based client: it needs the client secret.",
    secret: 'required',
    lasting: true,
    redirect: true,
  },
  client: {
    label: 'Client-based (JavaScript)',
    when: 'When only a JavaScript client can be registered: no secret, and it works while you are signed in to Zoho.',
    secret: 'none',
    lasting: false,
    redirect: true,
  },
  self: {
    label: 'Self Client (paste a code)',
    when: "When Zoho's console refuses the extension's redirect URI: no redirect at all. You paste a code you generate in the console; it needs the client secret, and the connection lasts.",
    secret: 'required',
    lasting: true,
    redirect: false,
  },
};

export function isClientType(value: unknown): value is ClientType {
  return (CLIENT_TYPES as readonly unknown[]).includes(value);
}
