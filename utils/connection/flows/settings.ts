import type { Settings } from '../stored';

/**
 * What a connect needs: the settings, the client secret from the secret store ('' when none), and for a Self
 * Client the code the admin pasted.
 */
export type ConnectSettings = Pick<Settings, 'clientId' | 'dataCenter'> &
  Partial<Pick<Settings, 'clientType'>> & { clientSecret: string; code?: string };
