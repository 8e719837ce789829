import { useEffect, useRef, useState } from 'preact/hooks';
import type { RemovalReport } from '../utils/badges/report';
import type { ContactUsersView, Responses, UserBadgesView } from '../utils/messaging';
import { type MessageSender, request } from '../utils/messaging-client';
import { type SerializedError, serializeError } from '../utils/zoho/errors';
import { BadgeList } from './BadgeList';
import { ConfirmPreview, plural } from './ConfirmPreview';
import { ConnectionNotice, ErrorMessage, noticeFor } from './Notices';
import { RemovalResult, summary } from './RemovalResult';

export interface RemovalTarget {
  userId: string;
  helpCenterId?: string;
}

/** What the control needs from the service worker; injected so it can be tested without a browser. */
export interface PanelApi {
  getStatus(): Promise<Responses['getStatus']>;
  getUserBadges(target: RemovalTarget): Promise<UserBadgesView>;
  removeBadges(input: RemovalTarget & { badgeIds: string[] }): Promise<RemovalReport>;
  openOptions(): Promise<void>;
}

/** The control on contact pages also maps the contact to its Help Center user(s). */
export interface ContactPanelApi extends PanelApi {
  getContactUsers(contactId: string): Promise<ContactUsersView>;
}

export function createPanelApi(runtime: MessageSender): ContactPanelApi {
  return {
    getContactUsers: (contactId) => request(runtime, 'getContactUsers', { contactId }),
    getStatus: () => request(runtime, 'getStatus', {}),
    getUserBadges: (target) => request(runtime, 'getUserBadges', target),
    removeBadges: (input) => request(runtime, 'removeBadges', input),
    openOptions: async () => {
      await request(runtime, 'openOptions', {});
    },
  };
}

type Phase =
  | { name: 'loading' }
  | { name: 'notice'; state: 'disconnected' | 'reconnect' | 'choose-org'; detail?: string }
  | { name: 'error'; error: SerializedError }
  | { name: 'choose'; view: UserBadgesView; selected: Set<string> }
  | { name: 'preview'; view: UserBadgesView; selected: Set<string> }
  | { name: 'running'; view: UserBadgesView; count: number }
  | { name: 'result'; view: UserBadgesView; report: RemovalReport };

let nextId = 0;

/** The "Remove badges" button and its panel, for Desk pages. */
export function RemoveBadgesControl({ api, target }: { api: PanelApi; target: RemovalTarget }) {
  return (
    <ControlShell resetKey={`${target.userId}:${target.helpCenterId ?? ''}`}>
      {(close, titleId) => <RemoveBadgesPanel api={api} target={target} titleId={titleId} onClose={close} />}
    </ControlShell>
  );
}

/** The control on a page whose user could not be identified: it says why, with the fix when there is one. */
export function UnresolvedControl({ api, problem }: { api: PanelApi; problem: SerializedError }) {
  const notice = noticeFor(problem);
  return (
    <ControlShell resetKey={problem.message}>
      {(close, titleId) => (
        <>
          <h2 id={titleId}>Remove badges</h2>
          {notice ? (
            <ConnectionNotice state={notice} detail={problem.message} onFix={() => void api.openOptions()} />
          ) : (
            <ErrorMessage error={problem} />
          )}
          <div class="br-actions">
            <button type="button" onClick={close}>
              Close
            </button>
          </div>
        </>
      )}
    </ControlShell>
  );
}

/** The button that opens a dialog under it; a new resetKey (another user) closes it. */
export function ControlShell(props: {
  resetKey: string;
  children: (close: () => void, titleId: string) => preact.ComponentChildren;
}) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const ids = useRef({ panel: `br-panel-${++nextId}`, title: `br-title-${nextId}` }).current;

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };

  useEffect(() => {
    setOpen(false);
  }, [props.resetKey]);

  return (
    <div class="br-root">
      <button
        ref={trigger}
        type="button"
        class="br-trigger"
        aria-expanded={open}
        aria-controls={ids.panel}
        onClick={() => (open ? close() : setOpen(true))}
      >
        Remove badges
      </button>
      {open ? (
        <div id={ids.panel} class="br-panel" role="dialog" aria-labelledby={ids.title}>
          {props.children(close, ids.title)}
        </div>
      ) : null}
    </div>
  );
}

