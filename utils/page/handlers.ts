/** Page detection's configuration, handed to content scripts read-only. */
import type { Handlers } from '../platform/dispatch';
import { readPageConfig } from './config';
import type { pageRequests } from './requests';
import { floatingCornerItem } from './stored';

/** `deskAddresses`: the ones in force, as utils/handlers.ts reads them (the policy's or the admin's). */
export function pageHandlers(deskAddresses?: () => Promise<string[]>): Handlers<typeof pageRequests> {
  return {
    getPageConfig: () => readPageConfig(deskAddresses),
    async saveCorner({ corner }) {
      await floatingCornerItem.setValue(corner);
      return null;
    },
  };
}
