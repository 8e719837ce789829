/**
 * Zoho's API client types the extension can connect with. Each one is a different OAuth flow, and Zoho's
 * console decides which of them accepts the extension's redirect URI, so the admin picks the one they
 * could register. A Self Client needs no redirect URI at all: the admin pastes a code from the console.
 */
import { t } from '../i18n';

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
    get label() {
      return t('worker_client_type_mobile');
    },
    get when() {
      return t('worker_client_type_mobile_when');
    },
    secret: 'optional',
    lasting: true,
    redirect: true,
  },
  server: {
    get label() {
      return t('worker_client_type_server');
    },
    get when() {
      return t('worker_client_type_server_when');
    },
    secret: 'required',
    lasting: true,
    redirect: true,
  },
  client: {
    get label() {
      return t('worker_client_type_client');
    },
    get when() {
      return t('worker_client_type_client_when');
    },
    secret: 'none',
    lasting: false,
    redirect: true,
  },
  self: {
    get label() {
      return t('worker_client_type_self');
    },
    get when() {
      return t('worker_client_type_self_when');
    },
    secret: 'required',
    lasting: true,
    redirect: false,
  },
};

export function isClientType(value: unknown): value is ClientType {
  return (CLIENT_TYPES as readonly unknown[]).includes(value);
}
