import { TABLE_CONTENT_TYPES, writeTableFile, type CsvSeparator } from '../../server/files/table-file.js';
import type { OfferingDto } from './offering-dto.js';
import type { OfferingFileFormat } from './offering-import.js';
import { OFFERING_COLUMNS, fileRowFromOffering } from './offering-table-format.js';

export const CONTENT_TYPES: Record<OfferingFileFormat, string> = TABLE_CONTENT_TYPES;

export function writeOfferingFile(offerings: OfferingDto[], format: OfferingFileFormat, separator?: CsvSeparator): Promise<Buffer> {
  return writeTableFile(offerings.map(fileRowFromOffering), OFFERING_COLUMNS, format, 'offerings', separator);
}
