import { PollingTimer } from './polling-timer';

/** Records when each pass starts; with `gated`, a pass lasts until the test calls `finishPass`. */
class CountingTimer extends PollingTimer {
  readonly starts: number[] = [];
  running = 0;
  overlapped = false;
  private finish?: () => void;

  constructor(private readonly gated: boolean) {
    super(1_000, 200);
  }

  async runOnce(): Promise<void> {
    this.starts.push(Date.now() - t0);
    this.running++;
    this.overlapped ||= this.running > 1;
    if (this.gated) await new Promise<void>((resolve) => (this.finish = resolve));
    this.running--;
  }

  finishPass(): void {
    this.finish?.();
  }
}

let t0: number;

beforeEach(() => {
  jest.useFakeTimers();
  t0 = Date.now();
});

afterEach(() => jest.useRealTimers());

function started(gated = false): CountingTimer {
  const timer = new CountingTimer(gated);
  timer.onApplicationBootstrap();
  return timer;
}

describe('PollingTimer', () => {
  it('runs a pass every tick', async () => {
    const timer = started();
    await jest.advanceTimersByTimeAsync(3_050);
    expect(timer.starts).toEqual([1_000, 2_000, 3_000]);
    await timer.beforeApplicationShutdown();
  });

  it('runs a pass soon when woken, then at most once per wake gap however often it is woken', async () => {
    const timer = started();
    await jest.advanceTimersByTimeAsync(10);
    timer.wake();
    await jest.advanceTimersByTimeAsync(1);
    expect(timer.starts).toHaveLength(1);
    for (let i = 0; i < 10; i++) {
      timer.wake();
      await jest.advanceTimersByTimeAsync(20);
    }
    expect(timer.starts).toHaveLength(2);
    expect(timer.starts[1] - timer.starts[0]).toBe(200);
    await timer.beforeApplicationShutdown();
  });

  it('never runs two passes at once: a wake during a pass makes one more pass after it, then ticks resume', async () => {
    const timer = started(true);
    timer.wake();
    await jest.advanceTimersByTimeAsync(1);
    timer.wake();
    timer.wake();
    await jest.advanceTimersByTimeAsync(2_000);
    expect(timer.starts).toHaveLength(1);
    timer.finishPass();
    await jest.advanceTimersByTimeAsync(1);
    expect(timer.starts).toHaveLength(2);
    timer.finishPass();
    await jest.advanceTimersByTimeAsync(900);
    expect(timer.starts).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(200);
    expect(timer.starts).toHaveLength(3);
    expect(timer.overlapped).toBe(false);
    timer.finishPass();
    await timer.beforeApplicationShutdown();
  });

  it('runs nothing once stopped, waking or not', async () => {
    const timer = started();
    await timer.beforeApplicationShutdown();
    timer.wake();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(timer.starts).toEqual([]);
  });
});
