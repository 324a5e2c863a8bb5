/** Against a real PDS (@atproto/dev-env, no AppView): one network for the whole file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorContract } from '../contract.js';
import { blueskyContractNetwork, Pds } from '../../../test/connectors/bluesky-harness.js';
import { BLUESKY_CAPABILITIES } from './index.js';

let pds: Promise<Pds> | undefined;
const sharedPds = () => (pds ??= Pds.start());
afterAll(async () => (await pds)?.close());

connectorContract('bluesky', async () => blueskyContractNetwork(await sharedPds()), BLUESKY_CAPABILITIES);