/**
 * The removal flow itself: choose, preview, confirm, verified report. Shared by the Desk page
 * control and the popup. It loads when it appears and focuses itself for the keyboard.
 */
export function RemoveBadgesPanel(props: {
  api: PanelApi;
  target: RemovalTarget;
  titleId: string;
  onClose: () => void;
}) {
  const { api, target } = props;
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  const root = useRef<HTMLDivElement>(null);
  const generation = useRef(0);

  const fail = (error: unknown) => {
    const serialized = serializeError(error);
    const notice = noticeFor(serialized);
    setPhase(
      notice ? { name: 'notice', state: notice, detail: serialized.message } : { name: 'error', error: serialized },
    );
  };

  const load = async () => {
    const mine = ++generation.current;
    setPhase({ name: 'loading' });
    try {
      const status = await api.getStatus();
      if (mine !== generation.current) return;
      if (status.connection !== 'connected') return setPhase({ name: 'notice', state: status.connection });
      const view = await api.getUserBadges(target);
      if (mine !== generation.current) return;
      setPhase({ name: 'choose', view, selected: new Set(view.badges.map((b) => b.id)) });
    } catch (error) {
      if (mine === generation.current) fail(error);
    }
  };
  useEffect(() => {
    root.current?.focus();
    void load();
    return () => {
      generation.current++;
    };
  }, [target.userId, target.helpCenterId]);

  const confirm = async (view: UserBadgesView, selected: Set<string>) => {
    const mine = ++generation.current;
    const badgeIds = view.badges.filter((b) => selected.has(b.id)).map((b) => b.id);
    setPhase({ name: 'running', view, count: badgeIds.length });
    try {
      const report = await api.removeBadges({ ...target, badgeIds });
      if (mine === generation.current) setPhase({ name: 'result', view, report });
    } catch (error) {
      if (mine === generation.current) fail(error);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    if (phase.name === 'preview') setPhase({ ...phase, name: 'choose' });
    else if (phase.name !== 'running') props.onClose();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the flow steps back or closes it.
    <div
      ref={root}
      class="br-flow"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      aria-busy={phase.name === 'loading' || phase.name === 'running'}
    >
      <h2 id={props.titleId}>Remove badges</h2>
      {'view' in phase ? (
        <p class="br-sub">
          {phase.view.user.name}
          {phase.view.user.email ? ` · ${phase.view.user.email}` : ''}
          {phase.view.helpCenter ? ` · ${phase.view.helpCenter.name}` : ''}
        </p>
      ) : null}
      <Body
        phase={phase}
        setPhase={setPhase}
        onConfirm={confirm}
        onClose={props.onClose}
        onRetry={load}
        onFix={() => api.openOptions().catch(fail)}
      />
      <div class="br-live" role="status" aria-live="polite">
        {phase.name === 'result' ? summary(phase.report) : phase.name === 'running' ? 'Removing badges…' : ''}
      </div>
    </div>
  );
}

function Body(props: {
  phase: Phase;
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
          Loading the user's badges…
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
            <p>{view.user.name} holds no badges.</p>
            <div class="br-actions">
              <button type="button" onClick={props.onClose}>
                Close
              </button>
            </div>
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
              Cancel
            </button>
            <button
              type="button"
              class="br-primary"
              disabled={selected.size === 0}
              onClick={() => setPhase({ ...phase, name: 'preview' })}
            >
              Review removal ({selected.size})
            </button>
          </div>
        </>
      );
    }
    case 'preview':
      return (
        <ConfirmPreview
          view={phase.view}
          badges={phase.view.badges.filter((b) => phase.selected.has(b.id))}
          onCancel={() => setPhase({ ...phase, name: 'choose' })}
          onConfirm={() => props.onConfirm(phase.view, phase.selected)}
        />
      );
    case 'running':
      return (
        <p>
          <span class="br-spinner" aria-hidden="true" />
          Removing {plural(phase.count, 'badge')} and verifying…
        </p>
      );
    case 'result':
      return (
        <>
          <RemovalResult report={phase.report} />
          <div class="br-actions">
            <button type="button" class="br-primary" onClick={props.onClose}>
              Done
            </button>
          </div>
        </>
      );
  }
}
