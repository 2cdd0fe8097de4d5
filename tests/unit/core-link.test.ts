import { describe, expect, it } from 'vitest';
import { CoreLink } from '../../electron/main/core-link';

function harness() {
  let n = 0;
  const events: string[] = [];
  const timers: (() => void)[] = [];
  const delays: number[] = [];
  const link = new CoreLink<string>({
    startCore: () => `core${++n}`,
    connect: (core) => events.push(`connect ${core}`),
    linkDown: () => events.push('down'),
    later: (fn, ms) => (timers.push(fn), delays.push(ms)),
  });
  return { link, events, timers, delays, fire: () => timers.shift()!() };
}

describe('the link between the window and the core process', () => {
  it('after a core crash and restart, a reloaded window is connected to the live core, not the first one', () => {
    const h = harness();
    h.link.start();
    h.link.windowLoaded();
    h.link.coreExited('core1', 1);
    h.fire();
    h.link.windowLoaded(); // the advisor presses Ctrl+R later
    expect(h.events).toEqual(['connect core1', 'down', 'connect core2', 'connect core2']);
    expect(h.link.core).toBe('core2');
  });

  it('tells the window the link went down, and backs off when the core keeps dying', () => {
    const h = harness();
    h.link.start();
    h.link.windowLoaded();
    for (let i = 1; i <= 7; i++) {
      h.link.coreExited(`core${i}`, 1);
      h.fire();
    }
    expect(h.events.filter((e) => e === 'down')).toHaveLength(7);
    expect(h.delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    h.link.coreSteady();
    h.link.coreExited('core8', 1);
    expect(h.delays.at(-1)).toBe(1000);
  });

  it('ignores the exit of a core it has already replaced, and restarts nothing while quitting or after a clean exit', () => {
    const h = harness();
    h.link.start();
    h.link.coreExited('core0', 1);
    expect(h.timers).toHaveLength(0);
    h.link.coreExited('core1', 0);
    expect(h.timers).toHaveLength(0);
    h.link.start();
    h.link.quit();
    h.link.coreExited('core2', 1);
    expect(h.timers).toHaveLength(0);
    expect(h.events).toEqual([]); // no window was loaded
  });

  it('a core restarted while no window is open is connected when the window opens', () => {
    const h = harness();
    h.link.start();
    h.link.windowLoaded();
    h.link.windowClosed();
    h.link.coreExited('core1', 1);
    h.fire();
    expect(h.events).toEqual(['connect core1']);
    h.link.windowLoaded();
    expect(h.events).toEqual(['connect core1', 'connect core2']);
  });
});
