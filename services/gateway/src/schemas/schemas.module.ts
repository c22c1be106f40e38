import { Module } from '@nestjs/common';
import { AsyncApiHtmlController } from './asyncapi-html.controller';
import { SchemasController } from './schemas.controller';

@Module({ controllers: [SchemasController, AsyncApiHtmlController] })
export class SchemasModule {}
