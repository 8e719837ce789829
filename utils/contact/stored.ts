import { storage } from 'wxt/utils/storage';
import type { ContactUsersView } from './contact';

/** Contact → Help Center users, remembered for the browser session so a return visit costs no lookup. */
export const contactUsersItem = storage.defineItem<Record<string, ContactUsersView>>('session:contactUsers', {
  fallback: {},
});
