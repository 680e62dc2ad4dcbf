import { createContext, useCallback, useContext, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api';
import { LoginLink } from './Login';
import { parseKrToOre } from '../format/money';
import { parseNumber } from '../format/number';

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
  /** Shows every error the check collected; only when there are none, runs `work` (whose field errors from the API show the same way). */
  submit: (check: FormCheck, work: () => Promise<void>) => Promise<void> | void;
}

/** The one heading of every form's error summary. */
export const FORM_HAS_ERRORS = 'Skjemaet har feil. Rett feltene som er merket.';
/** What an empty required field says, beside it and in the summary after its label. */
export const REQUIRED = 'Må fylles ut';

/** Holds a form's errors; `run` maps an ApiError's fields (dotted paths) to the fields of the same name. */
export function useFormControl(): FormControl {
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [unauthorized, setUnauthorized] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const fail = useCallback((next: Errors, text = FORM_HAS_ERRORS) => {
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

  const submit = useCallback((check: FormCheck, work: () => Promise<void>) => (check.ok ? run(work) : fail(check.errors)), [run, fail]);

  return { errors, message, unauthorized, submitting, fail, run, submit };
}

const NOT_LOGGED_IN = 'Du er ikke logget inn.';

/** The form's message as text, with the way to log in when that is what is wrong. */
export function ControlMessage({ control }: { control: FormControl }) {
  return <>{control.message}{control.unauthorized && <> <LoginLink /></>}</>;
}


/** The fields the form marks required (aria-required) that are empty, each with «Må fylles ut». */
function emptyRequired(form: HTMLFormElement): Errors {
  const missing: Errors = {};
  for (const element of form.querySelectorAll('[aria-required="true"]')) {
    const name = element.getAttribute('name');
    if (!name) continue;
    const empty =
      element instanceof HTMLInputElement ? (element.type === 'file' ? !element.files?.length : element.type === 'checkbox' ? !element.checked : element.value.trim() === '')
        : element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement ? element.value.trim() === ''
          : false;
    if (empty && !missing[name]) missing[name] = REQUIRED;
  }
  return missing;
}

/** Each field's label by its name, as the fields mark them (data-field, data-label), for the summary. */
function labelsOf(form: HTMLFormElement): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const element of form.querySelectorAll('[data-field]')) {
    const name = element.getAttribute('data-field');
    const label = element.getAttribute('data-label');
    if (name && label && !labels[name]) labels[name] = label;
  }
  return labels;
}

/**
 * A form with one error summary at the top (focused when it appears) and field errors beside each field.
 * `onSubmit` gets the form's values and a check that already holds every required field left empty;
 * read the other fields through it and hand it to `control.submit`, so all errors show in one round.
 */
