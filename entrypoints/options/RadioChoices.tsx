/** A group of radio buttons, each named by its label and described by a line on when to choose it. */
export function RadioChoices<T extends string>(props: {
  legend: string;
  name: string;
  value: T;
  onChange: (value: T) => void;
  choices: readonly (readonly [T, string, string])[];
  /** Locked (the organization's policy sets it), said by the element `describedBy` names. */
  disabled?: boolean;
  describedBy?: string;
}) {
  return (
    <fieldset disabled={props.disabled} aria-describedby={props.describedBy}>
      <legend>{props.legend}</legend>
      {props.choices.map(([value, label, hint]) => {
        const id = `${props.name}-${value}`;
        return (
          <div key={value} class="radio">
            <input
              type="radio"
              id={id}
              name={props.name}
              value={value}
              checked={props.value === value}
              onChange={() => props.onChange(value)}
              aria-describedby={`${id}-hint`}
            />
            <span>
              <label for={id}>{label}</label>
              <span class="hint block" id={`${id}-hint`}>
                {hint}
              </span>
            </span>
          </div>
        );
      })}
    </fieldset>
  );
}
