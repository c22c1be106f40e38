import { registerDecorator, ValidationOptions } from 'class-validator';

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a value is a calendar day as YYYY-MM-DD that exists (2025-02-30 does not): no time, no zone. */
export function isCivilDate(value: unknown): boolean {
  const parts = typeof value === 'string' ? CIVIL_DATE.exec(value) : null;
  if (!parts) return false;
  const [year, month, day] = parts.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A civil date (YYYY-MM-DD), where `@IsDateString` would also let a date-time through. Rule: `isCivilDate`. */
export function IsCivilDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCivilDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a date as YYYY-MM-DD', ...options },
      validator: { validate: isCivilDate },
    });
}
