import { HttpException, HttpStatus } from '@nestjs/common';
import { FieldError, Problem } from '@sinergi/contracts';
import { DomainError, DomainErrorKind } from './domain-errors';

const PROBLEM_TYPE_BASE = 'urn:sinergi:problem:';

const DOMAIN_PROBLEMS: Record<DomainErrorKind, { status: number; title: string }> = {
  'invalid-input': { status: HttpStatus.BAD_REQUEST, title: 'The request is not valid' },
  unauthenticated: { status: HttpStatus.UNAUTHORIZED, title: 'Sign in first' },
  forbidden: { status: HttpStatus.FORBIDDEN, title: 'Not allowed for your role' },
  'not-found': { status: HttpStatus.NOT_FOUND, title: 'Not found' },
  conflict: { status: HttpStatus.CONFLICT, title: 'The request conflicts with the current state' },
  'rule-broken': { status: HttpStatus.CONFLICT, title: 'A business rule refuses the request' },
  unprocessable: { status: HttpStatus.UNPROCESSABLE_ENTITY, title: 'The request cannot be processed as sent' },
};

/** The problem a domain error is answered with. */
export function problemOfDomainError(error: DomainError): Problem {
  const { status, title } = DOMAIN_PROBLEMS[error.kind];
  return { type: `${PROBLEM_TYPE_BASE}${error.kind}`, title, status, errors: error.errors };
}

/**
 * The problem for one of Nest's own exceptions (an unknown route, a refused body). Its `errors` are kept when it
 * carries some; otherwise the whole request is named, with the status as the rule (e.g. `not-found`).
 */
export function problemOfHttpException(exception: HttpException, path: string): Problem {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const body = typeof response === 'object' ? (response as { errors?: unknown; message?: unknown }) : { message: response };
  const rule = slug(HttpStatus[status] ?? 'error');
  const errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : [{ field: status === HttpStatus.NOT_FOUND ? 'path' : 'request', rule }];
  return {
    type: `${PROBLEM_TYPE_BASE}${rule}`,
    title: typeof body.message === 'string' ? body.message : exception.message,
    status,
    instance: path,
    errors,
  };
}

/** The whole of a 500: the id of the log line that explains it, nothing internal. */
export function unexpectedProblem(errorId: string): Problem {
  return { type: `${PROBLEM_TYPE_BASE}unexpected`, title: 'Something went wrong on our side', status: HttpStatus.INTERNAL_SERVER_ERROR, errorId };
}

function slug(statusName: string): string {
  return statusName.toLowerCase().replace(/_/g, '-');
}
