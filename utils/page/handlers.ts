/** Page detection's configuration, handed to content scripts read-only. */
import type { Handlers } from '../platform/dispatch';
import { readPageConfig } from './config';
import type { pageRequests } from './requests';
import { floatingCornerItem } from './stored';

export function pageHandlers(): Handlers<typeof pageRequests> {
  return {
    getPageConfig: () => readPageConfig(),
    async saveCorner({ corner }) {
      await floatingCornerItem.setValue(corner);
      return null;
    },
  };
}
