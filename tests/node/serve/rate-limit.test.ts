import { describe, expect, it } from 'vitest';
import { RateLimit } from '../../../src/node/serve/rate-limit';

describe('RateLimit', () => {
  it('lets a burst through at once, then refuses', () => {
    let now = 0;
    const limit = new RateLimit(3, 10, () => now);
    expect([limit.take(), limit.take(), limit.take(), limit.take()]).toEqual([true, true, true, false]);
  });

  it('refills at its rate a second, never past the burst', () => {
    let now = 0;
    const limit = new RateLimit(2, 10, () => now);
    limit.take();
    limit.take();
    now = 99;
    expect(limit.take()).toBe(false);
    now = 200;
    expect(limit.take()).toBe(true);
    now = 60_000;
    expect([limit.take(), limit.take(), limit.take()]).toEqual([true, true, false]);
  });
});
