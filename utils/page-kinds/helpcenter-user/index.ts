/** Help Center user pages: the user the URL names, or the one whose email the page shows. */
import type { PageKind } from '../kind';
import { detectHelpCenterUserPage, type HelpCenterUserPage, helpCenterUserPageKey } from './detect';
import { identifyHelpCenterUser } from './identify';

export const helpCenterUserPageKind: PageKind<HelpCenterUserPage> = {
  kind: 'helpcenter-user',
  detect: detectHelpCenterUserPage,
  key: helpCenterUserPageKey,
  identify: identifyHelpCenterUser,
};

export type { HelpCenterUserPage };
