import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyOperator, numericValue, readPath, type Op } from '../../../src/core/segments/operators.js';

type Row = [actual: unknown, op: Op, operand: unknown, expected: boolean];

function check(rows: Row[]) {
  for (const [actual, op, operand, expected] of rows) {
    assert.equal(applyOperator(actual, op, operand), expected, `${JSON.stringify(actual)} ${op} ${JSON.stringify(operand)}`);
  }
}

describe('segment operators', () => {
  test('a missing value (absent or null) fails every operator except notExists, neq included', () => {
    for (const missing of [undefined, null]) {
      check([
        [missing, 'eq', 'x', false], [missing, 'neq', 'x', false], [missing, 'gt', 1, false], [missing, 'gte', 1, false],
        [missing, 'lt', 1, false], [missing, 'lte', 1, false], [missing, 'contains', 'x', false], [missing, 'startsWith', 'x', false],
        [missing, 'in', ['x'], false], [missing, 'exists', undefined, false], [missing, 'notExists', undefined, true],
      ]);
    }
  });

  test('empty strings, zero, false and empty collections exist', () => {
    for (const present of ['', 0, false, [], {}]) {
      check([[present, 'exists', undefined, true], [present, 'notExists', undefined, false]]);
    }
  });

  test('eq and neq on strings are exact: case-sensitive and untrimmed', () => {
    check([
      ['Enterprise', 'eq', 'Enterprise', true], ['enterprise', 'eq', 'Enterprise', false], [' pro', 'eq', 'pro', false],
      ['enterprise', 'neq', 'Enterprise', true], ['pro', 'neq', 'pro', false],
    ]);
  });

  test('a number operand matches numbers and numeric strings numerically', () => {
    check([
      [42, 'eq', 42, true], ['42', 'eq', 42, true], ['42.0', 'eq', 42, true], ['-3.5', 'eq', -3.5, true],
      [42.5, 'eq', 42, false], ['42', 'neq', 42, false], ['43', 'neq', 42, true],
    ]);
  });

  test('a string operand never matches a number, and booleans match only booleans', () => {
    check([
      [42, 'eq', '42', false], [42, 'neq', '42', true], [true, 'eq', true, true], ['true', 'eq', true, false],
      [1, 'eq', true, false], [true, 'eq', 1, false], [false, 'neq', true, true],
    ]);
  });

  test('neq holds for a present value of another type, an array or an object', () => {
    check([[5, 'neq', 'pro', true], [['pro'], 'neq', 'pro', true], [{ a: 1 }, 'neq', 'pro', true]]);
  });

  test('ordering holds only between numbers, numeric strings counting as numbers', () => {
    check([
      [10, 'gt', 9, true], [9, 'gt', 9, false], [9, 'gte', 9, true], [8, 'lt', 9, true], [9, 'lt', 9, false], [9, 'lte', 9, true],
      ['10', 'gt', 9, true], ['-1.5', 'lt', 0, true], ['0', 'gte', 0, true],
      ['abc', 'gt', 0, false], ['2026-01-01', 'gt', 0, false], [true, 'gt', 0, false], [[10], 'gt', 0, false],
      [10, 'gt', '9', false], [10, 'gt', Number.NaN, false],
    ]);
  });

  test('only plain decimal strings are numbers', () => {
    assert.deepEqual(
      ['42', '-7', '3.25', '007', ' 42', '42 ', '+1', '1e3', '.5', '5.', '0x10', '', 'Infinity', '1,000'].map(numericValue),
      [42, -7, 3.25, 7, null, null, null, null, null, null, null, null, null, null],
    );
    assert.equal(numericValue(Number.POSITIVE_INFINITY), null);
    assert.equal(numericValue('9'.repeat(400)), null);
  });

  test('contains finds a case-sensitive substring, or an equal element of an array', () => {
    check([
      ['ops@acme.com', 'contains', '@acme', true], ['ops@ACME.com', 'contains', '@acme', false], ['abc', 'contains', '', true],
      [['beta', 'vip'], 'contains', 'vip', true], [['beta'], 'contains', 'VIP', false], [[1, '2'], 'contains', 2, true],
      [42, 'contains', '4', false], [{ vip: true }, 'contains', 'vip', false], ['42', 'contains', 4, false],
    ]);
  });

  test('startsWith is case-sensitive and only for strings', () => {
    check([['Enterprise EU', 'startsWith', 'Enterprise', true], ['enterprise', 'startsWith', 'Enterprise', false], [42, 'startsWith', '4', false], [['a'], 'startsWith', 'a', false]]);
  });

  test('in holds when the value equals one of the listed values', () => {
    check([
      ['pro', 'in', ['pro', 'enterprise'], true], ['free', 'in', ['pro', 'enterprise'], false], ['7', 'in', [7, 8], true],
      [7, 'in', ['7'], false], [['pro'], 'in', ['pro'], false], ['pro', 'in', 'pro', false],
    ]);
  });

  test('a dotted path steps into nested objects only', () => {
    const traits = { address: { city: 'Oslo', lines: ['a'] }, 'a.b': 1, tags: [{ x: 1 }] };
    assert.equal(readPath(traits, 'address.city'), 'Oslo');
    assert.equal(readPath(traits, 'address.zip'), undefined);
    assert.equal(readPath(traits, 'address.city.length'), undefined);
    assert.equal(readPath(traits, 'address.lines.0'), undefined);
    assert.equal(readPath(traits, 'a.b'), undefined);
    assert.equal(readPath(traits, 'tags.0.x'), undefined);
    assert.equal(readPath(traits, 'constructor'), undefined);
  });
});
