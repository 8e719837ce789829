// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type OptionsApi, OptionsApp } from '../../../entrypoints/options/App';
import { readMessages, speak } from '../../../scripts/locale-files';
import type { StatusView } from '../../../utils/connection/requests';
import { DESK_SCOPE_STRING } from '../../../utils/connection/scopes';
import { ZohoError } from '../../../utils/platform/errors';
import type { SettingsView } from '../../../utils/settings';

afterEach(cleanup);

const disconnected: StatusView = {
  connection: 'disconnected',
  scopes: ['Desk.basic.READ', 'Desk.contacts.UPDATE'],
  redirectUri: 'https://cjheecimhjkgjkobijngojplcehhnajo.chromiumapp.org/',
};
const settings: SettingsView = {
  clientType: 'mobile',
  clientId: '',
  dataCenter: 'auto',
  removalRoute: 'auto',
  bulkConcurrency: 5,
  firefoxRedirect: 'extension',
  panelWindowWhereUnchecked: true,
  hasClientSecret: false,
  customPagePatterns: [],
  anchorSelector: '',
  deskAddresses: [],
  deskAddressesWithoutAccess: [],
};
const VALID_ID = '1000.ABCDEFGHIJKLMNOPQRSTUVWX';

function api(over: Partial<OptionsApi> = {}): OptionsApi {
  return {
    getStatus: vi.fn(async () => disconnected),
    getSettings: vi.fn(async () => settings),
    saveSettings: vi.fn(
      async (input) => ({ ...settings, ...input, hasClientSecret: !!input.clientSecret }) as SettingsView,
    ),
    connect: vi.fn(async () => ({
      ...disconnected,
      connection: 'connected' as const,
      org: { id: '1', name: 'Zylker' },
      dataCenter: { location: 'us' as const, label: 'United States' },
      connectedAt: 1,
    })),
    disconnect: vi.fn(async () => disconnected),
    checkSetup: vi.fn(async () => ({ checkedAt: 1, probes: [] })),
    requestHostAccess: vi.fn(async () => true),
    addDeskAddress: vi.fn(async ({ origin }: { origin: string }) => ({ ...settings, deskAddresses: [origin] })),
    removeDeskAddress: vi.fn(async () => ({ ...settings, deskAddresses: [] })),
    copy: vi.fn(async () => {}),
    about: () => ({ version: '0.1.0', browser: 'Chrome/1' }),
    hasZohoAccess: vi.fn(async () => true),
    requestZohoAccess: vi.fn(async () => true),
    watchZohoAccess: () => () => {},
    listOrganizations: vi.fn(async () => [
      { id: '1', name: 'Zylker', isDefault: true },
      { id: '2', name: 'Zylker Labs', isDefault: false },
    ]),
    getPolicy: vi.fn(async () => ({ set: {} })),
    chooseOrganization: vi.fn(async ({ orgId }) => ({
      ...disconnected,
      connection: 'connected' as const,
      org: { id: orgId, name: orgId === '2' ? 'Zylker Labs' : 'Zylker' },
    })),
    ...over,
  };
}

