import { childTraceparent, currentTraceContext, newTraceContext, runInTraceContext, traceIdOf } from './trace-context';

describe('trace context', () => {
  it('continues the trace of a valid parent with a new span', () => {
    const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const child = childTraceparent(parent);
    expect(traceIdOf(child)).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(child).not.toBe(parent);
    expect(child).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('starts a new trace when the parent is missing, malformed or all zeros', () => {
    for (const parent of [undefined, 'garbage', '00-00000000000000000000000000000000-00f067aa0ba902b7-01']) {
      const child = childTraceparent(parent);
      expect(child).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      expect(traceIdOf(child)).not.toBe('00000000000000000000000000000000');
    }
  });

  it('gives every new trace and span ids of their own, across many blocks of random bytes', () => {
    const traceparents = Array.from({ length: 2000 }, () => childTraceparent());
    expect(traceparents.every((traceparent) => /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/.test(traceparent))).toBe(true);
    expect(new Set(traceparents.map(traceIdOf)).size).toBe(2000);
    expect(new Set(traceparents.map((traceparent) => traceparent.slice(36, 52))).size).toBe(2000);
  });

  it('is visible to async work started inside it, and only there', async () => {
    const context = newTraceContext({ correlationId: 'corr-1' });
    const seen = await runInTraceContext(context, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentTraceContext();
    });
    expect(seen).toBe(context);
    expect(currentTraceContext()).toBeUndefined();
  });
});
