/**
 * The form templates in use: the bundled ones (resources/forms) and the files an akimat imported in
 * the settings. Every import is kept as a version; one per form and language is active, none active
 * means the bundled one. A refused file changes nothing.
 */
// From the modules themselves, not shared/forms' index: the index also brings the PDF renderer
// (pdf-lib, fontkit), which the desk loads only when a form is opened (features/forms/lazy.tsx).
import {
  parseTemplate,
  templateVersionString,
  type FormTemplate,
  type TemplateErrorCode,
  type TemplateNote,
  type TemplateStatus,
} from '../../../../shared/forms/template-schema';
import type { FormId, FormLanguage } from '../../../../shared/forms/types';
import { ChangeFeed } from '../changes';
import type { DeskDatabase } from '../database';
import { guarded } from '../errors';
import type { TemplateRecord } from './templates-records';

/**
 * The bundled templates (ten JSON files) load when a template is first asked for, not with the
 * desk's storage: opening the desk to its queue needs none of them. Loaded before any transaction
 * opens (awaiting a module inside one would let IndexedDB commit it).
 */
const bundledTemplates = () => import('../../../../shared/forms/templates');
type Bundled = Awaited<ReturnType<typeof bundledTemplates>>['getBundledTemplate'];

/** Which version: a stored row's id, or the template shipped with the desk. */
export type TemplateRef = number | 'bundled';

export interface TemplateVersionEntry {
  ref: TemplateRef;
  form: FormId;
  language: FormLanguage;
  version: string;
  /** Undefined only for a stored file this release can no longer read (`valid: false`). */
  status: TemplateStatus | undefined;
  /** Bundled templates say it in Kazakh and Russian (`noteText` picks the desk's language). */
  note: TemplateNote | undefined;
  /** When it was imported; undefined for the bundled template. */
  importedAt: string | undefined;
  active: boolean;
  /** False when a stored file fails this release's schema: it is never used, the bundled one is. */
  valid: boolean;
}

export interface ActiveTemplate {
  template: FormTemplate;
  entry: TemplateVersionEntry;
}

/** The template checks of shared/forms, plus: this version number is taken by a different file. */
export type TemplateImportErrorCode = TemplateErrorCode | 'version-exists';
export interface TemplateImportError {
  path: string;
  code: TemplateImportErrorCode;
}

export type ImportTemplateResult =
  { ok: true; entry: TemplateVersionEntry } | { ok: false; errors: TemplateImportError[] };

export interface TemplateRepository {
  /** Imported versions, newest import first, then the bundled one. */
  versions(form: FormId, language: FormLanguage): Promise<TemplateVersionEntry[]>;
  /** The template documents are made from now (the bundled one unless an import is active). */
  active(form: FormId, language: FormLanguage): Promise<ActiveTemplate>;
  /**
   * Validates a template file (parsed JSON) as the template of this form and language and makes it
   * the active one. A refused file is not stored and the active template stays as it was.
   */
  importTemplate(form: FormId, language: FormLanguage, json: unknown): Promise<ImportTemplateResult>;
  /** Makes an earlier version (or the bundled one) active again; false if there is no such version. */
  activate(form: FormId, language: FormLanguage, ref: TemplateRef): Promise<boolean>;
  onChange(listener: (change: { form: FormId; language: FormLanguage }) => void): () => void;
}