describe('OptionsApp', () => {
  it("speaks the browser's language: Japanese, and Arabic right to left", async () => {
    for (const locale of ['ja', 'ar']) {
      speak(fakeBrowser.i18n, locale);
      const words = readMessages(locale);
      render(<OptionsApp api={api()} />);
      expect(await screen.findByRole('heading', { name: words.options_connect_title!.message })).toBeTruthy();
      expect(screen.getByLabelText(words.options_client_id!.message)).toBeTruthy();
      expect(screen.getByRole('button', { name: words.options_connect_button!.message })).toBeTruthy();
      cleanup();
    }
  });

  it('refuses an invalid client ID inline and saves nothing', async () => {
    const a = api();
    render(<OptionsApp api={a} />);
    fireEvent.input(await screen.findByLabelText('Client ID'), { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect to Zoho' }));
    expect(await screen.findByText(/doesn't look like a Zoho Client ID/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Client ID'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect to Zoho' }));
    expect(await screen.findByText("Enter the Client ID from Zoho's API console.")).toBeTruthy();
    expect(a.saveSettings).not.toHaveBeenCalled();
    expect(a.connect).not.toHaveBeenCalled();
  });

  it('saves then connects with a valid client ID, and shows the connection', async () => {
    const a = api();
    render(<OptionsApp api={a} />);
    fireEvent.input(await screen.findByLabelText('Client ID'), { target: { value: VALID_ID } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect to Zoho' }));
    await screen.findByRole('button', { name: 'Disconnect' });
    expect(a.saveSettings).toHaveBeenCalledWith({ clientType: 'mobile', clientId: VALID_ID, dataCenter: 'auto' });
    expect(a.connect).toHaveBeenCalled();
    expect(screen.getByText('United States')).toBeTruthy();
  });

  it('warns plainly once a client secret is typed', async () => {
    render(<OptionsApp api={api()} />);
    fireEvent.input(await screen.findByLabelText('Client secret (optional)'), { target: { value: 's3cret' } });
    expect(screen.getByText(/An extension cannot keep a secret confidential/)).toBeTruthy();
  });

  it('a Server-based client needs its secret, a Client-based one has none and shows the JavaScript domain', async () => {
    const a = api();
    render(<OptionsApp api={a} />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Server-based' }));
    fireEvent.input(screen.getByLabelText('Client ID'), { target: { value: VALID_ID } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect to Zoho' }));
    expect(await screen.findByText('A Server-based client needs its client secret.')).toBeTruthy();
    expect(a.saveSettings).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('radio', { name: 'Client-based (JavaScript)' }));
    expect(screen.queryByLabelText(/Client secret/)).toBeNull();
    expect(screen.getByText('https://cjheecimhjkgjkobijngojplcehhnajo.chromiumapp.org')).toBeTruthy();
  });

  it('a connect that fails because of the client type offers to switch to the one Zoho points to', async () => {
    const a = api({
      connect: vi.fn(async () => {
        throw new ZohoError({
          kind: 'auth',
          message: 'This Zoho client does not allow the authorization-code flow.',
          suggestClientType: 'client',
        });
      }),
    });
    render(<OptionsApp api={a} />);
    fireEvent.input(await screen.findByLabelText('Client ID'), { target: { value: VALID_ID } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect to Zoho' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Switch to Client-based (JavaScript)' }));
    expect((screen.getByRole('radio', { name: 'Client-based (JavaScript)' }) as HTMLInputElement).checked).toBe(true);
  });

  it("adds the organization's own Desk address only once the browser granted it, and removes it", async () => {
    const a = api();
    render(<OptionsApp api={a} />);
    fireEvent.input(await screen.findByLabelText('Desk address'), {
      target: { value: 'support.zylker.example/support' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add address' }));
    expect(await screen.findByText('https://support.zylker.example')).toBeTruthy();
    expect(a.requestHostAccess).toHaveBeenCalledWith('https://support.zylker.example');
    expect(a.addDeskAddress).toHaveBeenCalledWith({ origin: 'https://support.zylker.example' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove https://support.zylker.example' }));
    await waitFor(() => expect(a.removeDeskAddress).toHaveBeenCalledWith({ origin: 'https://support.zylker.example' }));
  });

  it('adds nothing when the browser did not grant the address, and refuses what is no address', async () => {
    const a = api({ requestHostAccess: vi.fn(async () => false) });
    render(<OptionsApp api={a} />);
    const field = await screen.findByLabelText('Desk address');
    fireEvent.input(field, { target: { value: 'http://support.zylker.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add address' }));
    expect(await screen.findByText(/must start with https/)).toBeTruthy();
    expect(a.requestHostAccess).not.toHaveBeenCalled();
    fireEvent.input(field, { target: { value: 'https://support.zylker.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add address' }));
    expect(await screen.findByText(/was not allowed, so nothing was added/)).toBeTruthy();
    expect(a.addDeskAddress).not.toHaveBeenCalled();
  });

  it("says what to do after an earlier version's exposed secrets were dealt with, and nothing otherwise", async () => {
    const exposed = { ...disconnected, secretsExposure: { refreshTokenRevoked: true, clientSecretExposed: true } };
    render(<OptionsApp api={api({ getStatus: vi.fn(async () => exposed) })} />);
    const notice = await screen.findByRole('alert', { name: 'Action needed after the update' });
    expect(notice.textContent).toContain('revoked at Zoho');
    expect(notice.textContent).toContain('generate a new client secret');
    cleanup();
    render(<OptionsApp api={api()} />);
    await screen.findByRole('button', { name: 'Connect to Zoho' });
    expect(screen.queryByRole('alert', { name: 'Action needed after the update' })).toBeNull();
  });

  it('a Self Client: the console steps and the scope string to copy, no redirect URI; the code goes with connect', async () => {
    const a = api();
    render(<OptionsApp api={a} />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Self Client (paste a code)' }));
    expect(screen.getByText(/On the Generate Code tab/)).toBeTruthy();
    expect(screen.getByText(/3, 5, 7 or 10 minutes/)).toBeTruthy();
    expect(screen.getByText(DESK_SCOPE_STRING)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy Scope string' })).toBeTruthy();
    expect(screen.queryByText(disconnected.redirectUri)).toBeNull();
    expect(screen.getByRole('option', { name: 'Detect (try each data center)' })).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Client ID'), { target: { value: VALID_ID } });
    fireEvent.input(screen.getByLabelText('Client secret'), { target: { value: 'the-secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect to Zoho' }));
    expect(await screen.findByText("Paste the code Zoho's API console generated for the Self Client.")).toBeTruthy();
    expect(a.connect).not.toHaveBeenCalled();

    fireEvent.input(screen.getByLabelText('Code'), { target: { value: ' 1000.0123456789abcdef.fedcba9876543210 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect to Zoho' }));
    await screen.findByRole('button', { name: 'Disconnect' });
    expect(a.saveSettings).toHaveBeenCalledWith({
      clientType: 'self',
      clientId: VALID_ID,
      dataCenter: 'auto',
      clientSecret: 'the-secret',
    });
    expect(a.connect).toHaveBeenCalledWith({ code: '1000.0123456789abcdef.fedcba9876543210' });
  });

  it("an expired Self Client's Reconnect waits for a new code, with the focus on it, and opens no sign-in", async () => {
    const a = api({
      getStatus: vi.fn(async () => ({ ...disconnected, connection: 'reconnect' as const })),
      getSettings: vi.fn(async () => ({ ...settings, clientType: 'self' as const, hasClientSecret: true })),
    });
    render(<OptionsApp api={a} reconnectNow pasteCode />);
    const code = await screen.findByLabelText('Code');
    await waitFor(() => expect(document.activeElement).toBe(code));
    // Nothing was tried: no sign-in, and no complaint about a code not pasted yet.
    expect(a.connect).not.toHaveBeenCalled();
    expect(a.saveSettings).not.toHaveBeenCalled();
    expect(screen.queryByText(/Paste the code/)).toBeNull();
  });

  it('in Firefox, shows both redirect URIs with Copy, and saves the one the admin picked', async () => {
    const firefox = 'https://2d7c577a46873c06e81a635e45585f7715321f4a.extensions.allizom.org/';
    const loopback = 'http://127.0.0.1/mozoauth2/2d7c577a46873c06e81a635e45585f7715321f4a';
    const a = api({
      getStatus: vi.fn(async () => ({
        ...disconnected,
        redirectUri: firefox,
        firefoxRedirects: { extension: firefox, loopback },
      })),
    });
    render(<OptionsApp api={a} />);
    expect(await screen.findByText(firefox)).toBeTruthy();
    expect(screen.getByText(loopback)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy Loopback redirect URI' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Loopback (127.0.0.1)' }));
    fireEvent.input(screen.getByLabelText('Client ID'), { target: { value: VALID_ID } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect to Zoho' }));
    await screen.findByRole('button', { name: 'Disconnect' });
    expect(a.saveSettings).toHaveBeenCalledWith(expect.objectContaining({ firefoxRedirect: 'loopback' }));
  });

  it('shows the redirect URI and the scopes', async () => {
    render(<OptionsApp api={api()} />);
    expect(await screen.findByText(disconnected.redirectUri)).toBeTruthy();
    expect(screen.getByText('Desk.basic.READ, Desk.contacts.UPDATE')).toBeTruthy();
  });

  it('offers a picker for several organizations', async () => {
    const a = api({ getStatus: vi.fn(async () => ({ ...disconnected, connection: 'choose-org' as const })) });
    render(<OptionsApp api={a} />);
    fireEvent.click(await screen.findByRole('radio', { name: /Zylker Labs/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Use this organization' }));
    await screen.findByText('Zylker Labs');
    expect(a.chooseOrganization).toHaveBeenCalledWith({ orgId: '2' });
  });

  it('shows a failing organization listing as an error, never an empty list', async () => {
    const a = api({
      getStatus: vi.fn(async () => ({ ...disconnected, connection: 'choose-org' as const })),
      listOrganizations: vi.fn(async () => {
        throw new ZohoError({ kind: 'server', message: 'Zoho Desk failed with HTTP 500.' });
      }),
    });
    render(<OptionsApp api={a} />);
    expect((await screen.findByRole('alert')).textContent).toContain('HTTP 500');
    expect(screen.queryByRole('radio', { name: /Zylker/ })).toBeNull();
  });

  it('blocks saving when a URL pattern line is invalid', async () => {
    const a = api();
    render(<OptionsApp api={a} />);
    fireEvent.input(await screen.findByLabelText(/URL patterns/), {
      target: { value: '/agent/{portal}/users/{userId}\n/agent/{nope}' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save advanced settings' }));
    expect(await screen.findByText(/Line 2: Unknown placeholder \{nope\}/)).toBeTruthy();
    expect(a.saveSettings).not.toHaveBeenCalled();
  });

  it('the panel opens in its own window where the browser cannot check it, unless turned off, with a warning', async () => {
    const a = api();
    render(<OptionsApp api={a} />);
    const box = (await screen.findByRole('checkbox', { name: /in a window of its own/ })) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(screen.queryByText(/could hide the panel/)).toBeNull();
    fireEvent.click(box);
    expect(screen.getByText(/Off: in Firefox a Desk page could hide the panel/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save advanced settings' }));
    await vi.waitFor(() =>
      expect(a.saveSettings).toHaveBeenCalledWith(expect.objectContaining({ panelWindowWhereUnchecked: false })),
    );
  });

  it('asks before disconnecting', async () => {
    const a = api({
      getStatus: vi.fn(async () => ({
        ...disconnected,
        connection: 'connected' as const,
        org: { id: '1', name: 'Zylker' },
      })),
    });
    render(<OptionsApp api={a} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Disconnect' }));
    expect(a.disconnect).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, disconnect' }));
    await screen.findByRole('button', { name: 'Connect to Zoho' });
    expect(a.disconnect).toHaveBeenCalled();
  });

  it('says when the browser withholds access to Zoho, and asks for it with one click', async () => {
    let granted = false;
    const requestZohoAccess = vi.fn(async () => {
      granted = true;
      return true;
    });
    render(<OptionsApp api={api({ hasZohoAccess: async () => granted, requestZohoAccess })} />);
    const alert = await screen.findByRole('alert', { name: /not letting the extension reach Zoho/ });
    expect(alert.textContent).toContain('the Remove badges control is not added');
    fireEvent.click(screen.getByRole('button', { name: 'Allow access to Zoho' }));
    await waitFor(() => expect(screen.queryByRole('alert', { name: /not letting the extension/ })).toBeNull());
    expect(requestZohoAccess).toHaveBeenCalledTimes(1);
  });

  it('keeps the notice, saying so, when the admin refuses access', async () => {
    render(<OptionsApp api={api({ hasZohoAccess: async () => false, requestZohoAccess: async () => false })} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Allow access to Zoho' }));
    expect(await screen.findByText(/Access was not granted/)).toBeTruthy();
  });

  it('says nothing of site access while the browser grants it, and says it once access is taken away', async () => {
    let granted = true;
    let changed = () => {};
    const hasZohoAccess = vi.fn(async () => granted);
    const watchZohoAccess = (on: () => void) => {
      changed = on;
      return () => {};
    };
    render(<OptionsApp api={api({ hasZohoAccess, watchZohoAccess })} />);
    await screen.findByText(/Connect the extension/);
    // The browser's answer is in before the absence is read.
    await waitFor(() => expect(hasZohoAccess).toHaveBeenCalled());
    await hasZohoAccess.mock.results[0]!.value;
    expect(screen.queryByRole('button', { name: 'Allow access to Zoho' })).toBeNull();
    granted = false;
    changed();
    expect(await screen.findByRole('button', { name: 'Allow access to Zoho' })).toBeTruthy();
  });
});
