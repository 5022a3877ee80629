/**
 * An awk array. `for (k in a)` visits keys in the order of busybox's hash table (editors/awk.c:
 * hashidx = c + idx*63 over the bytes, 61 buckets growing to 251, 1021… when there are more
 * than 10 items per bucket, new items at the head of their bucket), so loops print in the
 * order busybox prints. GNU flavour (mawk) uses insertion order, which mawk does not promise.
 */
import type { Value } from './values.ts';

const FIRST_PRIME = 61;
const PRIMES = [251, 1021, 4093, 16381, 65521];

function hashidx(name: string): number {
  let idx = 0;
  for (let i = 0; i < name.length; i++) idx = (name.charCodeAt(i) + Math.imul(idx, 63)) >>> 0;
  return idx;
}

export class AwkArray {
  private readonly map = new Map<string, Value>();
  private buckets: string[][] | undefined;
  private nprime = 0;

  constructor(busyboxOrder: boolean) {
    if (busyboxOrder) this.buckets = Array.from({ length: FIRST_PRIME }, () => []);
  }

  get size(): number {
    return this.map.size;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  get(key: string): Value | undefined {
    return this.map.get(key);
  }

  set(key: string, value: Value): void {
    if (!this.map.has(key) && this.buckets) {
      if (Math.floor((this.map.size + 1) / this.buckets.length) > 10) this.rebuild();
      this.buckets[hashidx(key) % this.buckets.length].unshift(key);
    }
    this.map.set(key, value);
  }

  delete(key: string): void {
    if (!this.map.delete(key) || !this.buckets) return;
    const b = this.buckets[hashidx(key) % this.buckets.length];
    b.splice(b.indexOf(key), 1);
  }

  clear(): void {
    this.map.clear();
    if (this.buckets) this.buckets = this.buckets.map(() => []);
  }

  /** The keys as `for (k in a)` walks them (a snapshot). */
  keys(): string[] {
    if (!this.buckets) return [...this.map.keys()];
    return this.buckets.flat();
  }

  private rebuild(): void {
    if (!this.buckets || this.nprime === PRIMES.length) return;
    const size = PRIMES[this.nprime++];
    const next: string[][] = Array.from({ length: size }, () => []);
    for (const bucket of this.buckets) for (const key of bucket) next[hashidx(key) % size].unshift(key);
    this.buckets = next;
  }
}
