import { Component, createContext, createRef } from 'preact';
import type { Client } from '../../utils/client';
import type { ConnectedOrg } from '../../utils/connection/stored';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { plural, t } from '../../utils/platform/i18n';
import type { UserBadgesView } from '../../utils/platform/zoho/views';
import type { RemovalTarget } from '../../utils/removal/panel-context';
import type { PanelChoices, PanelChoicesStore } from '../../utils/removal/panel-frame';
import type { RemovalReport } from '../../utils/removal/report';
import { GatedButton } from '../common/GatedButton';
import { CloseAction, ConnectionNotice, ErrorMessage, noticeFor } from '../common/Notices';
import { BadgeList } from './BadgeList';
import { ConfirmPreview, previewSentence, whereSentence } from './ConfirmPreview';
import { RemovalResult, summary } from './RemovalResult';

/** What the removal panels ask the service worker (injected, so they can be tested without a browser). */
export type PanelApi = Pick<Client, 'getStatus' | 'getUserBadges' | 'removeBadges' | 'openOptions'>;

type Phase =
  | { name: 'loading' }
  | { name: 'notice'; state: 'disconnected' | 'reconnect' | 'choose-org'; detail?: string }
  | { name: 'error'; error: SerializedError }
  | { name: 'choose'; view: UserBadgesView; selected: Set<string> }
  | { name: 'preview'; view: UserBadgesView; selected: Set<string> }
  | { name: 'running'; view: UserBadgesView; count: number }
  | { name: 'result'; view: UserBadgesView; report: RemovalReport };

/**
 * Where the panel keeps the admin's choices, when its page keeps them (the panel frame does, so a frame that
 * reloads goes on where it was); none in the popup.
 */
export const PanelChoicesContext = createContext<PanelChoicesStore | null>(null);

const sameTarget = (a: RemovalTarget, b: RemovalTarget) => a.userId === b.userId && a.helpCenterId === b.helpCenterId;

/** The step the admin was on, over a fresh read of the badges: a badge no longer held is no longer chosen. */
function restoredPhase(view: UserBadgesView, saved: PanelChoices | null): Phase {
  if (saved?.step === 'result' && saved.report) return { name: 'result', view, report: saved.report };
  const held = new Set(view.badges.map((b) => b.id));
  const selected = saved ? new Set(saved.selected.filter((id) => held.has(id))) : held;
  return { name: saved?.step === 'preview' && selected.size > 0 ? 'preview' : 'choose', view, selected };
}

/** What to keep of a step: the choice and where it is; nothing while loading or failed. */
function choicesOf(target: RemovalTarget, phase: Phase): PanelChoices | null {
  const base = { userId: target.userId, ...(target.helpCenterId ? { helpCenterId: target.helpCenterId } : {}) };
  if (phase.name === 'choose' || phase.name === 'preview')
    return { ...base, step: phase.name, selected: [...phase.selected] };
  if (phase.name === 'result') return { ...base, step: 'result', selected: [], report: phase.report };
  return null;
}

/** The panel on a page whose user could not be identified: it says why, with the fix when there is one. */
export function UnresolvedPanel(props: {
  api: PanelApi;
  problem: SerializedError;
  titleId: string;
  onClose: () => void;
}) {
  const { api, problem } = props;
  const notice = noticeFor(problem);
  return (
    <>
      <h2 id={props.titleId}>{t('panel_page_title')}</h2>
      {notice ? (
        <ConnectionNotice state={notice} detail={problem.message} onFix={() => void api.openOptions()} />
      ) : (
        <ErrorMessage error={problem} />
      )}
      <CloseAction onClose={props.onClose} />
    </>
  );
}

interface RemoveBadgesPanelProps {
  api: PanelApi;
  target: RemovalTarget;
  titleId: string;
  onClose: () => void;
}

