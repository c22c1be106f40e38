import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { InvalidInput } from './domain-errors';

/** A path parameter that must be a UUID: refused as `InvalidInput` naming the parameter (`@Param('id', UuidParam)`). */
@Injectable()
export class UuidParam implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (isUUID(value)) return value;
    const field = metadata.data ?? 'id';
    throw new InvalidInput({ field, rule: 'isUuid', message: `${field} must be a UUID` });
  }
}
