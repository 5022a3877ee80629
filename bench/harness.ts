/** A figure is a median over several runs with its min and max (the machine is noisy). */
export interface Figure {
  median: number;
  min: number;
  max: number;
  runs: number;
  unit: string;
}

export type Figures = Record<string, Figure | number>;

/** One group of benchmarks; its keys are prefixed with `name.` in the report. */
export interface BenchSuite {
  name: string;
  run(): Promise<Figures>;
}

/** Runs `fn` `runs` times after `warmup` untimed runs and returns the milliseconds figure. */
export async function timeMs(fn: () => unknown | Promise<unknown>, runs = 9, warmup = 1): Promise<Figure> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarize(samples, 'ms');
}

export function summarize(samples: number[], unit: string): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median: round(median), min: round(sorted[0]), max: round(sorted[sorted.length - 1]), runs: samples.length, unit };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
