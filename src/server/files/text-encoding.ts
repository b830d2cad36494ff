/** The encodings text files from Finnish agencies and spreadsheets arrive in. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'windows-1252';

/**
 * Decodes a text file whatever it was saved as: UTF-8 (with or without a byte-order mark), UTF-16
 * with a byte-order mark (Excel's "Unicode text"), or else Windows-1252, the superset of the
 * ISO-8859-1 that PxWeb downloads and Finnish Excel's "CSV (semicolon delimited)" use. A file that
 * is valid UTF-8 is read as UTF-8: Latin-1 text with any letter beyond ASCII (ä, ö, å) never is.
 */
export function decodeText(content: Buffer): { text: string; encoding: TextEncoding } {
  if (content[0] === 0xff && content[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(content.subarray(2)), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(content), encoding: 'windows-1252' };
  }
}

/** The field separators of CSV files: Finnish and Swedish Excel write `;`, PxWeb offers `;`, `,` and tab. */
export type CsvDelimiter = ';' | ',' | '\t';

/**
 * The separator of a CSV text and the line its header is on: the first line with a separator
 * outside quotes (PxWeb puts a quoted title line and a blank line before the header), and the
 * separator that line holds most of. Lines before it are titles.
 */
export function detectCsvLayout(text: string): { delimiter: CsvDelimiter; headerLine: number } {
  const lines = text.slice(0, 64 * 1024).split(/\r\n|\n|\r/);
  for (let i = 0; i < Math.min(lines.length, 20); i++) {
    const counts = countOutsideQuotes(lines[i]!);
    const best = (['\t', ';', ','] as const).reduce((a, b) => (counts[b] > counts[a] ? b : a));
    if (counts[best] > 0) return { delimiter: best, headerLine: i };
  }
  return { delimiter: ',', headerLine: 0 };
}

function countOutsideQuotes(line: string): Record<CsvDelimiter, number> {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ';' || char === ',' || char === '\t')) counts[char]++;
  }
  return counts;
}
