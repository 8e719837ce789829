import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../components/common/Notices';
import type { Client } from '../../utils/client';
import { PAGE_KIND_CATALOG } from '../../utils/page/kind-catalog';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { t } from '../../utils/platform/i18n';
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
const kindLabel = (view: RecognizedPageView): string =>
  t(view.kind ? PAGE_KIND_CATALOG[view.kind].label : 'common_page_kind_desk');

/** A name, and the email where there is one. */
const who = (person: { name: string; email?: string }) =>
  person.email ? `${person.name} (${person.email})` : person.name;

const whatItIs = (entry: RecognizedPageView['ids'][number]): string => {
  const parts: string[] = [];
  if (entry.user) parts.push(t('popup_recognized_user', [who(entry.user)]));
  if (entry.helpCenter) parts.push(t('popup_recognized_help_center', [entry.helpCenter.name]));
  if (entry.contact) parts.push(t('popup_recognized_contact', [who(entry.contact)]));
  return parts.length ? parts.join(t('popup_recognized_separator')) : t('popup_recognized_nothing');
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
      {t('popup_recognize_editor')}
    </button>
  );

  return (
    <section class="recognize" aria-labelledby="recognize-title" aria-busy={step.at === 'asking'}>
      <h2 id="recognize-title">{t('popup_recognize_title')}</h2>
      {step.at === 'offer' || step.at === 'asking' ? (
        <>
          <p class="muted">{t('popup_recognize_offer')}</p>
          <button type="button" class="primary" disabled={step.at === 'asking'} onClick={ask}>
            {t(step.at === 'asking' ? 'popup_recognize_asking' : 'popup_recognize_button')}
          </button>
        </>
      ) : null}
      {step.at === 'error' ? (
        <>
          <ErrorMessage error={step.error} />
          <button type="button" onClick={ask}>
            {t('common_try_again')}
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
            <p>{t('popup_recognize_no_ids')}</p>
          )}
          {step.view.pattern ? (
            step.at === 'saved' ? (
              <p>{t('popup_recognize_saved', [kindLabel(step.view)])}</p>
            ) : (
              <>
                <p>{t('popup_recognize_found', [kindLabel(step.view)])}</p>
                <p>
                  <code class="pattern">{step.view.pattern}</code>
                </p>
                <div class="actions">
                  <button type="button" class="primary" onClick={() => save(step.view)}>
                    {t('popup_recognize_save')}
                  </button>
                  {editor(step.view.pattern)}
                </div>
              </>
            )
          ) : (
            <>
              <p>{t('popup_recognize_unknown')}</p>
              {editor(step.view.target)}
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
