import { useId, type ReactNode } from 'react';

/** Label, control and its error; the error is tied to the control so screen readers announce it. */
function FieldShell(props: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={props.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint ? (
        <span className="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span className="field-error" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: string): string | undefined {
  const ids = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  placeholder?: string | undefined;
  multiline?: boolean;
  required?: boolean;
  type?: 'text' | 'search' | 'number' | 'password';
  autoFocus?: boolean;
  /** For secrets: 'current-password' or 'new-password', so password managers know which it is. */
  autoComplete?: string;
  disabled?: boolean;
  /**
   * The longest text the field takes. Nothing is cut (a pasted text stays whole): near the limit a
   * counter shows how much is left, past it `counter.over` says so.
   */
  limit?: { max: number; counter: (count: number) => string; over: (count: number) => string } | undefined;
}

/** The counter appears once four fifths of the limit are used. */
const COUNTER_FROM = 0.8;

export function TextField(p: TextFieldProps) {
  const id = useId();
  const count = p.value.length;
  const limit = p.limit && count >= p.limit.max * COUNTER_FROM ? p.limit : undefined;
  const over = limit && count > limit.max ? limit.over(count) : undefined;
  const error = p.error ?? over;
  const hint = limit ? [p.hint, limit.counter(count)].filter(Boolean).join(' · ') : p.hint;
  const common = {
    id,
    value: p.value,
    placeholder: p.placeholder,
    required: p.required,
    autoFocus: p.autoFocus,
    autoComplete: p.autoComplete,
    disabled: p.disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, error, hint),
  };
  return (
    <FieldShell id={id} label={p.label} error={error} hint={hint}>
      {p.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => p.onChange(e.target.value)} />
      ) : (
        <input {...common} type={p.type ?? 'text'} onChange={(e) => p.onChange(e.target.value)} />
      )}
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  error?: string | undefined;
  disabled?: boolean;
  hint?: string | undefined;
}

export function SelectField(p: SelectFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={p.label} error={p.error} hint={p.hint}>
      <select
        id={id}
        value={p.value}
        disabled={p.disabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(id, p.error, p.hint)}
        onChange={(e) => p.onChange(e.target.value)}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

interface ChoiceGroupProps {
  legend: string;
  options: readonly Option[];
  /** One value for radios, many for checkboxes. */
  selected: readonly string[];
  multiple?: boolean;
  onChange: (selected: string[]) => void;
  error?: string | undefined;
}

export function ChoiceGroup(p: ChoiceGroupProps) {
  const name = useId();
  const toggle = (value: string, checked: boolean) => {
    if (!p.multiple) p.onChange([value]);
    else p.onChange(checked ? [...p.selected, value] : p.selected.filter((v) => v !== value));
  };
  return (
    <fieldset className={p.error ? 'field field-invalid' : 'field'}>
      <legend>{p.legend}</legend>
      {p.options.map((o) => (
        <label key={o.value} className="choice">
          <input
            type={p.multiple ? 'checkbox' : 'radio'}
            name={name}
            value={o.value}
            checked={p.selected.includes(o.value)}
            onChange={(e) => toggle(o.value, e.target.checked)}
          />
          {o.label}
        </label>
      ))}
      {p.error ? <span className="field-error">{p.error}</span> : null}
    </fieldset>
  );
}
