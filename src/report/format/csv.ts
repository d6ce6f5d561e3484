/** CSV as RFC 4180 writes it: CRLF after every record, a field quoted when it holds a comma, quote or line break. */

export type CsvValue = string | number | boolean | null;

/** One field: empty for null, quoted (inner quotes doubled) when it holds a comma, quote or line break. */
export function csvField(value: CsvValue): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: the header record, then one record per row, each ended by CRLF. */
export function csvText(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header.map(csvField), ...rows.map((row) => row.map(csvField))].map((r) => `${r.join(',')}\r\n`).join('');
}
