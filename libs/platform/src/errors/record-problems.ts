import { EntityManager, QueryFailedError } from 'typeorm';
import { RecordProblem } from '@sinergi/contracts';
import { failureKindOf } from '@sinergi/messaging';
import { withSavepoint } from '../database/savepoint';
import { DomainError } from './domain-errors';

/**
 * A domain error as the per-record problems of an inbound feed's rejection. Record problems publish the sentence
 * as their rule, as they always have; `fieldPrefix` is `/` for feeds whose problems name fields as JSON pointers.
 */
export function recordProblemsOf(error: DomainError, fieldPrefix = ''): RecordProblem[] {
  return error.errors.map(({ field, rule, message }) => ({ field: `${fieldPrefix}${field}`, rule: message ?? rule }));
}

/**
 * Why an inbound record is refused, when the error is the record's doing: a domain error, or a database error that
 * a retry would meet again (a value too long, a constraint). Named by column where PostgreSQL names one and by
 * SQLSTATE, never by the database's message, which can quote the value. Undefined for anything else (a bug, a
 * lost connection, a deadlock), which is not the record's fault and is thrown on, to be retried.
 */
export function refusalOf(error: unknown, fieldPrefix = ''): RecordProblem[] | undefined {
  if (error instanceof DomainError) return recordProblemsOf(error, fieldPrefix);
  if (error instanceof QueryFailedError && failureKindOf(error) === 'permanent') {
    const { code, column } = error.driverError as { code?: string; column?: string };
    return [{ field: column ? `${fieldPrefix}${column}` : fieldPrefix || 'record', rule: `the database refused the record (SQLSTATE ${code ?? 'unknown'})` }];
  }
  return undefined;
}

/**
 * Applies one inbound record in a savepoint; the problems it is refused with (see refusalOf), or none. What it wrote
 * is undone when it is refused, and the caller's transaction goes on.
 */
export async function recordRefusals(manager: EntityManager, apply: () => Promise<unknown>, fieldPrefix = ''): Promise<RecordProblem[]> {
  try {
    await withSavepoint(manager, 'inbound_record', apply);
    return [];
  } catch (error) {
    const problems = refusalOf(error, fieldPrefix);
    if (problems) return problems;
    throw error;
  }
}
