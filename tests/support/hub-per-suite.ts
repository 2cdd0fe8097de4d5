import { afterAll, beforeAll } from 'vitest';
import type { Hub, HubOptions } from '../../server/hub';
import { dropTestSchemas, testHub, type Backend } from './backends';

/**
 * One hub for a describe block on the given backend, closed with its schemas after it:
 * `const hub = hubPerSuite(backend)` inside the block, then `hub().url`.
 */
export function hubPerSuite(backend: Backend, extra: Partial<HubOptions> = {}): () => Hub {
  let hub: Hub;
  beforeAll(async () => {
    hub = await testHub(backend, extra);
  });
  afterAll(async () => {
    await hub.close();
    await dropTestSchemas();
  });
  return () => hub;
}