/** JSON with object keys sorted, so two files that differ only in key order count as the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

function bundledEntry(
  getBundledTemplate: Bundled,
  form: FormId,
  language: FormLanguage,
  active: boolean,
): TemplateVersionEntry {
  const t = getBundledTemplate(form, language);
  return {
    ref: 'bundled',
    form,
    language,
    version: templateVersionString(t),
    status: t.status,
    note: t.note,
    importedAt: undefined,
    active,
    valid: true,
  };
}

function readRecord(r: TemplateRecord): { entry: TemplateVersionEntry; template?: FormTemplate } {
  const parsed = parseTemplate(r.json, { form: r.form, language: r.language });
  const template = parsed.ok ? parsed.template : undefined;
  return {
    template,
    entry: {
      ref: r.id ?? 0,
      form: r.form,
      language: r.language,
      version: r.version,
      status: template?.status,
      note: template?.note,
      importedAt: r.importedAt,
      active: r.active === 1,
      valid: template !== undefined,
    },
  };
}

export function createTemplateRepository(db: DeskDatabase): TemplateRepository {
  const feed = new ChangeFeed<{ form: FormId; language: FormLanguage }>();
  const rowsOf = (form: FormId, language: FormLanguage) =>
    db.templates.where('[form+language]').equals([form, language]);

  /** Clears the active flag of every row of the form and language (inside the caller's transaction). */
  const deactivateAll = (form: FormId, language: FormLanguage) =>
    db.templates.where('[form+language+active]').equals([form, language, 1]).modify({ active: 0 });

  async function activeRecord(form: FormId, language: FormLanguage) {
    const record = await db.templates.where('[form+language+active]').equals([form, language, 1]).first();
    if (!record) return undefined;
    const read = readRecord(record);
    return read.template ? { template: read.template, entry: read.entry } : undefined;
  }

  return {
    versions: (form, language) =>
      guarded(async () => {
        const { getBundledTemplate } = await bundledTemplates();
        const rows = (await rowsOf(form, language).toArray()).sort((a, b) => (b.id ?? 0) - (a.id ?? 0));
        const entries = rows.map((r) => readRecord(r).entry);
        // An unreadable active file is never used; the bundled one stands in and says so.
        const inUse = entries.some((e) => e.active && e.valid);
        return [...entries, bundledEntry(getBundledTemplate, form, language, !inUse)];
      }),

    active: (form, language) =>
      guarded(async () => {
        const stored = await activeRecord(form, language);
        if (stored) return stored;
        const { getBundledTemplate } = await bundledTemplates();
        return {
          template: getBundledTemplate(form, language),
          entry: bundledEntry(getBundledTemplate, form, language, true),
        };
      }),

    importTemplate: (form, language, json) =>
      guarded(async () => {
        const parsed = parseTemplate(json, { form, language });
        if (!parsed.ok) return { ok: false, errors: parsed.errors };
        const template = parsed.template;
        const version = templateVersionString(template);
        const same = canonical(template);
        const { getBundledTemplate } = await bundledTemplates();
        const result = await db.transaction('rw', db.templates, async (): Promise<ImportTemplateResult> => {
          const bundled = getBundledTemplate(form, language);
          // A document records its template's version: two different files under one version would make
          // that record ambiguous, so a changed file must carry a new version.
          if (templateVersionString(bundled) === version) {
            if (canonical(bundled) !== same)
              return { ok: false, errors: [{ path: 'version', code: 'version-exists' }] };
            await deactivateAll(form, language);
            return { ok: true, entry: bundledEntry(getBundledTemplate, form, language, true) };
          }
          const existing = await db.templates
            .where('[form+language+version]')
            .equals([form, language, version])
            .first();
          if (existing) {
            if (canonical(existing.json) !== same) {
              return { ok: false, errors: [{ path: 'version', code: 'version-exists' }] };
            }
            await deactivateAll(form, language);
            await db.templates.update(existing.id ?? 0, { active: 1 });
            return { ok: true, entry: readRecord({ ...existing, active: 1 }).entry };
          }
          await deactivateAll(form, language);
          const record: TemplateRecord = {
            form,
            language,
            version,
            json: template,
            importedAt: new Date().toISOString(),
            active: 1,
          };
          const id = await db.templates.add(record);
          return { ok: true, entry: readRecord({ ...record, id }).entry };
        });
        if (result.ok) feed.emit({ form, language });
        return result;
      }),

    activate: (form, language, ref) =>
      guarded(async () => {
        const done = await db.transaction('rw', db.templates, async () => {
          if (ref !== 'bundled') {
            const row = await db.templates.get(ref);
            if (!row || row.form !== form || row.language !== language || !readRecord(row).entry.valid)
              return false;
          }
          await deactivateAll(form, language);
          if (ref !== 'bundled') await db.templates.update(ref, { active: 1 });
          return true;
        });
        if (done) feed.emit({ form, language });
        return done;
      }),

    onChange: (listener) => feed.subscribe(listener),
  };
}
