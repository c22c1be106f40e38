import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '@sinergi/contracts';

/** The one problem shape (RFC 9457 plus the broken rules), as an OpenAPI schema. */
export const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errorId: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['field', 'rule'], properties: { field: { type: 'string' }, rule: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

const problem = (status: number, description: string) =>
  ApiResponse({ status, description, content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_SCHEMA } } });

/** The error answers of a route, each as application/problem+json. */
export function ApiProblems(options: { authenticated: boolean; body: boolean }): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...(options.body ? [problem(400, 'The request breaks a rule (the field and rule are named)'), problem(422, 'A rule of the domain refuses it, or an Idempotency-Key was reused for another body')] : [problem(400, 'A parameter breaks a rule')]),
    ...(options.authenticated ? [problem(401, 'No valid access token'), problem(403, "The caller's roles do not allow it")] : []),
    problem(404, 'Not found'),
    problem(409, 'It contradicts the current state'),
    problem(429, 'Too many requests: wait for Retry-After seconds'),
    problem(502, 'The service behind it cannot be reached'),
    problem(503, 'The identity provider cannot be reached'),
  );
}
