/** A labelled text field of a form: its problem when there is one, else a hint, each tied to it for screen readers. */
import type { ComponentChildren, Ref } from 'preact';
import { SetByOrganization } from '../../components/policy/Policy';

export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  placeholder: string;
  problem: string | null;
  hint: ComponentChildren;
  inputRef?: Ref<HTMLInputElement>;
  /** The organization's policy sets this value: shown, disabled, and said so. */
  locked?: boolean;
}) {
  const { id, problem, locked } = props;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        ref={props.inputRef}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        autoComplete="off"
        spellcheck={false}
        placeholder={props.placeholder}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${problem ? `${id}-error` : `${id}-hint`}${locked ? ` ${id}-locked` : ''}`}
        disabled={locked}
      />
      {locked ? <SetByOrganization id={`${id}-locked`} /> : null}
      {problem ? (
        <p class="field-error" id={`${id}-error`}>
          {problem}
        </p>
      ) : (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
    </div>
  );
}
