import { describe, expect, it } from 'vitest';
import { noticeFor } from '../../../components/common/Notices';

describe('the connection notice for an error', () => {
  it('follows the kind, never the wording', () => {
    expect(noticeFor({ kind: 'choose-org', message: 'Pick one.' })).toBe('choose-org');
    expect(noticeFor({ kind: 'not-connected', message: 'Connect this organization first.' })).toBe('disconnected');
    expect(noticeFor({ kind: 'reconnect', message: 'Expired.' })).toBe('reconnect');
    expect(noticeFor({ kind: 'scope', message: 'A permission is missing.' })).toBe('reconnect');
    expect(noticeFor({ kind: 'forbidden', message: 'Choose another organization.' })).toBeNull();
  });
});
