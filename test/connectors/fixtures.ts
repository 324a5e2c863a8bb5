import type { MediaInput } from '../../src/connectors/types.js';

/** A valid 1×1 PNG (a single yellow pixel), small enough to read. */
export const PNG_1PX: MediaInput = {
  mimeType: 'image/png',
  bytes: Uint8Array.from(
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
      'base64',
    ),
  ),
};
