import { decodeCursor, encodeCursor, pageOf } from './pagination';

describe('cursor pages', () => {
  const rows = [1, 2, 3].map((n) => ({ id: `id-${n}`, at: `2025-05-0${n}` }));

  it('says there is more only when the extra row came back, and points past the last item', () => {
    const page = pageOf(rows, 2, (row) => [row.at, row.id], (row) => row.id);
    expect(page.items).toEqual(['id-1', 'id-2']);
    expect(decodeCursor(page.next!, 2)).toEqual(['2025-05-02', 'id-2']);
    expect(pageOf(rows, 3, (row) => [row.at, row.id], (row) => row.id)).toEqual({ items: ['id-1', 'id-2', 'id-3'] });
  });

  it('refuses a cursor it did not make, naming the field', () => {
    expect(() => decodeCursor('bm90LWpzb24', 2)).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ field: 'cursor', rule: 'valid-cursor' })] }));
    expect(() => decodeCursor(encodeCursor(['only-one']), 2)).toThrow(expect.objectContaining({ kind: 'invalid-input' }));
  });
});
