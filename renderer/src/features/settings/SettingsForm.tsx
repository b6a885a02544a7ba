import { SelectField, TextField, type Option } from '../../ui/fields';

export interface SettingsFieldView {
  path: string;
  label: string;
  value: string;
  options?: readonly Option[];
  error?: string | undefined;
  hint?: string | undefined;
}

export interface SettingsSectionView {
  id: string;
  title: string;
  fields: readonly SettingsFieldView[];
}

/** Labelled fields in the settings grid: a select where the field has options, else a text box. */
function FieldGrid({
  fields,
  onChange,
}: {
  fields: readonly SettingsFieldView[];
  onChange: (path: string, value: string) => void;
}) {
  return (
    <div className="settings-grid">
      {fields.map((f) =>
        f.options ? (
          <SelectField
            key={f.path}
            label={f.label}
            value={f.value}
            options={f.options}
            error={f.error}
            onChange={(v) => onChange(f.path, v)}
          />
        ) : (
          <TextField
            key={f.path}
            label={f.label}
            value={f.value}
            error={f.error}
            hint={f.hint}
            onChange={(v) => onChange(f.path, v)}
          />
        ),
      )}
    </div>
  );
}

/** Sections of labelled fields; the container turns paths into values and errors. */
export function SettingsSections({
  sections,
  onChange,
}: {
  sections: readonly SettingsSectionView[];
  onChange: (path: string, value: string) => void;
}) {
  return (
    <>
      {sections.map((s) => (
        <fieldset key={s.id} className="panel settings-section" data-section={s.id}>
          <legend>{s.title}</legend>
          <FieldGrid fields={s.fields} onChange={onChange} />
        </fieldset>
      ))}
    </>
  );
}
