/**
 * glibc's random() (the TYPE_3 additive feedback generator behind srandom/random, which
 * busybox's rand() divides by RAND_MAX), so rand() after srand(n) gives glibc's numbers.
 */
export class GlibcRandom {
  private r: number[] = [];
  private i = 0;

  seed(seed: number): void {
    const r = new Array<number>(34);
    r[0] = (seed >>> 0) === 0 ? 1 : seed | 0;
    for (let i = 1; i < 31; i++) {
      const hi = Math.trunc(r[i - 1] / 127773);
      const lo = r[i - 1] % 127773;
      let word = 16807 * lo - 2836 * hi;
      if (word < 0) word += 2147483647;
      r[i] = word;
    }
    for (let i = 31; i < 34; i++) r[i] = r[i - 31];
    this.r = r;
    this.i = 34;
    for (let k = 0; k < 310; k++) this.step();
  }

  /** The next value, 0 … 2^31-1. */
  next(): number {
    return this.step() >>> 1;
  }

  private step(): number {
    const r = this.r;
    const v = (r[this.i - 31] + r[this.i - 3]) >>> 0;
    r.push(v);
    this.i++;
    if (r.length > 4096) {
      this.r = r.slice(-34);
      this.i = 34;
    }
    return v;
  }
}
