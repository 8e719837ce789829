/** The integration for Help Center user pages: find the user, put the control beside their name. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import css from '../../components/panel.css?inline';
import { type PanelApi, type RemovalTarget, RemoveBadgesControl } from '../../components/RemoveBadgesControl';
import { request } from '../../utils/messaging-client';
import type { HelpCenterUserPage } from '../../utils/page';
import { findMainHeading, findUserEmailOnPage } from '../../utils/page/dom-fallback';
import { mountInShadowRoot } from '../../utils/shadow-mount';
import { waitFor } from '../../utils/wait-for';

export async function mountHelpCenterUserPage(page: HelpCenterUserPage, api: PanelApi, signal: AbortSignal) {
  const target = await resolveTarget(page, signal);
  if (!target || signal.aborted) return;
  await mountInShadowRoot({
    hostTag: 'badge-remover-control',
    css,
    findAnchor: () => findMainHeading(),
    render: (container) => render(<RemoveBadgesControl api={api} target={target} />, container),
    unrender: (container) => render(null, container),
    signal,
  });
}

/** The URL's user id, or else the email the page shows, looked up through the service worker. */
async function resolveTarget(page: HelpCenterUserPage, signal: AbortSignal): Promise<RemovalTarget | null> {
  const helpCenter = page.helpCenterId ? { helpCenterId: page.helpCenterId } : {};
  if (page.userId) return { userId: page.userId, ...helpCenter };
  const email = await waitFor(() => findUserEmailOnPage(document), signal);
  const user = await request(browser.runtime, 'findUserByEmail', { email, ...helpCenter }).catch(() => null);
  return user ? { userId: user.id, ...helpCenter } : null;
}
