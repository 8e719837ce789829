import { describe, expect, it } from 'vitest';
import {
  detectLabel,
  firstOrgChoice,
  javascriptDomain,
  planConnect,
  reconnectsAtOnce,
  secretFieldText,
  selfClientSteps,
  suggestedClientType,
} from '../../../utils/connection/settings-form';
import { ZohoError } from '../../../utils/platform/errors';

const VALID_ID = '1000.ABCDEFGHIJKLMNOPQRSTUVWX';
const fields = { clientType: 'mobile' as const, clientId: VALID_ID, secret: '', dataCenter: 'auto' };

describe('planConnect', () => {
  it('saves the client type, ID and data center, and no secret when none is typed', () => {
    expect(planConnect(fields, false)).toEqual({
      idProblem: null,
      secretProblem: null,
      codeProblem: null,
      input: { clientType: 'mobile', clientId: VALID_ID, dataCenter: 'auto' },
      connect: {},
    });
  });

  it('saves a typed secret as typed', () => {
    expect(planConnect({ ...fields, secret: ' s3cret ' }, false).input).toMatchObject({ clientSecret: ' s3cret ' });
    expect(planConnect({ ...fields, secret: '   ' }, false).input).not.toHaveProperty('clientSecret');
  });

  it('refuses a bad client ID', () => {
    const plan = planConnect({ ...fields, clientId: 'abc' }, false);
    expect(plan.input).toBeNull();
    expect(plan.idProblem).toMatch(/doesn't look like a Zoho Client ID/);
    expect(plan.secretProblem).toBeNull();
  });

  it('asks a Server-based client for its secret unless one is saved', () => {
    const server = { ...fields, clientType: 'server' as const };
    expect(planConnect(server, false)).toEqual({
      idProblem: null,
      secretProblem: 'A Server-based client needs its client secret.',
      codeProblem: null,
      input: null,
      connect: {},
    });
    expect(planConnect(server, true).input).toEqual({ clientType: 'server', clientId: VALID_ID, dataCenter: 'auto' });
    expect(planConnect({ ...server, secret: 'x' }, false).secretProblem).toBeNull();
  });

  it('a Self Client: needs its secret and a pasted code, sent with connect and never saved', () => {
    const self = { ...fields, clientType: 'self' as const, secret: 'the-secret' };
    const missing = planConnect({ ...self, code: '  ' }, false);
    expect(missing).toMatchObject({ codeProblem: "Paste the code Zoho's API console generated for the Self Client." });
    expect(missing.input).toBeNull();
    const plan = planConnect({ ...self, code: ' 1000.abcdef0123.456789abcd ' }, false);
    expect(plan.codeProblem).toBeNull();
    expect(plan.connect).toEqual({ code: '1000.abcdef0123.456789abcd' });
    expect(plan.input).toEqual({
      clientType: 'self',
      clientId: VALID_ID,
      dataCenter: 'auto',
      clientSecret: 'the-secret',
    });
    // The other types take no code, whatever the field held.
    expect(planConnect({ ...fields, code: '1000.abcdef0123' }, false).connect).toEqual({});
  });

  it("saves Firefox's redirect choice when the page offers one", () => {
    expect(planConnect({ ...fields, firefoxRedirect: 'loopback' }, false).input).toMatchObject({
      firefoxRedirect: 'loopback',
    });
    expect(planConnect(fields, false).input).not.toHaveProperty('firefoxRedirect');
  });

  it('reports both problems at once', () => {
    const plan = planConnect({ ...fields, clientType: 'server', clientId: '' }, false);
    expect(plan.idProblem).toBe("Enter the Client ID from Zoho's API console.");
    expect(plan.secretProblem).toMatch(/needs its client secret/);
    expect(plan.input).toBeNull();
  });
});

describe('the Self Client form', () => {
  it('never starts a reconnect by itself, and detects by trying each data center', () => {
    expect(reconnectsAtOnce('self')).toBe(false);
    expect(reconnectsAtOnce('mobile') && reconnectsAtOnce('server') && reconnectsAtOnce('client')).toBe(true);
    expect(detectLabel('self')).toBe('Detect (try each data center)');
    expect(detectLabel('mobile')).toBe('Detect at sign-in');
  });

  it('walks through the console in its own words: the scopes, the duration, the organization, CREATE', () => {
    const text = selfClientSteps().join(' ');
    for (const words of ['Self Client', 'Generate Code', 'Scope', 'Time Duration', '3, 5, 7 or 10 minutes', 'CREATE'])
      expect(text).toContain(words);
    expect(text).toMatch(/Desk organization/);
  });
});

describe('secretFieldText', () => {
  it('has no field for a Client-based client', () => {
    expect(secretFieldText('client', 'typed', true)).toBeNull();
  });

  it('hints for an optional secret until one is typed or saved', () => {
    expect(secretFieldText('mobile', '', false)).toEqual({
      label: 'Client secret (optional)',
      placeholder: 'Only if your client needs one',
      warn: false,
    });
    expect(secretFieldText('mobile', ' ', false)?.warn).toBe(false);
    expect(secretFieldText('mobile', 'x', false)?.warn).toBe(true);
    expect(secretFieldText('mobile', '', true)).toEqual({
      label: 'Client secret (optional)',
      placeholder: 'Saved (hidden); type to replace',
      warn: true,
    });
  });

  it('always warns for a required secret', () => {
    expect(secretFieldText('server', '', false)).toEqual({
      label: 'Client secret',
      placeholder: "From Zoho's API console",
      warn: true,
    });
  });
});

describe('javascriptDomain', () => {
  it('is the redirect URI origin', () => {
    expect(javascriptDomain('https://abc.chromiumapp.org/')).toBe('https://abc.chromiumapp.org');
    expect(javascriptDomain('https://x.extensions.allizom.org/cb?x=1')).toBe('https://x.extensions.allizom.org');
  });
});

describe('suggestedClientType', () => {
  const error = new ZohoError({ kind: 'auth', message: 'no', suggestClientType: 'server' }).toJSON();

  it('offers the type Zoho points to when it is another one', () => {
    expect(suggestedClientType(error, 'mobile')).toBe('server');
    expect(suggestedClientType(error, 'server')).toBeNull();
    expect(suggestedClientType(null, 'mobile')).toBeNull();
    expect(suggestedClientType(new ZohoError({ kind: 'auth', message: 'no' }).toJSON(), 'mobile')).toBeNull();
  });
});

describe('firstOrgChoice', () => {
  it('prefers the default organization, else the first, else none', () => {
    const a = { id: '1', name: 'A', isDefault: false };
    const b = { id: '2', name: 'B', isDefault: true };
    expect(firstOrgChoice([a, b])).toBe('2');
    expect(firstOrgChoice([a, { ...b, isDefault: false }])).toBe('1');
    expect(firstOrgChoice([])).toBe('');
  });
});
