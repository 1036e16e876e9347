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
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('+A1')).toBe("'+A1");
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvCell('+SUM(1,2)')).toBe(`"'+SUM(1,2)"`);
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
  });

  it('keeps phone numbers and signed figures as written, with no stray apostrophe', () => {
    expect(csvCell('+46 70 123 45 67')).toBe('+46 70 123 45 67');
    expect(csvCell('+386 (1) 234-5678')).toBe('+386 (1) 234-5678');
    expect(csvCell('-12.5')).toBe('-12.5');
    expect(csvCell('-1,50')).toBe('"-1,50"');
  });

  it('writes nothing for missing values and JSON for nested ones', () => {
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(['a', 'b'])).toBe('"[""a"",""b""]"');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-5)).toBe('-5');
  });
});
