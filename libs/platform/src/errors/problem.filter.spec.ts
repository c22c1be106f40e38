import { ArgumentsHost, BadRequestException, Logger, NotFoundException } from '@nestjs/common';
import { Problem, PROBLEM_CONTENT_TYPE } from '@sinergi/contracts';
import { Conflict, InvalidInput, NotFound, RuleBroken, Unprocessable } from './domain-errors';
import { ProblemFilter } from './problem.filter';

interface Answer {
  status: number;
  type: string;
  problem: Problem;
}

function answerTo(exception: unknown): Answer {
  const answer: Partial<Answer> = {};
  const response = {
    status(status: number) {
      answer.status = status;
      return this;
    },
    type(type: string) {
      answer.type = type;
      return this;
    },
    send(body: string) {
      answer.problem = JSON.parse(body) as Problem;
      return this;
    },
  };
  const request = { method: 'POST', path: '/agreements', route: { path: '/agreements' } };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) } as unknown as ArgumentsHost;
  new ProblemFilter().catch(exception, host);
  return answer as Answer;
}

describe('ProblemFilter', () => {
  it.each([
    [new InvalidInput({ field: 'to', rule: 'not-before-from' }), 400],
    [new NotFound({ field: 'id', rule: 'exists' }), 404],
    [new Conflict({ field: 'number', rule: 'unique' }), 409],
    [new RuleBroken({ field: 'venueCode', rule: 'venue-closed' }), 409],
    [new Unprocessable({ field: 'Idempotency-Key', rule: 'same-request' }), 422],
  ])('answers %p with %i and its field errors as problem+json', (error, status) => {
    const answer = answerTo(error);
    expect(answer.status).toBe(status);
    expect(answer.type).toBe(PROBLEM_CONTENT_TYPE);
    expect(answer.problem).toMatchObject({ status, instance: '/agreements', errors: error.errors });
    expect(answer.problem.type).toBe(`urn:sinergi:problem:${error.kind}`);
  });

  it("keeps a Nest exception's status and names the path of an unknown route", () => {
    const answer = answerTo(new NotFoundException('Cannot GET /nowhere'));
    expect(answer).toMatchObject({ status: 404, type: PROBLEM_CONTENT_TYPE });
    expect(answer.problem).toMatchObject({ title: 'Cannot GET /nowhere', errors: [{ field: 'path', rule: 'not-found' }] });
  });

  it("keeps the field errors a Nest exception carries (a body the parser refused)", () => {
    const errors = [{ field: 'body', rule: 'json', message: 'must be valid JSON' }];
    expect(answerTo(new BadRequestException({ message: 'The body must be valid JSON', errors })).problem).toMatchObject({ status: 400, errors });
  });

  it('answers anything unexpected with 500 and an error id only, and logs the id without the request', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const answer = answerTo(new Error('invalid byte sequence for encoding "UTF8": 0x00'));
    expect(answer.status).toBe(500);
    expect(Object.keys(answer.problem).sort()).toEqual(['errorId', 'status', 'title', 'type']);
    expect(answer.problem.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(`error ${answer.problem.errorId} on POST /agreements`));
    logged.mockRestore();
  });
});