/**
 * The removal flow itself: choose, preview, confirm, verified report. Shared by the Desk page
 * control and the popup. It loads when it appears and focuses itself for the keyboard.
 * Class components here and in the other panels: hooks would add preact/hooks to the Desk page's panel script.
 */
export class RemoveBadgesPanel extends Component<RemoveBadgesPanelProps, { phase: Phase; org?: ConnectedOrg }> {
  static override contextType = PanelChoicesContext;
  declare context: PanelChoicesStore | null;
  override state: { phase: Phase; org?: ConnectedOrg } = { phase: { name: 'loading' } };
  private readonly root = createRef<HTMLDivElement>();
  /** Bumped by every load, confirm and unmount: a reply for an older one is dropped. */
  private generation = 0;

  private readonly setPhase = (phase: Phase) => this.setState({ phase });

  private readonly fail = (error: unknown) => {
    const serialized = serializeError(error);
    const notice = noticeFor(serialized);
    this.setPhase(
      notice ? { name: 'notice', state: notice, detail: serialized.message } : { name: 'error', error: serialized },
    );
  };

  private readonly load = async () => {
    const { api, target } = this.props;
    const mine = ++this.generation;
    this.setPhase({ name: 'loading' });
    try {
      const status = await api.getStatus();
      if (mine !== this.generation) return;
      if (status.connection !== 'connected') return this.setPhase({ name: 'notice', state: status.connection });
      // The organization the removal happens in, named by the preview (the worker refused a page of another).
      this.setState({ org: status.org });
      const view = await api.getUserBadges(target);
      if (mine !== this.generation) return;
      const saved = this.context?.read() ?? null;
      this.setPhase(restoredPhase(view, saved && sameTarget(saved, target) ? saved : null));
    } catch (error) {
      if (mine === this.generation) this.fail(error);
    }
  };

  private readonly confirm = async (view: UserBadgesView, selected: Set<string>) => {
    const mine = ++this.generation;
    const badgeIds = view.badges.filter((b) => selected.has(b.id)).map((b) => b.id);
    this.setPhase({ name: 'running', view, count: badgeIds.length });
    try {
      const report = await this.props.api.removeBadges({ ...this.props.target, badgeIds });
      if (mine === this.generation) this.setPhase({ name: 'result', view, report });
    } catch (error) {
      if (mine === this.generation) this.fail(error);
    }
  };

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    const { phase } = this.state;
    if (phase.name === 'preview') this.setPhase({ ...phase, name: 'choose' });
    else if (phase.name !== 'running') this.props.onClose();
  };

  private start() {
    this.root.current?.focus();
    void this.load();
  }

  override componentDidMount() {
    this.start();
  }

  override componentDidUpdate(previous: RemoveBadgesPanelProps, before: { phase: Phase }) {
    const { target } = this.props;
    if (previous.target.userId !== target.userId || previous.target.helpCenterId !== target.helpCenterId) {
      this.start();
      return;
    }
    const { phase } = this.state;
    if (phase !== before.phase) {
      const choices = choicesOf(target, phase);
      if (choices) this.context?.write(choices);
    }
    if (before.phase.name !== phase.name) this.focusStep(before.phase.name);
  }

  /**
   * Every step change moves focus to the new step (it would fall to <body> with the removed element): back from
   * the preview to the Review button, otherwise to the step's first control or the element marked to be read.
   */
  private focusStep(from: Phase['name']) {
    const root = this.root.current;
    if (!root) return;
    const target =
      (from === 'preview' && this.state.phase.name === 'choose'
        ? root.querySelector<HTMLElement>('[data-review]')
        : null) ??
      root.querySelector<HTMLElement>('[data-step-focus]') ??
      root.querySelector<HTMLElement>('input, button:not(:disabled)') ??
      root;
    target.focus();
  }

  override componentWillUnmount() {
    this.generation++;
  }

  override render() {
    const { props } = this;
    const { phase } = this.state;
    return (
      // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the flow steps back or closes it.
      <div ref={this.root} class="br-flow" tabIndex={-1} onKeyDown={this.onKeyDown}>
        <h2 id={props.titleId}>{t('panel_page_title')}</h2>
        {'view' in phase ? (
          <p class="br-sub">
            {phase.view.user.name}
            {phase.view.user.email ? ` · ${phase.view.user.email}` : ''}
            {phase.view.helpCenter ? ` · ${phase.view.helpCenter.name}` : ''}
          </p>
        ) : null}
        <div aria-busy={phase.name === 'loading' || phase.name === 'running'}>
          <Body
            phase={phase}
            setPhase={this.setPhase}
            org={this.state.org}
            onConfirm={this.confirm}
            onClose={props.onClose}
            onRetry={this.load}
            onFix={() => props.api.openOptions().catch(this.fail)}
          />
        </div>
        {/* Outside the busy part, so screen readers announce each step: the preview, the run, the result. */}
        <div class="br-live" role="status" aria-live="polite">
          {announcement(phase, this.state.org)}
        </div>
      </div>
    );
  }
}

