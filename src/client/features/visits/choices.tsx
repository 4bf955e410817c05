/**
 * One question answered by a tap: a fieldset with a legend and native radio buttons drawn as large
 * toggles (48 px high), so it works by touch and by keyboard, and screen readers announce the group.
 */
export function Choices<V extends string | number>(props: {
  name: string;
  legend: string;
  values: readonly V[];
  value: V | null | '';
  label: (value: V) => string;
  disabled: boolean;
  onChange: (value: V) => void;
  /** Inline error text, announced with the group. */
  error?: string | undefined;
  /** Extra class per value (e.g. a colour for TOPI's grøn/gul/rød). */
  toggleClass?: (value: V) => string;
}) {
  const errorId = props.error ? `${props.name}-error` : undefined;
  return (
    <fieldset
      className={`instrument-item${props.error ? ' field--invalid' : ''}`}
      aria-describedby={errorId}
      aria-invalid={props.error ? true : undefined}
    >
      <legend>{props.legend}</legend>
      <div className="instrument-item__choices">
        {props.values.map((v) => (
          <label
            key={`${props.name}-${v}`}
            className={`toggle${props.value === v ? ' toggle--on' : ''}${props.toggleClass ? ` ${props.toggleClass(v)}` : ''}`}
          >
            <input
              type="radio"
              name={props.name}
              checked={props.value === v}
              disabled={props.disabled}
              onChange={() => props.onChange(v)}
            />
            {props.label(v)}
          </label>
        ))}
      </div>
      {props.error ? (
        <p id={errorId} className="field__error">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}
