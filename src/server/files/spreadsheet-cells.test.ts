import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreNeutralised } from './spreadsheet-cells.js';
import { writeCsv } from './table-file.js';

describe('CSV cells against formula injection (OWASP)', () => {
  const dangerous = ['=1+1', '+1', '-1', '@A1', '\tx', '\rx', '=HYPERLINK("http://x")'];

  it('neutralises every cell beginning with = + - @ tab or CR, and nothing else', () => {
    for (const value of dangerous) expect(neutraliseFormula(value)).toBe(`'${value}`);
    for (const value of ['Lappia', "'quoted", '12', '', 'a=b', 'x-y']) expect(neutraliseFormula(value)).toBe(value);
    expect(neutraliseFormula(-5)).toBe(-5);
  });

  it('reads back exactly what was written', () => {
    for (const value of [...dangerous, "'quoted", 'plain']) expect(restoreNeutralised(String(neutraliseFormula(value)))).toBe(value);
  });

  it('applies to whole files', () => {
    const csv = writeCsv([{ a: '=1+1', b: 'ok' }], ['a', 'b']).toString('utf8');
    expect(csv).toBe("\uFEFFa;b\n'=1+1;ok\n");
    expect(writeCsv([{ a: '=1+1', b: 'ok' }], ['a', 'b'], 'comma').toString('utf8')).toBe("\uFEFFa,b\n'=1+1,ok\n");
    // Decimals as Finnish and Swedish Excel reads them when it reads semicolons.
    expect(writeCsv([{ a: 12.3, b: -0.5, c: 4 }], ['a', 'b', 'c']).toString('utf8')).toBe('\uFEFFa;b;c\n12,3;-0,5;4\n');
    expect(writeCsv([{ a: 12.3 }], ['a'], 'comma').toString('utf8')).toBe('\uFEFFa\n12.3\n');
  });
});
