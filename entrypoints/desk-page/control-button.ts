/**
 * The "Remove badges" button on Desk pages, in plain DOM: the one part of the control the content script carries.
 * What opens the panel (its frame, loaded ahead, placed and followed: entrypoints/desk-panel-opener) is a module of
 * its own, loaded only where a button is put in (most Desk pages have none): right after it is, or sooner if the
 * admin comes near it (pointer, focus) or clicks, which it then handles. The button acts only on trusted clicks,
 * so a page script calling `.click()` opens nothing.
 */

import { t } from '../../utils/platform/i18n';
import type { PanelOpener } from '../../utils/removal/panel-opener';

/** The opener attached to that button. */
export type AttachPanelOpener = (trigger: HTMLButtonElement) => PanelOpener;

export interface ControlButtonOptions {
  /** Loads the panel opener and gives what attaches it to the button; may fail (the click then says why). */
  loadOpener: () => Promise<AttachPanelOpener>;
  /** Runs `load` soon after the button is in the page (by default in the next task); returns what cancels it. */
  soon?: (load: () => void) => () => void;
}

function nextTask(run: () => void): () => void {
  const id = setTimeout(run, 0);
  return () => clearTimeout(id);
}

/** Puts the button into the container; returns what removes it (and the opener, with any open panel). */
export function mountControlButton(container: HTMLElement, options: ControlButtonOptions): () => void {
  const root = document.createElement('div');
  root.className = 'br-root';
  const trigger = document.createElement('button');
  trigger.className = 'br-trigger';
  trigger.type = 'button';
  trigger.textContent = t('control_button');
  trigger.setAttribute('aria-expanded', 'false');
  root.append(trigger);
  container.append(root);

  let opener: PanelOpener | null = null;
  let loading: Promise<PanelOpener | null> | null = null;
  let removed = false;
  let failure: HTMLElement | null = null;

  /** The opener attached to the button, loading it once; a failure to load or attach is thrown, and the next call
   * tries again. */
  const load = (): Promise<PanelOpener | null> =>
    (loading ??= options
      .loadOpener()
      .then((attach) => {
        if (removed) return null;
        opener = attach(trigger);
        return opener;
      })
      .catch((error: unknown) => {
        loading = null;
        throw error;
      }));

  /** Why the panel cannot open, beside the button until the next click (one message, however many clicks). */
  const sayFailed = (error: unknown) => {
    if (removed) return;
    failure ??= document.createElement('span');
    failure.className = 'br-failed';
    failure.setAttribute('role', 'alert');
    failure.textContent = `${t('control_open_failed', [error instanceof Error ? error.message : String(error)])} ${t('control_reload_hint')}`;
    root.append(failure);
  };

  trigger.addEventListener('click', (event) => {
    // A page script's `.click()` or dispatched event is not the admin.
    if (!event.isTrusted) return;
    failure?.remove();
    failure = null;
    if (opener) {
      opener.toggle();
      return;
    }
    load().then((loaded) => loaded?.toggle(), sayFailed);
  });
  // The admin coming near: the opener, and through it the frame, load now, so the click has only to open it.
  // Synchronous once loaded: the opener tells the focus it gives back from the admin's own.
  const approach = () => {
    if (opener) opener.approach();
    else
      void load().then(
        (loaded) => loaded?.approach(),
        () => {},
      );
  };
  trigger.addEventListener('pointerenter', approach);
  trigger.addEventListener('focus', approach);
  // Not in the task that puts the button in: the page's own work there comes first. The opener then loads its frame
  // at the page's next idle moment.
  const cancelSoon = (options.soon ?? nextTask)(() => void load().catch(() => {}));

  return () => {
    removed = true;
    cancelSoon();
    opener?.remove();
    opener = null;
    root.remove();
  };
}
