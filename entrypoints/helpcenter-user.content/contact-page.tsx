/** The integration for contact pages: the same control, for the Help Center user(s) the contact is. */
import { render } from 'preact';
import { ContactBadgesControl } from '../../components/ContactBadgesControl';
import css from '../../components/panel.css?inline';
import type { ContactPanelApi } from '../../components/RemoveBadgesControl';
import type { ContactPage } from '../../utils/page';
import { findMainHeading } from '../../utils/page/dom-fallback';
import { mountInShadowRoot } from '../../utils/shadow-mount';

export async function mountContactPage(page: ContactPage, api: ContactPanelApi, signal: AbortSignal) {
  await mountInShadowRoot({
    hostTag: 'badge-remover-control',
    css,
    findAnchor: () => findMainHeading(),
    render: (container) => render(<ContactBadgesControl api={api} contactId={page.contactId} />, container),
    unrender: (container) => render(null, container),
    signal,
  });
}
