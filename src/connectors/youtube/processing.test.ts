import { describe, expect, it } from 'vitest';
import { processingOf } from './processing.js';

describe("YouTube's processing of an upload, in its words", () => {
  it('reads processing, ready, failed and rejected from the status and processing details', () => {
    expect(processingOf({ id: 'v', status: { uploadStatus: 'uploaded' }, processingDetails: { processingStatus: 'processing' } }).state).toBe('processing');
    expect(processingOf({ id: 'v', status: { uploadStatus: 'processed' } }).state).toBe('succeeded');
    expect(processingOf({ id: 'v', status: { uploadStatus: 'uploaded' }, processingDetails: { processingStatus: 'succeeded' } }).state).toBe('succeeded');
    expect(processingOf({ id: 'v', status: { uploadStatus: 'rejected', rejectionReason: 'copyright' } })).toEqual({
      state: 'rejected', reason: 'copyright', message: 'YouTube rejected the video (copyright): it infringes copyright.',
    });
    expect(processingOf({ id: 'v', status: { uploadStatus: 'failed', failureReason: 'codec' } })).toEqual({
      state: 'failed', reason: 'codec', message: 'YouTube could not process the video (codec): its video or audio codec is not supported.',
    });
  });

  it('counts a terminated processing as failed, and says so when YouTube gives no reason or one it does not document', () => {
    expect(processingOf({ id: 'v', processingDetails: { processingStatus: 'terminated' } })).toEqual({
      state: 'failed', reason: null, message: 'YouTube could not process the video: it gave no reason.',
    });
    expect(processingOf({ id: 'v', status: { uploadStatus: 'rejected', rejectionReason: 'somethingNew' } }).message).toBe('YouTube rejected the video (somethingNew).');
    expect(processingOf({ id: 'v', status: { uploadStatus: 'failed', failureReason: 'constructor' } }).message).toBe('YouTube could not process the video (constructor).');
  });
});
