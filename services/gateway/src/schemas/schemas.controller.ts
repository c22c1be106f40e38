import { Controller, Get, Header, Param } from '@nestjs/common';
import { buildAsyncApiDocument, schemaDocuments, serialiseSchema } from '@sinergi/contracts';
import { NotFound, Operation } from '@sinergi/platform';

/**
 * The published contract over HTTP: every event's JSON Schema at the path its `dataschema` names
 * (`/schemas/<Type>.v1.json`), the envelope's (`/schemas/envelope.json`), and the AsyncAPI document.
 */
@Controller()
export class SchemasController {
  private readonly schemas = new Map([...schemaDocuments()].map(([file, document]) => [file, serialiseSchema(document)]));
  private readonly asyncApi = buildAsyncApiDocument();

  @Get('schemas')
  @Operation('schemas.list')
  list(): string[] {
    return [...this.schemas.keys()];
  }

  @Get('schemas/:file')
  @Operation('schemas.get')
  @Header('content-type', 'application/schema+json')
  @Header('cache-control', 'public, max-age=300')
  schema(@Param('file') file: string): string {
    const schema = this.schemas.get(file);
    if (!schema)
      throw new NotFound({ field: 'file', rule: 'unknown-schema', message: 'no published schema has this name; GET /schemas lists them' });
    return schema;
  }

  @Get('asyncapi.json')
  @Operation('asyncapi.document')
  asyncapi(): object {
    return this.asyncApi;
  }
}
