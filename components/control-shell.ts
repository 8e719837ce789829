/**
 * The "Remove badges" button on Desk pages and the dialog it opens, in plain DOM. The flow inside the
 * dialog (Preact and the panels) is loaded on first use, so Desk pages pay only for the button.
 */

export interface PanelHost {
  /** Where the panel renders; empty when handed over. */
  body: HTMLElement;
  titleId: string;
  close(): void;
}

/** Renders a panel into the host; resolves to what takes it down again. */
export type OpenPanel = (host: PanelHost) => Promise<() => void>;

export interface ControlShellOptions {
  open: OpenPanel;
  /** Called once the admin points at or focuses the button: the panel's code can start loading. */
  warmUp?: () => void;
}

let nextId = 0;

/** The open dialog, and what takes its panel down once the panel is drawn. */
interface Shown {
  dialog: HTMLElement;
  takeDown?: () => void;
}

/** Puts the control into the container; returns what removes it (and any open panel). */
export function mountControlShell(container: HTMLElement, options: ControlShellOptions): () => void {
  const id = ++nextId;
  const panelId = `br-panel-${id}`;
  const titleId = `br-title-${id}`;
  const root = element('div', 'br-root');
  const trigger = element('button', 'br-trigger', 'Remove badges');
  trigger.type = 'button';
  trigger.setAttribute('aria-expanded', 'false');
  trigger.setAttribute('aria-controls', panelId);
  root.append(trigger);
  container.append(root);

  let shown: Shown | null = null;

  const close = () => {
    if (!shown) return;
    const { dialog, takeDown } = shown;
    shown = null;
    takeDown?.();
    dialog.remove();
    trigger.setAttribute('aria-expanded', 'false');
    trigger.focus();
  };

  const show = () => {
    const dialog = element('div', 'br-panel');
    dialog.id = panelId;
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-labelledby', titleId);
    // The panel's title names the dialog once drawn; until then (or if it cannot load) this does.
    dialog.setAttribute('aria-label', 'Remove badges');
    dialog.tabIndex = -1;
    // Escape the panel did not handle itself (it stops the ones it does) closes the dialog.
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') close();
    });
    const waiting = element('p', '', 'Opening…');
    waiting.setAttribute('role', 'status');
    waiting.prepend(spinner());
    const body = element('div', '');
    dialog.append(waiting, body);
    const opening: Shown = { dialog };
    shown = opening;
    root.append(dialog);
    trigger.setAttribute('aria-expanded', 'true');
    // Focus goes into the dialog at once, so Escape works while the panel loads; the panel moves it on.
    dialog.focus();
    options.open({ body, titleId, close }).then(
      (takeDown) => {
        if (shown !== opening) return takeDown();
        opening.takeDown = takeDown;
        waiting.remove();
      },
      (error: unknown) => {
        if (shown !== opening) return;
        waiting.replaceWith(loadFailure(titleId, error, close));
      },
    );
  };

  trigger.addEventListener('click', () => (shown ? close() : show()));
  if (options.warmUp) {
    const warmUp = options.warmUp;
    trigger.addEventListener('pointerenter', warmUp, { once: true });
    trigger.addEventListener('focus', warmUp, { once: true });
  }

  return () => {
    const takeDown = shown?.takeDown;
    shown = null;
    takeDown?.();
    root.remove();
  };
}

function loadFailure(titleId: string, error: unknown, close: () => void): HTMLElement {
  const box = element('div', '');
  const title = element('h2', '', 'Remove badges');
  title.id = titleId;
  const alert = element('div', 'br-error');
  alert.setAttribute('role', 'alert');
  alert.append(
    element('p', '', `The panel could not be opened: ${error instanceof Error ? error.message : String(error)}`),
    element(
      'p',
      'br-muted',
      'Reload the page. After an update of the extension, pages opened before it need a reload.',
    ),
  );
  const actions = element('div', 'br-actions');
  const closeButton = element('button', '', 'Close');
  closeButton.type = 'button';
  closeButton.addEventListener('click', close);
  actions.append(closeButton);
  box.append(title, alert, actions);
  return box;
}

function spinner(): HTMLElement {
  const span = element('span', 'br-spinner');
  span.setAttribute('aria-hidden', 'true');
  return span;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
