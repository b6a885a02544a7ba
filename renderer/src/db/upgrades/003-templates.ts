/**
 * Version 3: an akimat's own form templates (imported in the settings, versioned, with one active
 * per form and language). A new table only: nothing stored by version 2 changes, so there is no
 * data upgrade; the test proves the older tables come through untouched and the new indexes answer.
 */
export const STORES_V3 = {
  // `active` is 1 or 0: IndexedDB cannot index booleans, and "the active one" is the common query.
  templates: '++id, [form+language], [form+language+active], [form+language+version]',
} as const;
