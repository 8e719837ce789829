import { describe, expect, it } from 'vitest';
import { userDisplayName } from '../../../utils/platform/display-names';

describe('a user as named to the admin', () => {
  it('is their name, else their email, else their ID', () => {
    expect(userDisplayName({ id: '42', name: 'Carol Diaz' }, 'carol@zylker.com')).toBe('Carol Diaz');
    expect(userDisplayName({ id: '42', name: null }, 'carol@zylker.com')).toBe('carol@zylker.com');
    expect(userDisplayName({ id: '42', name: '  ' }, 'carol@zylker.com')).toBe('carol@zylker.com');
    expect(userDisplayName({ id: '42' })).toBe('User 42');
  });
});
