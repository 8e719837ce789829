/** How a Help Center user is named to the admin: their name, else their email, else their ID. */
export function userDisplayName(user: { id: string; name?: string | null }, email?: string): string {
  return user.name?.trim() || email || `User ${user.id}`;
}
