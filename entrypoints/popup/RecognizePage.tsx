import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../components/common/Notices';
import type { Client } from '../../utils/client';
import { PAGE_KIND_CATALOG } from '../../utils/page/kind-catalog';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import type { RecognizedPageView } from '../../utils/search/recognize-with-zoho';

export interface RecognizeApi extends Pick<Client, 'recognizePage'> {
  /** Adds the pattern to the admin's page patterns. */
  learnPagePattern(pattern: string): Promise<void>;
  /** Opens the options page's pattern editor with this line filled in. */
  editPagePattern(line: string): Promise<void>;
}

type Step =
  | { at: 'offer' }
  | { at: 'asking' }
  | { at: 'found'; view: RecognizedPageView }
  | { at: 'saved'; view: RecognizedPageView }
  | { at: 'error'; error: SerializedError };

/** What the admin reads for the kind of page the pattern leads to. */
const kindLabel = (view: RecognizedPageView): string => (view.kind ? PAGE_KIND_CATALOG[view.kind].label : 'Desk');

const whatItIs = (entry: RecognizedPageView['ids'][number]): string => {
  const parts: string[] = [];
  if (entry.user) parts.push(`Help Center user ${entry.user.name}${entry.user.email ? ` (${entry.user.email})` : ''}`);
  if (entry.helpCenter) parts.push(`help center ${entry.helpCenter.name}`);
  if (entry.contact)
    parts.push(`contact ${entry.contact.name}${entry.contact.email ? ` (${entry.contact.email})` : ''}`);
  return parts.length ? parts.join('; ') : 'not a user, help center or contact';
};

/**
 * Shown on a Desk page no pattern knows: asks Zoho what the numbers in its address are, proposes the
 * pattern for pages like it, and saves it only when the admin confirms.
 */
export function RecognizePage(props: {
  api: RecognizeApi;
  url: string;
  onLearned: (view: RecognizedPageView) => void;
}) {
  const { api } = props;
  const [step, setStep] = useState<Step>({ at: 'offer' });
  const ask = async () => {
    setStep({ at: 'asking' });
    try {
      setStep({ at: 'found', view: await api.recognizePage({ url: props.url }) });
    } catch (e) {
      setStep({ at: 'error', error: serializeError(e) });
    }
  };
  const save = async (view: RecognizedPageView) => {
    try {
      await api.learnPagePattern(view.pattern!);
      setStep({ at: 'saved', view });
      props.onLearned(view);
    } catch (e) {
      setStep({ at: 'error', error: serializeError(e) });
    }
  };
  const editor = (line: string) => (
    <button
      type="button"
      onClick={() => api.editPagePattern(line).catch((e) => setStep({ at: 'error', error: serializeError(e) }))}
    >
      Open the pattern editor
    </button>
  );

  return (
    <section class="recognize" aria-labelledby="recognize-title" aria-busy={step.at === 'asking'}>
      <h2 id="recognize-title">Is this a Help Center user or contact page?</h2>
      {step.at === 'offer' || step.at === 'asking' ? (
        <>
          <p class="muted">
            Badge Remover does not know this page's address yet. It can ask Zoho what the numbers in it are.
          </p>
          <button type="button" class="primary" disabled={step.at === 'asking'} onClick={ask}>
            {step.at === 'asking' ? 'Asking Zoho…' : 'Recognize this page'}
          </button>
        </>
      ) : null}
      {step.at === 'error' ? (
        <>
          <ErrorMessage error={step.error} />
          <button type="button" onClick={ask}>
            Try again
          </button>
        </>
      ) : null}
      {step.at === 'found' || step.at === 'saved' ? (
        <div role="status">
          {step.view.ids.length ? (
            <ul class="recognized">
              {step.view.ids.map((entry) => (
                <li key={entry.id}>
                  <code>{entry.id}</code>: {whatItIs(entry)}
                </li>
              ))}
            </ul>
          ) : (
            <p>There are no numeric IDs in this page's address.</p>
          )}
          {step.view.pattern ? (
            step.at === 'saved' ? (
              <p>Saved. The control is on this page now, and on every {kindLabel(step.view)} page of this shape.</p>
            ) : (
              <>
                <p>This is a {kindLabel(step.view)} page. Pages of this shape will be recognized by:</p>
                <p>
                  <code class="pattern">{step.view.pattern}</code>
                </p>
                <div class="actions">
                  <button type="button" class="primary" onClick={() => save(step.view)}>
                    Save this pattern
                  </button>
                  {editor(step.view.pattern)}
                </div>
              </>
            )
          ) : (
            <>
              <p>
                Zoho knows none of these numbers as a Help Center user or a contact in this organization, so this page
                cannot be recognized. If it is one, write its pattern yourself.
              </p>
              {editor(step.view.target)}
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