/** What the live region says at each step. */
function announcement(phase: Phase, org: ConnectedOrg | undefined): string {
  if (phase.name === 'preview') {
    const preview = previewSentence(phase.view, phase.selected.size);
    return org
      ? t('panel_preview_announce_where', [preview, whereSentence(org)])
      : t('panel_preview_announce', [preview]);
  }
  if (phase.name === 'running') return plural('panel_removing', phase.count);
  if (phase.name === 'result') return summary(phase.report);
  return '';
}

function Body(props: {
  phase: Phase;
  org: ConnectedOrg | undefined;
  setPhase: (p: Phase) => void;
  onConfirm: (view: UserBadgesView, selected: Set<string>) => void;
  onClose: () => void;
  onRetry: () => void;
  onFix: () => void;
}) {
  const { phase, setPhase } = props;
  switch (phase.name) {
    case 'loading':
      return (
        <p>
          <span class="br-spinner" aria-hidden="true" />
          {t('panel_loading')}
        </p>
      );
    case 'notice':
      return <ConnectionNotice state={phase.state} detail={phase.detail} onFix={props.onFix} />;
    case 'error':
      return <ErrorMessage error={phase.error} onRetry={props.onRetry} />;
    case 'choose': {
      const { view, selected } = phase;
      if (view.badges.length === 0) {
        return (
          <>
            <p>{t('panel_no_badges', [view.user.name])}</p>
            <CloseAction onClose={props.onClose} />
          </>
        );
      }
      return (
        <>
          <BadgeList
            badges={view.badges}
            selected={selected}
            onChange={(next) => setPhase({ ...phase, selected: next })}
          />
          <div class="br-actions">
            <button type="button" onClick={props.onClose}>
              {t('panel_cancel')}
            </button>
            <GatedButton
              class="br-primary"
              data-review
              disabled={selected.size === 0}
              onClick={() => setPhase({ ...phase, name: 'preview' })}
            >
              {t('panel_review', [selected.size])}
            </GatedButton>
          </div>
        </>
      );
    }
    case 'preview':
      return (
        <ConfirmPreview
          view={phase.view}
          org={props.org}
          badges={phase.view.badges.filter((b) => phase.selected.has(b.id))}
          onCancel={() => setPhase({ ...phase, name: 'choose' })}
          onConfirm={() => props.onConfirm(phase.view, phase.selected)}
        />
      );
    case 'running':
      return (
        <p class="br-step-focus" tabIndex={-1} data-step-focus>
          <span class="br-spinner" aria-hidden="true" />
          {plural('panel_removing', phase.count)}
        </p>
      );
    case 'result':
      return (
        <>
          <RemovalResult report={phase.report} />
          <div class="br-actions">
            <button type="button" class="br-primary" data-step-focus onClick={props.onClose}>
              {t('panel_done')}
            </button>
          </div>
        </>
      );
  }
}
