import './actions.css';
import { Alert } from '../../ui/Alert';
import { Dialog } from '../../ui/Dialog';
import { ChoiceGroup, SelectField, TextField, type Option } from '../../ui/fields';
import type { FieldKind } from './actionTypes';

export interface FieldView {
  name: string;
  kind: FieldKind;
  label: string;
  value: string | string[];
  options: readonly Option[];
  /** For 'note' the text, for 'file' the chosen file's name. */
  text?: string;
  /** For 'note': lines listed under the text, and whether it warns. */
  lines?: readonly string[];
  tone?: 'warning';
  error?: string;
  placeholder?: string;
  /** For 'file': the words on the button that opens the file dialog. */
  chooseLabel?: string;
  /** For 'text' and 'textarea': the event's limit, counted near it. */
  limit?: { max: number; counter: (count: number) => string; over: (count: number) => string };
}

interface ActionDialogProps {
  title: string;
  /** What the dialog records, in a sentence. */
  purpose?: string | undefined;
  /** Set when what was typed earlier was brought back from its draft. */
  restored?: string | undefined;
  fields: readonly FieldView[];
  /** Why the last attempt failed (a rejection or a storage problem), in words. */
  failure?: string | undefined;
  busy: boolean;
  submitLabel: string;
  cancelLabel: string;
  onChange: (name: string, value: string | string[]) => void;
  onFile: (name: string) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

function Field({ f, onChange, onFile }: { f: FieldView } & Pick<ActionDialogProps, 'onChange' | 'onFile'>) {
  const single = typeof f.value === 'string' ? f.value : '';
  switch (f.kind) {
    case 'note':
      return (
        <div
          className={f.tone === 'warning' ? 'dialog-note dialog-note-warning' : 'dialog-note'}
          role={f.tone === 'warning' ? 'note' : undefined}
          data-note={f.name}
        >
          <p>{f.text}</p>
          {f.lines && f.lines.length > 0 ? (
            <ul>
              {f.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </div>
      );
    case 'text':
    case 'date':
    case 'textarea':
      return (
        <TextField
          label={f.label}
          value={single}
          multiline={f.kind === 'textarea'}
          placeholder={f.placeholder}
          error={f.error}
          limit={f.limit}
          onChange={(v) => onChange(f.name, v)}
        />
      );
    case 'select':
      return (
        <SelectField
          label={f.label}
          value={single}
          options={f.options}
          error={f.error}
          onChange={(v) => onChange(f.name, v)}
        />
      );
    case 'radio':
    case 'checks':
      return (
        <ChoiceGroup
          legend={f.label}
          options={f.options}
          multiple={f.kind === 'checks'}
          selected={Array.isArray(f.value) ? f.value : [single]}
          error={f.error}
          onChange={(v) => onChange(f.name, f.kind === 'checks' ? v : (v[0] ?? ''))}
        />
      );
    case 'file':
      // The host chooses the file (the OS dialog in Electron, the browser's picker otherwise).
      return (
        <div className={f.error ? 'field field-invalid' : 'field'} role="group" aria-label={f.label}>
          <span>{f.label}</span>
          <span className="file-choice">
            <button type="button" onClick={() => onFile(f.name)}>
              {f.chooseLabel}
            </button>{' '}
            {f.text ? <span className="field-hint">{f.text}</span> : null}
          </span>
          {f.error ? <span className="field-error">{f.error}</span> : null}
        </div>
      );
  }
}

/** Any action's dialog, drawn from its fields; what was typed stays when the save fails. */
export function ActionDialog(p: ActionDialogProps) {
  return (
    <Dialog
      title={p.title}
      purpose={p.purpose}
      onClose={p.onCancel}
      onSubmit={p.onSubmit}
      footer={
        <>
          <button type="button" onClick={p.onCancel}>
            {p.cancelLabel}
          </button>
          <button type="submit" className="primary" disabled={p.busy}>
            {p.submitLabel}
          </button>
        </>
      }
    >
      {p.restored ? (
        <p className="dialog-restored" role="status">
          {p.restored}
        </p>
      ) : null}
      {p.failure ? <Alert tone="error">{p.failure}</Alert> : null}
      {p.fields.map((f) => (
        <Field key={f.name} f={f} onChange={p.onChange} onFile={p.onFile} />
      ))}
    </Dialog>
  );
}
