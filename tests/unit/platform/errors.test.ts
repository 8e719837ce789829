import { describe, expect, it } from 'vitest';
import { ExtensionError, type SerializedError, serializeError, ZohoError } from '../../../utils/platform/errors';

describe('a failure across the message boundary', () => {
  it('keeps every detail Zoho or the worker gave, and reads them back as the same fields', () => {
    const full: SerializedError = {
      kind: 'rate-limited',
      message: 'Too many calls.',
      action: 'Wait a minute.',
      status: 429,
      errorCode: 'TOO_MANY_REQUESTS',
      zohoMessage: 'You have made too many requests.',
      retryAfterSeconds: 60,
      suggestClientType: 'server',
    };
    const error = new ZohoError(full);
    expect(error).toMatchObject({ ...full, name: 'ZohoError' });
    expect(serializeError(error)).toEqual(full);
    expect(JSON.parse(JSON.stringify(error))).toEqual(full);
    expect(serializeError(new ZohoError(serializeError(error)))).toEqual(full);
  });

  it('says only what was given: no empty details, nothing beyond the known ones, no stack or cause', () => {
    const given = { kind: 'server', message: 'No answer.', action: undefined, token: 'secret' } as SerializedError;
    const error = new ExtensionError(given, { cause: new Error('port closed at chrome-extension://x/background.js') });
    expect(serializeError(error)).toEqual({ kind: 'server', message: 'No answer.' });
    expect(Object.keys(serializeError(error))).toEqual(['kind', 'message']);
    expect(error).not.toHaveProperty('token');
    expect(error).not.toHaveProperty('action');
  });
});
