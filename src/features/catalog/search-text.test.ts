import { describe, expect, it } from 'vitest';
import { foldForSearch, likePattern } from './search-text.js';

describe('foldForSearch', () => {
  it('folds Finnish and Swedish letters and case', () => {
    expect(foldForSearch('Äidinkieli ja kirjallisuus')).toBe('aidinkieli ja kirjallisuus');
    expect(foldForSearch('Modersmål')).toBe('modersmal');
    expect(foldForSearch('SÄI1 Sámi')).toBe('sai1 sami');
  });

  it('collapses white space', () => {
    expect(foldForSearch('  Kone-   ja\ttuotanto ')).toBe('kone- ja tuotanto');
  });
});

describe('likePattern', () => {
  it('escapes LIKE wildcards typed by the user', () => {
    expect(likePattern('50%_off')).toBe('%50\\%\\_off%');
  });
});
