import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '@sinergi/contracts';
import { InvalidInput } from './domain-errors';

/**
 * class-validator's errors as field errors: one per broken constraint, the field a dotted path into the request
 * (`parties.0.code`), the rule the constraint's name (`matches`), the message as the DTO wrote it.
 */
export function fieldErrorsOf(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message: withoutFieldPrefix(message, error.property) }));
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
}

/** Some DTO messages start `field: ...`, from when the message was the only place a field was named. */
function withoutFieldPrefix(message: string, property: string): string {
  return message.startsWith(`${property}: `) ? message.slice(property.length + 2) : message;
}

export function validationExceptionFactory(errors: ValidationError[]): InvalidInput {
  return new InvalidInput(fieldErrorsOf(errors));
}

/** The one validation pipe of every service: unknown properties are refused, and every refusal is an InvalidInput. */
export function servicesValidationPipe(): ValidationPipe {
  return new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: validationExceptionFactory });
}