export function Form({ control, onSubmit, children, submitLabel, label, busyLabel = 'Lagrer …', prefix = '' }: {
  prefix?: string;
  control: FormControl;
  onSubmit: (data: FormData, form: HTMLFormElement, check: FormCheck) => void | Promise<void>;
  children: ReactNode;
  submitLabel: string;
  label: string;
  busyLabel?: string;
}) {
  const summary = useRef<HTMLDivElement>(null);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const handle = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setLabels(labelsOf(form));
    await onSubmit(data, form, new FormCheck(data, emptyRequired(form)));
    requestAnimationFrame(() => {
      if (summary.current) summary.current.focus();
    });
  };
  // in the order of the fields on the page; errors for no field last
  const order = Object.keys(labels);
  const place = (path: string) => (order.includes(path) ? order.indexOf(path) : order.length);
  const entries = Object.entries(control.errors).sort(([a], [b]) => place(a) - place(b));
  return (
    <FormContext.Provider value={{ errors: control.errors, prefix }}>
      <form noValidate onSubmit={(event) => void handle(event)} aria-label={label} aria-busy={control.submitting} className="form">
        {(control.message || entries.length > 0) && (
          <div className="alert alert-error" role="alert" tabIndex={-1} ref={summary}>
            <p><strong>{entries.length > 0 ? FORM_HAS_ERRORS : control.message}</strong>{control.unauthorized && <> <LoginLink /></>}</p>
            {entries.length > 0 && (
              <ul>
                {entries.map(([path, message]) => {
                  const name = labels[path];
                  if (!name) return <li key={path}>{message}</li>;
                  const id = fieldId(path, prefix);
                  return <li key={path}><a href={`#${id}`} onClick={(e) => { e.preventDefault(); document.getElementById(id)?.focus(); }}>{name}: {message}</a></li>;
                })}
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
function useField(name: string, label: string, hint: unknown) {
  const error = useFieldError(name);
  const id = useFieldId(name);
  const control = { id, name, 'data-field': name, 'data-label': label, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, hint, error) } as const;
  return { id, error, control };
}

type InputProps = BaseProps & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>;

export function TextField({ name, label, hint, required, ...rest }: InputProps) {
  const { error, control } = useField(name, label, hint);
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
  const { error, control } = useField(name, label, hint);
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
  const { error, control } = useField(name, label, hint);
  return (
    <FieldShell name={name} label={label} hint={hint} required={required} error={error}>
      <textarea {...control} rows={3} aria-required={required || undefined} {...rest} />
    </FieldShell>
  );
}

export function CheckboxField({ name, label, hint, ...rest }: BaseProps & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'type'>) {
  const { id, error, control } = useField(name, label, hint);
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
    <fieldset className={`field radios${error ? ' field-invalid' : ''}`} id={id} data-field={name} data-label={legend} aria-describedby={error ? `${id}-feil` : undefined}>
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

const PERIOD = /^\d{4}(-T[1-3]|-(0[1-9]|1[0-2]))?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Rule {
  /** empty is an error («Må fylles ut») even where the field is not marked required */
  required?: boolean;
  /** the example in the message, as a person would type it */
  example?: string;
}

/**
 * Reads a form's fields and collects every field's error in one round, so the summary names them all at
 * once. Starts with the required fields left empty; the first error of a field is the one shown.
 */
export class FormCheck {
  readonly errors: Errors;
  constructor(private readonly data: FormData, missing: Errors = {}) {
    this.errors = { ...missing };
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  /** Records the field's error; a message of the page's own says more than «Må fylles ut» and replaces it. */
  refuse(name: string, message: string): void {
    if (!this.errors[name] || this.errors[name] === REQUIRED) this.errors[name] = message;
  }

  /** Trimmed text; null when empty. */
  text(name: string, rule: Rule = {}): string | null {
    const value = text(this.data, name);
    if (value === null && rule.required) this.refuse(name, REQUIRED);
    return value;
  }

  private read<T>(name: string, rule: Rule, parse: (raw: string) => T | null, message: string): T | null {
    const raw = this.text(name, rule);
    if (raw === null) return null;
    const value = parse(raw);
    if (value === null) this.refuse(name, message);
    return value;
  }

  /** `7,5` or `1 200`. */
  number(name: string, rule: Rule = {}): number | null {
    return this.read(name, rule, parseNumber, `Må være et tall, f.eks. ${rule.example ?? '7,5'}.`);
  }

  /** An amount in kroner, as øre. */
  kr(name: string, rule: Rule = {}): number | null {
    return this.read(name, rule, parseKrToOre, `Skriv beløpet i kroner, f.eks. ${rule.example ?? '250 000'}.`);
  }

  /** `åååå-mm-dd` (what a date field gives). */
  date(name: string, rule: Rule = {}): string | null {
    return this.read(name, rule, (raw) => (ISO_DATE.test(raw) ? raw : null), 'Skriv en gyldig dato.');
  }

  /** A budget year (2026). */
  year(name: string, rule: Rule = {}): number | null {
    return this.read(name, rule, (raw) => (/^\d{4}$/.test(raw) ? Number(raw) : null), `Skriv et år med fire sifre, f.eks. ${rule.example ?? '2026'}.`);
  }

  /** A tertial (2026-T2), a year (2026) or a month (2026-03). */
  period(name: string, rule: Rule = {}): string | null {
    return this.read(name, rule, (raw) => (PERIOD.test(raw) ? raw : null), 'Skriv perioden som tertial (2026-T2), år (2026) eller måned (2026-03).');
  }

  /**
   * The plan per period from PlanLinesFields' `count` rows (`plan.<i>.period`, `.quantity`). A row left
   * without a quantity is not part of the plan (the form offers the next tertials ready to fill in);
   * with no quantity at all, the first is what must be filled in.
   */
  plan(count: number): { period: string; quantity: number }[] {
    const rows = Array.from({ length: count }, (_, index) => index).filter((index) => text(this.data, `plan.${index}.quantity`) !== null);
    if (rows.length === 0) this.refuse('plan.0.quantity', REQUIRED);
    return rows.map((index) => ({
      period: this.period(`plan.${index}.period`, { required: true }) ?? '',
      quantity: this.number(`plan.${index}.quantity`, { required: true, example: '120' }) ?? 0,
    }));
  }

  email(name: string, rule: Rule = {}): string | null {
    return this.read(name, rule, (raw) => (EMAIL.test(raw) ? raw : null), 'Skriv en gyldig e-postadresse, f.eks. navn@kommune.no.');
  }
}
