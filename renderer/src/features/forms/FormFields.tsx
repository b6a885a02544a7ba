import { useId } from 'react';
import type { TemplateField } from '../../../../shared/forms';

export interface FieldView {
  field: TemplateField;
  label: string;
  value: string;
  /** The translated problem of the value, if any. */
  error?: string | undefined;
  /** Shown when the desk could not prefill the field from the case. */
  hint?: string | undefined;
  placeholder?: string | undefined;
}

function FormField({ view, onChange }: { view: FieldView; onChange: (value: string) => void }) {
  const id = useId();
  const { field } = view;
  const described = [view.error ? `${id}-error` : '', view.hint ? `${id}-hint` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    name: field.name,
    value: view.value,
    placeholder: view.placeholder,
    required: field.required,
    'aria-invalid': view.error ? true : undefined,
    'aria-describedby': described || undefined,
  };
  let control;
  if (field.type === 'multiline') {
    control = (
      <textarea {...common} rows={3} maxLength={field.maxLength} onChange={(e) => onChange(e.target.value)} />
    );
  } else if (field.type === 'enum') {
    control = (
      <select {...common} onChange={(e) => onChange(e.target.value)}>
        <option value="" />
        {field.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        {...common}
        type="text"
        maxLength={field.maxLength}
        inputMode={field.type === 'iin' ? 'numeric' : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className={view.error ? 'field field-invalid' : 'field'} data-field={field.name}>
      <label htmlFor={id}>
        {view.label}
        {field.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {control}
      {view.hint ? (
        <span className="field-hint" id={`${id}-hint`}>
          {view.hint}
        </span>
      ) : null}
      {view.error ? (
        <span className="field-error" id={`${id}-error`}>
          {view.error}
        </span>
      ) : null}
    </div>
  );
}

/** The template's fields in its order, each with its label, value and problem. */
export function FormFields({
  views,
  onChange,
}: {
  views: readonly FieldView[];
  onChange: (field: string, value: string) => void;
}) {
  return (
    <div className="form-fields">
      {views.map((v) => (
        <FormField key={v.field.name} view={v} onChange={(value) => onChange(v.field.name, value)} />
      ))}
    </div>
  );
}
