/**
 * A six-digit PIN field: digits only, masked, the numeric keypad on a tablet, never offered to a
 * password manager or autofill as a password (a PIN is not one).
 */
import type { Ref } from 'react';

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  describedBy?: string | undefined;
  invalid?: boolean;
  autoFocus?: boolean;
  ref?: Ref<HTMLInputElement>;
};

export function PinField({ id, label, value, onChange, describedBy, invalid, autoFocus, ref }: Props) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        className="input--pin"
        type="password"
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={6}
        autoComplete="off"
        // biome-ignore lint/a11y/noAutofocus: the lock screen and the PIN dialog have one field to fill
        autoFocus={autoFocus}
        value={value}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, 6))}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        required
      />
    </div>
  );
}
