import type { NetworkInfo } from '../index.js';
import { ConnectorError } from '../errors.js';
import { countWith } from '../text.js';
import type { Capability, NetworkLimits } from '../types.js';

// Being built: the connector replaces this descriptor.
const LIMITS: NetworkLimits = {
  text: { max: 3000, unit: 'graphemes', urlWeight: null, contentWarningCounts: false },
  media: { maxCount: 0, maxBytes: 0, mimeTypes: [], altText: false, maxAltLength: 0 },
  visibilities: ['public'],
  contentWarning: false,
};

export const LINKEDIN_NETWORK: NetworkInfo = {
  id: 'linkedin',
  name: 'LinkedIn',
  capabilities: new Set<Capability>(),
  limits: LIMITS,
  countText: (text) => countWith(LIMITS.text, text),
  create: () => {
    throw new ConnectorError('linkedin', 'rejected', 'LinkedIn is not available yet.');
  },
};
