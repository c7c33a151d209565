import { describe, expect, it } from 'vitest';

import { classOfKey } from './WorkScreen';

describe('number keys', () => {
  it('name the classes from 1, with 0 the tenth, and nothing past the task\'s classes', () => {
    expect(classOfKey('1', 2)).toBe(0);
    expect(classOfKey('2', 2)).toBe(1);
    expect(classOfKey('3', 2)).toBeUndefined();
    expect(classOfKey('0', 10)).toBe(9);
    expect(classOfKey('0', 9)).toBeUndefined();
    expect(classOfKey('a', 2)).toBeUndefined();
  });
});
