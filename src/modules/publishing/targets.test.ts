import { describe, expect, it } from 'vitest';
import { postStatusFrom } from './targets.js';

describe('post status from its targets', () => {
  it('waits while a target is on its way', () => {
    expect(postStatusFrom([{ status: 'published' }, { status: 'publishing' }])).toBeNull();
    expect(postStatusFrom([{ status: 'pending' }])).toBeNull();
  });
  it('is published only when every target is', () => {
    expect(postStatusFrom([{ status: 'published' }, { status: 'published' }])).toBe('published');
  });
  it('shows failures before unknown outcomes', () => {
    expect(postStatusFrom([{ status: 'published' }, { status: 'failed' }, { status: 'unknown' }])).toBe('failed');
    expect(postStatusFrom([{ status: 'published' }, { status: 'unknown' }])).toBe('unknown');
  });
});
