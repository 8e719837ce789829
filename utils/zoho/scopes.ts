/** The scopes the extension asks for (reference/zoho-api.md §2.9): users, badges, search. */
export const DESK_SCOPES = [
  'Desk.basic.READ',
  'Desk.settings.READ',
  'Desk.settings.UPDATE',
  'Desk.contacts.READ',
  'Desk.contacts.UPDATE',
  'Desk.search.READ',
] as const;
