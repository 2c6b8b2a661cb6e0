/**
 * Calls `fn` once changes settle (`quietMs`), but at least every `maxWaitMs` while they keep coming,
 * so a burst of thousands of requests updates the panel a few times instead of thousands.
 */
export function coalesce(fn: () => void, quietMs: number, maxWaitMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt: number | undefined;
  const fire = () => {
    timer = undefined;
    firstAt = undefined;
    fn();
  };
  return {
    schedule() {
      const now = Date.now();
      firstAt ??= now;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(fire, Math.max(0, Math.min(quietMs, firstAt + maxWaitMs - now)));
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      firstAt = undefined;
    },
  };
}
