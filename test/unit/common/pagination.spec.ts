import { InvalidInputError } from '../../../src/common/domain-errors';
import { Cursor } from '../../../src/common/pagination';

describe('Cursor', () => {
  it('round-trips a sort key and reads no cursor as null', () => {
    expect(Cursor.decode(Cursor.encode(['2026-12-06 10:00:00+00', 'id-1']))).toEqual([
      '2026-12-06 10:00:00+00',
      'id-1',
    ]);
    expect(Cursor.decode(undefined)).toBeNull();
    expect(Cursor.decodePair(undefined)).toBeNull();
  });

  it('decodePair gives the two strings of a two-string key', () => {
    expect(Cursor.decodePair(Cursor.encode(['198501012010011001', 'x']))).toEqual(['198501012010011001', 'x']);
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['an object', Buffer.from('{"a":1}').toString('base64url')],
    ['one string', Cursor.encode(['a'])],
    ['three strings', Cursor.encode(['a', 'b', 'c'])],
    ['a number in the key', Cursor.encode(['a', 1])],
  ])('decodePair refuses %s with a 400 on `after`', (_what, cursor) => {
    expect(() => Cursor.decodePair(cursor)).toThrow(InvalidInputError);
    try {
      Cursor.decodePair(cursor);
    } catch (e) {
      expect((e as InvalidInputError).details).toEqual([
        { field: 'after', problem: 'is not a cursor returned by this API' },
      ]);
    }
  });
});
