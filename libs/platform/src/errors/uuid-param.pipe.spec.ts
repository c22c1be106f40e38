import { randomUUID } from 'node:crypto';
import { InvalidInput } from './domain-errors';
import { UuidParam } from './uuid-param.pipe';

describe('UuidParam', () => {
  const pipe = new UuidParam();

  it('passes a UUID through', () => {
    const id = randomUUID();
    expect(pipe.transform(id, { type: 'param', data: 'batchId' })).toBe(id);
  });

  it('refuses anything else, naming the parameter and the rule', () => {
    let refusal: unknown;
    try {
      pipe.transform('42', { type: 'param', data: 'batchId' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(InvalidInput);
    expect((refusal as InvalidInput).errors).toEqual([{ field: 'batchId', rule: 'isUuid', message: 'batchId must be a UUID' }]);
  });
});
