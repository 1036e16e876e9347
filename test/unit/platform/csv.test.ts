import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../functions/platform/csv';

describe('CSV cells in the access package', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('Ada, Lovelace')).toBe('"Ada, Lovelace"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises values a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+46 70 123')).toBe("'+46 70 123");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes nothing for missing values and JSON for nested ones', () => {
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(['a', 'b'])).toBe('"[""a"",""b""]"');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-5)).toBe('-5');
  });
});
