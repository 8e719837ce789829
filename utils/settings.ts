/**
 * The options page's settings, gathered from the features that own them: one request reads them all, one saves
 * them. Every feature checks its part (the policy's refusals too) before any part is written.
 */
import * as z from 'zod/mini';
import { type BulkSettings, bulkSettings, prepareBulkSave, readBulkSettings } from './bulk/settings';
import {
  type ConnectionSettingsInput,
  type ConnectionSettingsView,
  connectionSettingsInput,
} from './connection/requests';
import { type PageSettings, pageSettings, pageSettingsInput, preparePageSave } from './page/settings';
import { type Handlers, PAGES_ONLY, replies } from './platform/dispatch';
import { prepareRemovalSave, type RemovalSettings, readRemovalSettings, removalSettings } from './removal/settings';

export type SettingsView = ConnectionSettingsView & PageSettings & RemovalSettings & BulkSettings;

export const settingsRequests = {
  getSettings: { from: PAGES_ONLY, input: z.object({}), reply: replies<SettingsView>() },
  saveSettings: {
    from: PAGES_ONLY,
    input: z.object({
      ...connectionSettingsInput,
      ...pageSettingsInput,
      ...removalSettings.input,
      ...bulkSettings.input,
    }),
    reply: replies<SettingsView>(),
  },
} as const;

export type SettingsInput = z.infer<typeof settingsRequests.saveSettings.input>;

/** The connection's part, from its handlers (wired in utils/handlers.ts). */
export interface ConnectionSettings {
  view(): Promise<ConnectionSettingsView>;
  prepareSave(input: ConnectionSettingsInput): Promise<() => Promise<void>>;
}

export function settingsHandlers(connection: ConnectionSettings): Handlers<typeof settingsRequests> {
  const view = async (): Promise<SettingsView> => ({
    ...(await connection.view()),
    ...(await pageSettings()),
    ...(await readRemovalSettings()),
    ...(await readBulkSettings()),
  });
  return {
    getSettings: view,
    async saveSettings(input) {
      const writes = [
        await connection.prepareSave(input),
        await prepareRemovalSave(input),
        await preparePageSave(input),
        await prepareBulkSave(input),
      ];
      for (const write of writes) await write();
      return view();
    },
  };
}

/** Once, at the worker's start: each feature takes its fields from the single item earlier versions kept. */
export async function adoptFormerSettings(): Promise<void> {
  await Promise.all([removalSettings.adoptFormer(), bulkSettings.adoptFormer()]);
}
