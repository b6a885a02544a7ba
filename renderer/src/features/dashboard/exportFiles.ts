/**
 * The dashboard's tables as files for the akimat's reports. CSV: UTF-8 with a byte-order mark and
 * ';' between fields, CRLF line ends, decimal commas, as Excel reads a CSV on a Kazakh or Russian
 * Windows; each table under its title, a blank line between tables. XLSX: one sheet per table
 * (write-excel-file, fetched only when the head exports).
 */
import type { Cell, Table } from './tables';

const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;
// A text cell starting like a formula would be run by a spreadsheet (CSV injection): kept as text.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell).replace('.', ',');
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(heading: readonly string[], tables: readonly Table[]): string {
  const lines: string[] = [...heading.map(csvCell), ''];
  for (const table of tables) {
    lines.push(csvCell(table.title), table.headers.map(csvCell).join(';'));
    for (const row of table.rows) lines.push(row.map(csvCell).join(';'));
    lines.push('');
  }
  return `\uFEFF${lines.join('\r\n')}`;
}

/** Excel's limits on a sheet's name: 31 characters, none of []:*?/\, and unique in the book. */
export function sheetNames(tables: readonly Table[]): string[] {
  const used = new Set<string>();
  return tables.map((table, i) => {
    let name =
      table.title
        .replace(/[[\]:*?/\\]/g, ' ')
        .trim()
        .slice(0, 31) || `${i + 1}`;
    if (used.has(name)) name = `${name.slice(0, 27)} (${i + 1})`;
    used.add(name);
    return name;
  });
}

export async function toXlsx(tables: readonly Table[]): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const names = sheetNames(tables);
  const blob = await writeXlsxFile(
    tables.map((table, i) => ({
      sheet: names[i]!,
      data: [
        table.headers.map((h) => ({ value: h, fontWeight: 'bold' as const })),
        ...table.rows.map((row) => row.map((cell) => (cell === null ? null : { value: cell }))),
      ],
      columns: table.headers.map((_, c) => ({ width: c === 0 ? 48 : 18 })),
      stickyRowsCount: 1,
    })),
  ).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
