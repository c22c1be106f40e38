import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Problem, PROBLEM_CONTENT_TYPE } from '@sinergi/contracts';
import { DomainError } from './domain-errors';
import { problemOfDomainError, problemOfHttpException, unexpectedProblem } from './problem';

/**
 * Every HTTP error answer of a service: domain errors, Nest's own exceptions and anything unexpected become
 * `application/problem+json`. An unexpected error is logged under a new error id (its stack only: never the
 * request body, which may hold personal data) and answered 500 with that id alone.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const problem = this.problemOf(exception, request);
    const response = http.getResponse<Response>();
    // RFC 6750: a 401 says how to authenticate.
    if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="sinergi"');
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private problemOf(exception: unknown, request: Request): Problem {
    if (exception instanceof DomainError) return { ...problemOfDomainError(exception), instance: request.path };
    if (exception instanceof HttpException) return problemOfHttpException(exception, request.path);
    const errorId = randomUUID();
    const error = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error(`error ${errorId} on ${request.method} ${request.route?.path ?? 'an unknown route'}: ${error.stack ?? error.message}`);
    return unexpectedProblem(errorId);
  }
}
