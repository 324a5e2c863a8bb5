import { describe, expect, it } from 'vitest';
import { AnswerMemo } from './answer-memo.js';

// The memo behind remembered answers: kept while the stamp holds, bounded in bytes, failures never kept.
describe('answer memo', () => {
  const text = (n: number) => ({ text: 'x'.repeat(n) });

  it('keeps an answer while its stamp holds and makes it again when the stamp moves', async () => {
    const memo = new AnswerMemo(1 << 20);
    let made = 0;
    const make = async () => ({ n: ++made });
    expect(JSON.parse((await memo.answer('k', 's1', make)).json)).toEqual({ n: 1 });
    expect(JSON.parse((await memo.answer('k', 's1', make)).json)).toEqual({ n: 1 });
    expect(JSON.parse((await memo.answer('k', 's2', make)).json)).toEqual({ n: 2 });
    expect(JSON.parse((await memo.answer('other', 's2', make)).json)).toEqual({ n: 3 });
  });

  it('drops the least recently used answers beyond its size', async () => {
    const memo = new AnswerMemo(8000);
    let made = 0;
    const make = async () => (made++, text(1000));
    await memo.answer('a', 's', make);
    await memo.answer('b', 's', make);
    await memo.answer('a', 's', make);
    expect(made).toBe(2);
    // a was used last: c pushes b out, not a.
    await memo.answer('c', 's', make);
    await memo.answer('a', 's', make);
    expect(made).toBe(3);
    await memo.answer('b', 's', make);
    expect(made).toBe(4);
  });

  it('does not keep a failed answer', async () => {
    const memo = new AnswerMemo(1 << 20);
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error('database gone');
    };
    await expect(memo.answer('k', 's', failing)).rejects.toThrow('database gone');
    await expect(memo.answer('k', 's', failing)).rejects.toThrow('database gone');
    expect(calls).toBe(2);
  });

  it('compresses an answer once per encoding', async () => {
    const memo = new AnswerMemo(1 << 20);
    const answer = await memo.answer('k', 's', async () => text(4000));
    const gz = await answer.body('gzip');
    expect(gz.encoding).toBe('gzip');
    expect((await answer.body('gzip')).body).toBe(gz.body);
    expect((await answer.body(null)).body.toString('utf8')).toBe(answer.json);
    const small = await memo.answer('small', 's', async () => ({ a: 1 }));
    expect((await small.body('br')).encoding).toBe(null);
  });
});
