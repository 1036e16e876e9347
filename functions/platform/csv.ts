/**
 * A value a spreadsheet could run as a formula: anything starting with = or @ (or a tab or carriage
 * return some programs skip first), and + or - followed by anything but a number's or a phone
 * number's characters. A formula that does harm names a function, a cell or a program, so it needs
 * letters or one of ! | : $ ; digits, spaces and . , ( ) / + - alone cannot do anything.
 */
const FORMULA = /^(?:[=@\t\r]|[+-](?![\d\s.,()/+-]*$))/;

/**
 * One CSV cell: quoted when needed, and a value a spreadsheet could run as a formula neutralised
 * with a leading apostrophe. Ordinary values such as `+46 70 123 45 67` or `-12.5` stay as written,
 * so a person reading their data sees no stray apostrophe (numbers stay numbers).
 */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
