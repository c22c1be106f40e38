import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery } from '@nestjs/swagger';
import { CSV_LANGUAGES } from './csv-export';

/** The OpenAPI description of a CSV export: its operation, a text/csv answer, and `?lang=`. */
export function ApiCsvExport(operationId: string, what: string): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      operationId,
      summary: `${what} as CSV: every row, streamed`,
      description:
        'The same filters, roles and reach as the JSON list, but all rows. UTF-8 with a byte order mark; the header row in ' +
        '`lang` (id: Bahasa Indonesia, the default; en: English), else by Accept-Language.',
    }),
    ApiProduces('text/csv'),
    ApiOkResponse({
      description: 'The CSV file (Content-Disposition: attachment)',
      content: { 'text/csv': { schema: { type: 'string' } } },
    }),
    ApiQuery({ name: 'lang', required: false, enum: CSV_LANGUAGES, description: 'the language of the header row' }),
  );
}
