/**
 * The panel for each kind of context (utils/removal/panel-context.ts): the compiler refuses a context kind a panel
 * can be shown without its panel here. Page kinds themselves are in utils/page-kinds/.
 */
import type { JSX } from 'preact';
import { type PanelApi, RemoveBadgesPanel, UnresolvedPanel } from '../../components/removal/RemoveBadgesPanel';
import type { PanelContext } from '../../utils/removal/panel-context';
import { ContactPanel, type ContactPanelApi } from './ContactPanel';

export interface PanelProps<C extends PanelContext = PanelContext> {
  api: PanelApi & ContactPanelApi;
  context: C;
  titleId: string;
  onClose: () => void;
}

type Panels = { [K in PanelContext['kind']]: (props: PanelProps<Extract<PanelContext, { kind: K }>>) => JSX.Element };

const PANELS = {
  user: ({ context, ...props }) => <RemoveBadgesPanel {...props} target={context.target} />,
  contact: ({ context, ...props }) => <ContactPanel {...props} contactId={context.contactId} />,
  unresolved: ({ context, ...props }) => <UnresolvedPanel {...props} problem={context.problem} />,
} satisfies Panels;

/** The panel for `context`, by its kind. */
export function ContextPanel(props: PanelProps) {
  const Panel = PANELS[props.context.kind] as (props: PanelProps) => JSX.Element;
  return <Panel {...props} />;
}
