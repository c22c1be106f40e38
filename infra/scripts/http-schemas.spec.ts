import { GATEWAY_OPERATION_IDS, HTTP_OPERATION_IDS, SERVICE_OPERATION_IDS } from '@sinergi/contracts';
import { readHttpSchemas, renderHttpSchemas } from './http-schemas';

describe('libs/contracts/src/http/http-schemas.json', () => {
  const committed = readHttpSchemas();

  it('is what the HTTP contract types generate (run `npm run http-schemas` after changing them)', () => {
    expect(committed).toBe(renderHttpSchemas());
  });

  it("describes every operation of the maps (the services, their Operations routes, and the gateway's own), each with a non-empty answer schema", () => {
    const { operations } = JSON.parse(committed) as { operations: Record<string, { answer?: object; body?: object }> };
    expect(Object.keys(operations).sort()).toEqual([...HTTP_OPERATION_IDS, ...SERVICE_OPERATION_IDS, ...GATEWAY_OPERATION_IDS].sort());
    const emptyAnswers = Object.entries(operations).filter(([, schemas]) => !schemas.answer || Object.keys(schemas.answer).length === 0);
    expect(emptyAnswers.map(([operation]) => operation)).toEqual([]);
  });
});
