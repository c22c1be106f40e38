import { HttpException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { InvalidInput } from './domain-errors';

/** Deeper than any request of ours; far shallower than what overflows the stack in validation. */
export const MAX_BODY_DEPTH = 32;

/** What body-parser's errors (http-errors) carry: `entity.parse.failed`, `entity.too.large`, `charset.unsupported`... */
interface BodyParserError {
  type: string;
  status: number;
  expose: boolean;
}

const BODY_RULES: Record<string, { rule: string; message: string }> = {
  'entity.parse.failed': { rule: 'json', message: 'must be valid JSON' },
  'entity.too.large': { rule: 'max-size', message: 'is larger than this service accepts' },
};

/**
 * JSON and form bodies as Nest parses them by default, except that a body the parser refuses becomes an
 * HttpException naming `body` and the rule, which the problem filter answers with the parser's 4xx, and a body
 * nested deeper than MAX_BODY_DEPTH is refused (`body`, `max-depth`) before any route or validation sees it.
 * The app must be created with `bodyParser: false`.
 */
export function useBodyParsing(app: NestExpressApplication): void {
  app.useBodyParser('json');
  app.useBodyParser('urlencoded', { extended: true });
  app.use(refuseDeepBodies);
  app.use(refusedBodies);
}

function refuseDeepBodies(request: Request, _response: Response, next: NextFunction): void {
  next(depthOf(request.body) > MAX_BODY_DEPTH ? new InvalidInput({ field: 'body', rule: 'max-depth', message: `must not nest deeper than ${MAX_BODY_DEPTH} levels` }) : undefined);
}

/** How deeply objects and arrays nest in a value, counted without recursion (so no body can overflow the stack). */
export function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > deepest) deepest = depth;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth });
  }
  return deepest;
}

function refusedBodies(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  next(isBodyParserError(error) ? refusal(error) : error);
}

function refusal({ type, status }: BodyParserError): HttpException {
  const { rule, message } = BODY_RULES[type] ?? { rule: type, message: 'cannot be read' };
  return new HttpException({ message: `The body ${message}`, errors: [{ field: 'body', rule, message }] }, status);
}

function isBodyParserError(error: unknown): error is BodyParserError {
  const candidate = error as Partial<BodyParserError> | null;
  return typeof candidate?.type === 'string' && typeof candidate.status === 'number' && candidate.status < 500 && candidate.expose === true;
}
