/** Removal's settings: the route to Zoho, and where the panel opens; the organization's policy may set the route. */
import * as z from 'zod/mini';
import { featureSettings } from '../platform/feature-settings';
import { t } from '../platform/i18n';
import { policyValues, setByOrganization } from '../policy/policy';
import { ROUTE_SETTINGS, type RouteSetting } from './routes';

export interface RemovalSettings {
  removalRoute: RouteSetting;
  /**
   * Where the browser cannot tell whether a page covers the panel (no IntersectionObserver v2: Firefox), the panel
   * opens in a window of its own rather than in the Desk page. Off: in the page, where it could be clicked through.
   */
  panelWindowWhereUnchecked: boolean;
}

export const DEFAULT_REMOVAL_SETTINGS: RemovalSettings = { removalRoute: 'auto', panelWindowWhereUnchecked: true };

export const removalSettings = /* @__PURE__ */ featureSettings<RemovalSettings>(
  'removalSettings',
  DEFAULT_REMOVAL_SETTINGS,
  { removalRoute: z.enum(ROUTE_SETTINGS), panelWindowWhereUnchecked: z.boolean() },
);

/** The settings in force: the organization's policy over what the admin saved. */
export async function readRemovalSettings(): Promise<RemovalSettings> {
  const [saved, policy] = await Promise.all([removalSettings.item.getValue(), policyValues()]);
  // The policy cannot import removal: its route values are its own, typed to fit RouteSetting here.
  const route: RouteSetting | undefined = policy.removalRoute;
  return route === undefined ? saved : { ...saved, removalRoute: route };
}

/**
 * Refuses a route other than the one the policy sets, before anything is saved; returns the write. The policy's
 * value itself is not stored as the admin's: theirs is kept for when the policy goes.
 */
export async function prepareRemovalSave(input: Partial<RemovalSettings>): Promise<() => Promise<void>> {
  const set = (await policyValues()).removalRoute;
  if (set !== undefined && input.removalRoute !== undefined && input.removalRoute !== set) {
    throw setByOrganization(t('worker_setting_removal_route'));
  }
  const route = set === undefined ? input.removalRoute : undefined;
  const { panelWindowWhereUnchecked: panelWindow } = input;
  return async () => {
    if (route === undefined && panelWindow === undefined) return;
    const saved = await removalSettings.item.getValue();
    await removalSettings.item.setValue({
      removalRoute: route ?? saved.removalRoute,
      panelWindowWhereUnchecked: panelWindow ?? saved.panelWindowWhereUnchecked,
    });
  };
}
