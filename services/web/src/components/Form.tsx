import { createContext, useCallback, useContext, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api';
import { LoginLink } from './Login';

export type Errors = Record<string, string>;

interface FormState {
  errors: Errors;
  prefix: string;
}
const FormContext = createContext<FormState>({ errors: {}, prefix: '' });

export const fieldId = (name: string, prefix = '') => `f-${prefix ? `${prefix}-` : ''}${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
const useFieldId = (name: string) => fieldId(name, useContext(FormContext).prefix);

export interface FormControl {
  errors: Errors;
  message: string | null;
  /** the server answered 401: the message says so and offers the login */
  unauthorized: boolean;
  submitting: boolean;
  /** Show these field errors without asking the API (input that is not even a number). */
  fail: (errors: Errors, message?: string) => void;
  run: (work: () => Promise<void>) => Promise<void>;
}

/** Holds a form's errors; `run` maps an ApiError's fields (dotted paths) to the fields of the same name. */
export function useFormControl(): FormControl {
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [unauthorized, setUnauthorized] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const fail = useCallback((next: Errors, text = 'Skjemaet har feil. Rett feltene som er merket.') => {
    setErrors(next);
    setMessage(text);
    setUnauthorized(false);
  }, []);

  const run = useCallback(async (work: () => Promise<void>) => {
    setSubmitting(true);
    setErrors({});
    setMessage(null);
    setUnauthorized(false);
    try {
      await work();
    } catch (error) {
      if (error instanceof ApiError) {
        const next: Errors = {};
        for (const field of error.fields) if (!next[field.path]) next[field.path] = field.message;
        setErrors(next);
        setUnauthorized(error.status === 401);
        setMessage(error.status === 401 ? NOT_LOGGED_IN : error.message);
      } else {
        setMessage('Noe gikk galt. Prøv igjen.');
      }
    } finally {
      setSubmitting(false);
    }
  }, []);

  return { errors, message, unauthorized, submitting, fail, run };
}

const NOT_LOGGED_IN = 'Du er ikke logget inn.';

/** The form's message as text, with the way to log in when that is what is wrong. */
export function ControlMessage({ control }: { control: FormControl }) {
  return <>{control.message}{control.unauthorized && <> <LoginLink /></>}</>;
}


/**
 * A form with an error summary at the top (focused when it appears) and field errors beside each field.
 * `onSubmit` gets the form's values.
 */
export function Form({ control, onSubmit, children, submitLabel, label, busyLabel = 'Lagrer …', prefix = '' }: {
  prefix?: string;
  control: FormControl;
  onSubmit: (data: FormData, form: HTMLFormElement) => void | Promise<void>;
  children: ReactNode;
  submitLabel: string;
  label: string;
  busyLabel?: string;
}) {
  const summary = useRef<HTMLDivElement>(null);
  const handle = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    await onSubmit(new FormData(form), form);
    requestAnimationFrame(() => {
      if (summary.current) summary.current.focus();
    });
  };
  const entries = Object.entries(control.errors);
  // one field and the same words as the headline: say where, not the same thing twice
  const headline = entries.length === 1 && entries[0]?.[1] === control.message ? 'Rett feltet som er merket:' : control.message;
  return (
    <FormContext.Provider value={{ errors: control.errors, prefix }}>
      <form noValidate onSubmit={(event) => void handle(event)} aria-label={label} aria-busy={control.submitting} className="form">
        {control.message && (
          <div className="alert alert-error" role="alert" tabIndex={-1} ref={summary}>
            <p><strong>{headline}</strong>{control.unauthorized && <> <LoginLink /></>}</p>
            {entries.length > 0 && (
              <ul>
                {entries.map(([path, message]) => (
                  <li key={path}><a href={`#${fieldId(path, prefix)}`} onClick={(e) => { e.preventDefault(); document.getElementById(fieldId(path, prefix))?.focus(); }}>{message}</a></li>
                ))}
              </ul>
            )}
          </div>
        )}
        {children}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={control.submitting}>{submitLabel}</button>
          {control.submitting && <span role="status" className="loading-inline"><span className="spinner" aria-hidden="true" /> {busyLabel}</span>}
        </div>
      </form>
    </FormContext.Provider>
  );
}

function useFieldError(name: string) {
  const { errors } = useContext(FormContext);
  return errors[name];
}

interface BaseProps {
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
}

function FieldShell({ name, label, hint, required, error, children }: BaseProps & { error?: string; children: ReactNode }) {
  const id = useFieldId(name);
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> (må fylles ut)</span> : null}
      </label>
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      {children}
      <FieldError id={id} error={error} />
    </div>
  );
}

function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return <p className="field-error" id={`${id}-feil`}><span aria-hidden="true">⚠ </span>{error}</p>;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-feil` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A field's id, its error, and the attributes that tie its control to the label, hint and error. */
function useField(name: string, hint: unknown) {
  const error = useFieldError(name);
  const id = useFieldId(name);
  const control = { id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, hint, error) } as const;
  return { id, error, control };
}

type InputProps = BaseProps & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>;

export function TextField({ name, label, hint, required, ...rest }: InputProps) {
  const { error, control } = useField(name, hint);
  return (
    <FieldShell name={name} label={label} hint={hint} required={required} error={error}>
      <input {...control} aria-required={required || undefined} {...rest} />
    </FieldShell>
  );
}

type SelectProps = BaseProps & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'> & {
  options: { value: string; label: string }[];
  placeholder?: string;
};

export function SelectField({ name, label, hint, required, options, placeholder, ...rest }: SelectProps) {
  const { error, control } = useField(name, hint);
  return (
    <FieldShell name={name} label={label} hint={hint} required={required} error={error}>
      <select {...control} aria-required={required || undefined} {...rest}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </FieldShell>
  );
}

type AreaProps = BaseProps & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>;

export function TextArea({ name, label, hint, required, ...rest }: AreaProps) {
  const { error, control } = useField(name, hint);
  return (
    <FieldShell name={name} label={label} hint={hint} required={required} error={error}>
      <textarea {...control} rows={3} aria-required={required || undefined} {...rest} />
    </FieldShell>
  );
}

export function CheckboxField({ name, label, hint, ...rest }: BaseProps & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'type'>) {
  const { id, error, control } = useField(name, hint);
  return (
    <div className={`field field-check${error ? ' field-invalid' : ''}`}>
      <input type="checkbox" {...control} {...rest} />
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** Radio buttons in a fieldset; the error sits beside the group. */
export function RadioGroup({ name, legend, options, value, onChange }: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
}) {
  const error = useFieldError(name);
  const id = useFieldId(name);
  return (
    <fieldset className={`field radios${error ? ' field-invalid' : ''}`} id={id} aria-describedby={error ? `${id}-feil` : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="radio">
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          {option.label}
        </label>
      ))}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/** Text of a form field, trimmed; null when empty. */
export const text = (data: FormData, name: string): string | null => {
  const value = data.get(name);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};
