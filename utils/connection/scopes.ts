/** The scopes the extension asks for (docs/zoho.md §6): users, badges, search. */
export const DESK_SCOPES = [
  'Desk.basic.READ',
  'Desk.settings.READ',
  'Desk.settings.UPDATE',
  'Desk.contacts.READ',
  'Desk.contacts.UPDATE',
  'Desk.search.READ',
] as const;
