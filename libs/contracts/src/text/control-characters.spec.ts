import { controlCharacterPath } from './control-characters';

describe('controlCharacterPath', () => {
  it('finds the first string or key with a control character, however deep', () => {
    expect(controlCharacterPath({ a: 'fine', records: [{ fullName: 'Siti' }, { fullName: 'Bu\u0000di' }] })).toEqual(['records', '1', 'fullName']);
    expect(controlCharacterPath({ ['na\u001Bme']: 'x' })).toEqual(['na\u001Bme']);
    expect(controlCharacterPath('a\u007Fb')).toEqual([]);
  });

  it('lets tab, line feed, carriage return and every other character through', () => {
    expect(controlCharacterPath({ note: 'line one\nline two\tand\r', name: 'Ñoño 🙂', count: 3, none: null })).toBeUndefined();
  });
});
