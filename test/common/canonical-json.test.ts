// RFC 8785 canonical JSON: key order by UTF-16 code units, ECMAScript numbers, no whitespace.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src-common/canonical-json';

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units at every level and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: true, c: null }], '\u20ac': 'Euro', '\r': 'CR', '1': 'one' })).toBe(
      '{"\\r":"CR","1":"one","a":[3,{"c":null,"d":true}],"b":1,"€":"Euro"}',
    );
  });

  it('writes numbers the ECMAScript way (RFC 8785 appendix B samples)', () => {
    expect(canonicalJson([1e21, 1e-7, 333333333.33333329, 4.5, 2e-3, 0.000001, -0])).toBe('[1e+21,1e-7,333333333.3333333,4.5,0.002,0.000001,0]');
  });

  it('keeps Vietnamese text as UTF-8 characters, escaping only what JSON must', () => {
    expect(canonicalJson({ name: 'Nguyễn Văn Đạt', note: 'a"b\n' })).toBe('{"name":"Nguyễn Văn Đạt","note":"a\\"b\\n"}');
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
    expect(() => canonicalJson({ x: () => 1 })).toThrow();
  });
});
