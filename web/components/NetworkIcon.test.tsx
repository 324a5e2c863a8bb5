import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { NETWORK_IDS } from '../lib/networks.js';
import { NetworkIcon } from './NetworkIcon.js';

const draw = (network: string, label?: string) => renderToStaticMarkup(<NetworkIcon network={network} label={label} />);

describe('NetworkIcon', () => {
  it('gives every network its own mark, and the globe only to feeds and the unknown', () => {
    const globe = draw('feed');
    const marks = NETWORK_IDS.map((n) => draw(n));
    for (const mark of marks) expect(mark).not.toBe(globe);
    expect(new Set(marks).size).toBe(NETWORK_IDS.length);
    expect(draw('somewhere')).toBe(globe);
  });

  it('is hidden from screen readers beside a name, and names the network when alone', () => {
    expect(draw('linkedin')).toContain('aria-hidden="true"');
    const alone = draw('linkedin', 'LinkedIn');
    expect(alone).toContain('role="img"');
    expect(alone).toContain('aria-label="LinkedIn"');
    expect(alone).toContain('<title>LinkedIn</title>');
    expect(alone).not.toContain('aria-hidden');
  });
});
