/** The queue's columns: which the officer may hide, and how wide each is drawn. */
export type ColumnKey = 'caseNumber' | 'people' | 'ground' | 'school' | 'stage' | 'due' | 'term' | 'officer';

export const COLUMNS: readonly ColumnKey[] = [
  'caseNumber',
  'people',
  'ground',
  'school',
  'stage',
  'due',
  'term',
  'officer',
];

/** What a queue is read by stays: the case, the people, where it stands and its deadline. */
export const HIDEABLE: readonly ColumnKey[] = ['ground', 'school', 'term', 'officer'];

// The people column takes what is left, but never less than two full names need at 1366 px.
const WIDTH: Record<ColumnKey, string> = {
  caseNumber: '112px',
  people: 'minmax(300px, 2.4fr)',
  ground: 'minmax(88px, 0.8fr)',
  school: 'minmax(96px, 1fr)',
  stage: 'minmax(92px, 0.9fr)',
  due: 'minmax(140px, 1.2fr)',
  term: 'minmax(96px, 0.9fr)',
  officer: 'minmax(88px, 0.9fr)',
};

export function visibleColumns(hidden: readonly string[]): ColumnKey[] {
  return COLUMNS.filter((c) => !hidden.includes(c));
}

export function gridTemplate(columns: readonly ColumnKey[]): string {
  return columns.map((c) => WIDTH[c]).join(' ');
}

/** A stored preference read back: only columns that may be hidden. */
export function hiddenColumnsOf(stored: unknown): ColumnKey[] {
  return Array.isArray(stored) ? HIDEABLE.filter((c) => stored.includes(c)) : [];
}
