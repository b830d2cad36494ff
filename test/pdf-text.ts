/** The text of an uncompressed PDF's text-showing operators (PDFKit writes standard-font text as hex strings). */
export function pdfText(pdf: string): string {
  return [...pdf.matchAll(/\[((?:<[0-9a-f]*>|\s|-?[\d.]+)*)\]\s*TJ/gi)]
    .map(([, parts]) => [...parts!.matchAll(/<([0-9a-f]*)>/gi)].map(([, hex]) => Buffer.from(hex!, 'hex').toString('latin1')).join(''))
    .join('\n');
}
