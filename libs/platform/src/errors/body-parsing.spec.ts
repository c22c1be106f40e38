import { depthOf } from './body-parsing';

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level += 1) value = level % 2 === 0 ? { a: value } : [value];
  return value;
}

describe('depthOf', () => {
  it('counts how deeply objects and arrays nest', () => {
    expect(depthOf('text')).toBe(0);
    expect(depthOf({ title: 'MoU', parties: [{ code: 'A', roles: ['venues'] }] })).toBe(4);
  });

  it('measures a body far deeper than the stack would allow to recurse into', () => {
    expect(depthOf(nested(200_000))).toBe(200_000);
  });
});
