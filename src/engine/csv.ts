// The one CSV writer (the single-player game log and the classroom log both use it): RFC 4180 quoting, and a
// text cell a spreadsheet would read as a formula (= + - @, a tab or a carriage return first) starts with an
// apostrophe instead (OWASP, CSV injection), so a student named =HYPERLINK(...) stays a name.

/** A text that begins like a formula; numbers are written as numbers (a negative number is no formula). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

/** A header and rows, each line ended by CRLF (RFC 4180). */
export function csvTable(head: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return [csvRow(head), ...rows.map(csvRow)].join('\r\n') + '\r\n';
}
