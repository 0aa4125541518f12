import { describe, expect, it } from 'vitest';
import { pause, Wake, withTimeout } from '../../../server/feeds/signals';

describe('Wake', () => {
  it('resolves waiters registered before fire(), not later ones', async () => {
    const wake = new Wake();
    const early = wake.wait();
    wake.fire();
    const late = wake.wait();
    await expect(early.promise).resolves.toBeUndefined();
    const raced = await Promise.race([late.promise.then(() => 'woken'), Promise.resolve('pending')]);
    expect(raced).toBe('pending');
  });

  it('drops cancelled waiters', async () => {
    const wake = new Wake();
    let fired = false;
    const waiter = wake.wait();
    void waiter.promise.then(() => {
      fired = true;
    });
    waiter.cancel();
    wake.fire();
    await Promise.resolve();
    expect(fired).toBe(false);
  });
});

describe('pause', () => {
  it('ends at once when the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const paused = pause(10_000, controller.signal);
    controller.abort();
    await paused;
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('withTimeout', () => {
  it('gives the fallback when the promise hangs', async () => {
    await expect(withTimeout(new Promise(() => undefined), 10, 'late')).resolves.toBe('late');
    await expect(withTimeout(Promise.resolve('ok'), 1_000, 'late')).resolves.toBe('ok');
  });
});
