import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel } from './codec.js';
import { emptyModel, predictProba } from './linear.js';
import { extractFeatures } from '../text/features.js';
import { tokenize } from '../text/tokenize.js';

describe('model codec', () => {
  it('round-trips weights within quantisation error, sparse rows stay small', () => {
    const m = emptyModel('t', 'softmax', ['a', 'b', 'c'], 1 << 18);
    m.rows[0][5] = 1.5;
    m.rows[1][70000] = -0.75;
    m.rows[2][262143] = 0.01;
    m.bias = [0.1, -0.2, 0.3];
    m.charWeight = 0.4;
    const bytes = encodeModel(m);
    expect(bytes.length).toBeLessThan(1000);
    const back = decodeModel(bytes);
    expect(back.labels).toEqual(['a', 'b', 'c']);
    expect(back.charWeight).toBe(0.4);
    expect(back.rows[0][5]).toBeCloseTo(1.5, 2);
    expect(back.rows[1][70000]).toBeCloseTo(-0.75, 2);
    const fv = extractFeatures(tokenize('hello world'));
    const p1 = predictProba(m, fv);
    const p2 = predictProba(back, fv);
    p1.forEach((p, i) => expect(p2[i]).toBeCloseTo(p, 2));
  });
  it('rejects a file that is not a model', () => {
    expect(() => decodeModel(new Uint8Array(16))).toThrow(/not a Ruche model/);
  });
});
