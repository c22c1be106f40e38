import { ValueTransformer } from 'typeorm';

/**
 * node-postgres reads a date[] as Dates at local midnight; this turns them back into the
 * YYYY-MM-DD strings they were, as TypeORM does for a single date column.
 */
export const dateArrayTransformer: ValueTransformer = {
  to: (days: string[]) => days,
  from: (days: Array<Date | string>) => days.map((day) => (typeof day === 'string' ? day : localDate(day))),
};

function localDate(day: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
