/**
 * Form field wrappers: a visible label bound to the control, an optional hint, and an inline error
 * announced to screen readers (aria-invalid + aria-describedby). Error messages arrive as i18n keys
 * from the shared schemas and are translated here.
 */
import { type ReactNode, useId } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';

export type FieldControlProps = { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string };

type FieldProps = {
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
};

export function useErrorText() {
  const { t } = useTranslation();
  return (key: string | undefined): string | undefined => {
    if (!key) return undefined;
    return key.startsWith('validation.') ? t(key as 'validation.required') : t('validation.unknown');
  };
}

export function Field({ label, hint, error, required, className, children }: FieldProps) {
  const id = useId();
  const { t } = useTranslation();
  const errorText = useErrorText()(error);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errorText ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${errorText ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {required ? <span className="field__required"> ({t('common.required')})</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        'aria-invalid': Boolean(errorText),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {errorText ? (
        <p id={errorId} className="field__error">
          {errorText}
        </p>
      ) : null}
    </div>
  );
}

/** Parses a number typed with a decimal comma or point; '' means "not recorded" (null). */
export function parseLocaleNumber(value: unknown): number | null {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  const text = String(value).trim().replace(/\s/g, '').replace(',', '.');
  return text === '' ? null : Number(text);
}

/** Shows a stored number in an input in the UI language's notation (a decimal comma in Danish). */
export function formatLocaleNumber(value: number | null | undefined, language = 'da'): string {
  if (value === null || value === undefined) return '';
  return language === 'en' ? String(value) : String(value).replace('.', ',');
}

/** A number for display in the UI language (da-DK: 0,27 and 10.800; en-GB: 0.27 and 10,800). */
export function formatNumber(value: number, language: string, options: Intl.NumberFormatOptions = {}): string {
  return value.toLocaleString(language === 'en' ? 'en-GB' : 'da-DK', options);
}
