import { HttpException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

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
 * HttpException naming `body` and the rule, which the problem filter answers with the parser's 4xx.
 * The app must be created with `bodyParser: false`.
 */
export function useBodyParsing(app: NestExpressApplication): void {
  app.useBodyParser('json');
  app.useBodyParser('urlencoded', { extended: true });
  app.use(refusedBodies);
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
