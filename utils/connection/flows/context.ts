/** What every client type's flow works with: the injected dependencies, randomness, and the token store. */
import type { RandomBytes } from '../pkce';
import type { SecretStore } from '../secret-store';
import type { TokenStore } from '../token-store';

export interface IdentityLike {
  launchWebAuthFlow(details: {
    url: string;
    interactive: boolean;
    abortOnLoadForNonInteractive?: boolean;
    timeoutMsForNonInteractive?: number;
  }): Promise<string | undefined>;
  getRedirectURL(path?: string): string;
}

export interface AuthDeps {
  identity: IdentityLike;
  fetch: typeof fetch;
  now: () => number;
  /** Where the refresh token and the client secret are kept, out of content scripts' reach. */
  secrets: SecretStore;
  random?: RandomBytes;
  /**
   * The redirect URI Zoho sends the admin back to (default: the browser's own, `identity.getRedirectURL()`, or in
   * Firefox the loopback one when the settings pick it).
   */
  redirectUri?: () => Promise<string>;
}

export interface FlowContext {
  deps: AuthDeps;
  random: RandomBytes;
  tokens: TokenStore;
  redirectUri(): Promise<string>;
}
