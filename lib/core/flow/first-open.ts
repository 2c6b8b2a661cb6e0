/**
 * Items filed under a key, each with a fixed rank; `first(key)` is the lowest-ranked one still open. One
 * binary heap per key, closed items dropped as they surface: every item costs O(log n) once, so matching n
 * artifacts to n requests stays n log n where a scan over all flows per artifact was quadratic.
 */
export class FirstOpen<T> {
  private readonly heaps = new Map<string, T[]>();

  constructor(
    private readonly rank: (item: T) => number,
    private readonly isOpen: (item: T) => boolean,
  ) {}

  add(key: string, item: T): void {
    let heap = this.heaps.get(key);
    if (!heap) this.heaps.set(key, (heap = []));
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.rank(heap[parent]!) <= this.rank(heap[i]!)) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  first(key: string): T | undefined {
    const heap = this.heaps.get(key);
    if (!heap) return undefined;
    // Closed never reopens (an answered flow stays answered), so a closed item can leave for good.
    while (heap.length > 0 && !this.isOpen(heap[0]!)) this.pop(heap);
    return heap[0];
  }

  private pop(heap: T[]): void {
    const last = heap.pop()!;
    if (heap.length === 0) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < heap.length && this.rank(heap[l]!) < this.rank(heap[min]!)) min = l;
      if (r < heap.length && this.rank(heap[r]!) < this.rank(heap[min]!)) min = r;
      if (min === i) return;
      [heap[min], heap[i]] = [heap[i]!, heap[min]!];
      i = min;
    }
  }
}
