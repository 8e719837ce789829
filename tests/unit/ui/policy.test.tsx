// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type BulkApi, BulkApp } from '../../../entrypoints/bulk/App';
import { type OptionsApi, OptionsApp } from '../../../entrypoints/options/App';
import type { StatusView } from '../../../utils/connection/requests';
import type { PolicyView } from '../../../utils/policy/policy';
import type { SettingsView } from '../../../utils/settings';

afterEach(cleanup);

const OWN = 'https://support.zylker.example';
const CLIENT_ID = '1000.ABCDEFGHIJKLMNOPQRSTUVWX';
const status: StatusView = { connection: 'disconnected', scopes: [], redirectUri: 'https://x.chromiumapp.org/' };
const settings: SettingsView = {
  clientType: 'mobile',
  clientId: CLIENT_ID,
  dataCenter: 'eu',
  removalRoute: 'users-dissociate',
  bulkConcurrency: 5,
  hasClientSecret: false,
  customPagePatterns: [],
  anchorSelector: '',
  deskAddresses: [OWN],
  deskAddressesWithoutAccess: [OWN],
  firefoxRedirect: 'extension',
  panelWindowWhereUnchecked: true,
};
const SET: PolicyView = {
  set: {
    clientType: 'mobile',
    clientId: CLIENT_ID,
    dataCenter: 'eu',
    removalRoute: 'users-dissociate',
    deskAddresses: [OWN],
  },
};

/** The options page's api: only what these tests reach answers. */
const optionsApi = (policy: PolicyView, over: Partial<OptionsApi> = {}) =>
  ({
    getStatus: vi.fn(async () => status),
    getSettings: vi.fn(async () => settings),
    getPolicy: vi.fn(async () => policy),
    hasZohoAccess: vi.fn(async () => true),
    watchZohoAccess: () => () => {},
    requestHostAccess: vi.fn(async () => true),
    addDeskAddress: vi.fn(async () => ({ ...settings, deskAddressesWithoutAccess: [] })),
    ...over,
  }) as unknown as OptionsApi;

describe('the options page under a policy', () => {
  it('shows each value the policy sets locked, saying so', async () => {
    render(<OptionsApp api={optionsApi(SET)} />);
    const clientId = (await screen.findByLabelText('Client ID')) as HTMLInputElement;
    expect(clientId.disabled).toBe(true);
    expect(clientId.value).toBe(CLIENT_ID);
    expect(clientId.getAttribute('aria-describedby')).toContain('client-id-locked');
    expect((screen.getByLabelText('Data center') as HTMLSelectElement).disabled).toBe(true);
    // A disabled fieldset disables its radios (the browser's rule; tests/policy checks them in Chromium).
    const group = (name: RegExp) => screen.getByRole('radio', { name }).closest('fieldset') as HTMLFieldSetElement;
    expect(group(/^Mobile-based/).disabled).toBe(true);
    expect(group(/^Users dissociate/).disabled).toBe(true);
    // Client type, client ID, data center, Desk addresses, removal route.
    expect(screen.getAllByText('Set by your organization')).toHaveLength(5);
    expect(screen.queryByRole('button', { name: `Remove ${OWN}` })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add address' })).toBeNull();
    // A policy that fits raises no alert.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("grants a policy's Desk address the browser has not allowed, from the admin's click", async () => {
    const api = optionsApi(SET);
    render(<OptionsApp api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: `Allow access to ${OWN}` }));
    await waitFor(() => expect(api.addDeskAddress).toHaveBeenCalledWith({ origin: OWN }));
    expect(api.requestHostAccess).toHaveBeenCalledWith(OWN);
    await waitFor(() => expect(screen.queryByRole('button', { name: `Allow access to ${OWN}` })).toBeNull());
  });

  it('says why a policy was refused, and locks nothing', async () => {
    render(<OptionsApp api={optionsApi({ set: {}, problem: 'clientId: a client ID from Zoho' })} />);
    expect((await screen.findByRole('alert')).textContent).toContain(
      "Your organization's policy for this extension could not be used, so none of it applies: clientId: a client ID from Zoho.",
    );
    expect(((await screen.findByLabelText('Client ID')) as HTMLInputElement).disabled).toBe(false);
    expect(screen.queryByText('Set by your organization')).toBeNull();
  });
});

describe('the bulk page with bulk removal turned off', () => {
  it('says so and offers nothing to plan', async () => {
    const api = {
      getPolicy: vi.fn(async () => ({ set: { bulkRemovalAllowed: false } })),
      getBulkRun: vi.fn(async () => null),
      watchRun: () => () => {},
    } as unknown as BulkApi;
    render(<BulkApp api={api} />);
    expect(await screen.findByText('Bulk removal: turned off by your organization.')).toBeTruthy();
    await waitFor(() => expect(api.getBulkRun).toHaveBeenCalled());
    expect(screen.queryByRole('button', { name: 'Dry run' })).toBeNull();
  });
});
