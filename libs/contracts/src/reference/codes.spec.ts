import { s } from '../schema';
import { CODE_PATTERN } from './codes';

describe('CODE_PATTERN', () => {
  it('takes the codes the ministries write and refuses lower case, spaces, a leading symbol and more than 40 characters', () => {
    expect(['BBPVP-SERANG', 'R-101', 'KWU-DASAR', 'KEMNAKER', 'A', 'X'.repeat(40)].every((code) => CODE_PATTERN.test(code))).toBe(true);
    expect(['bbpvp-serang', 'R 101', '-KWU', '.A', '', 'X'.repeat(41)].some((code) => CODE_PATTERN.test(code))).toBe(false);
  });

  it('is the pattern of the event schemas’ codes', () => {
    expect(s.code()).toEqual({ type: 'string', pattern: CODE_PATTERN.source });
  });
});
