import type { NetworkInfo } from '../index.js';
import { ConnectorError } from '../errors.js';
import { countWith } from '../text.js';
import type { Capability, NetworkLimits } from '../types.js';

// Being built: the connector replaces this descriptor.
const LIMITS: NetworkLimits = {
  text: { max: 5000, unit: 'graphemes', urlWeight: null, contentWarningCounts: false },
  media: { maxCount: 0, maxBytes: 0, mimeTypes: [], altText: false, maxAltLength: 0 },
  visibilities: ['public'],
  contentWarning: false,
};

export const YOUTUBE_NETWORK: NetworkInfo = {
  id: 'youtube',
  name: 'YouTube',
  capabilities: new Set<Capability>(),
  limits: LIMITS,
  countText: (text) => countWith(LIMITS.text, text),
  create: () => {
    throw new ConnectorError('youtube', 'rejected', 'YouTube is not available yet.');
  },
};
