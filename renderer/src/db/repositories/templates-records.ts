/** What the `templates` table (version 3) holds: one imported template file per row. */
import type { FormId, FormLanguage } from '../../../../shared/forms';

export interface TemplateRecord {
  /** Auto-incremented; absent before the row is stored. */
  id?: number;
  form: FormId;
  language: FormLanguage;
  /** `templateVersionString(template)`: what documents made from it record. */
  version: string;
  /** The template exactly as imported (validated by parseTemplate before it was stored). */
  json: unknown;
  importedAt: string;
  /** 1 for the template in use for this form and language, 0 otherwise; none active = the bundled one. */
  active: 0 | 1;
}
