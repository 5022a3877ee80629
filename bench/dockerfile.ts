import { summarize, timeMs, type BenchSuite, type Figures } from './harness.ts';
import { parseDockerfile } from '../src/engine/dockerfile/index.ts';

/** A realistic block of instructions (~1 KB), repeated to reach a size. */
const BLOCK = [
  'ARG VERSION=1.2.3',
  'ENV APP_HOME=/srv/app PATH="/srv/app/bin:$PATH" LANG=C.UTF-8',
  'LABEL org.opencontainers.image.title="demo app" maintainer=me@example.com',
  'RUN apt-get update \\',
  '    && apt-get install -y --no-install-recommends ca-certificates curl \\',
  '    # a comment inside the continuation',
  '    && rm -rf /var/lib/apt/lists/*',
  'COPY --chown=1000:1000 --chmod=755 ["bin/run", "bin/setup", "/srv/app/bin/"]',
  'RUN --mount=type=cache,target=/root/.cache <<EOF',
  'set -e',
  'echo "building ${VERSION}"',
  'EOF',
  'HEALTHCHECK --interval=30s --timeout=3s CMD ["curl", "-f", "http://localhost/"]',
  'WORKDIR ${APP_HOME}',
  'USER 1000:1000',
  'EXPOSE 80/tcp 443',
  "CMD ['not', 'json']",
  '',
].join('\n');

function dockerfileOf(bytes: number): string {
  let text = 'FROM debian:bookworm AS base\n';
  let i = 0;
  while (text.length < bytes) text += BLOCK.replace('AS base', '') + (++i % 50 === 0 ? `FROM base AS s${i}\n` : '');
  return text;
}

/** One instruction with a very long continued line: the worst case for joining lines. */
function longContinuation(bytes: number): string {
  let text = 'FROM a\nRUN true';
  while (text.length < bytes) text += ' \\\n    && echo "${X:-default}" > /tmp/f';
  return text + '\n';
}

async function perKb(text: string, runs: number): Promise<{ figure: ReturnType<typeof summarize>; msPerKb: number }> {
  const figure = await timeMs(() => parseDockerfile(text), runs);
  // The fastest run: garbage collection and the other processes on the machine only add time.
  return { figure, msPerKb: figure.min / (text.length / 1024) };
}

export const dockerfileSuite: BenchSuite = {
  name: 'dockerfile',
  async run(): Promise<Figures> {
    const small = await perKb(dockerfileOf(10 * 1024), 21);
    const big = await perKb(dockerfileOf(1024 * 1024), 5);
    const longSmall = await perKb(longContinuation(10 * 1024), 21);
    const longBig = await perKb(longContinuation(1024 * 1024), 5);
    const mbPerS = 1 / (big.figure.median / 1000);
    const round = (n: number) => Math.round(n * 1000) / 1000;
    return {
      parse_1mb_ms: big.figure,
      parse_10kb_ms: small.figure,
      throughput_mb_per_s: round(mbPerS),
      ms_per_kb_at_10kb: round(small.msPerKb),
      ms_per_kb_at_1mb: round(big.msPerKb),
      // ≈1 means linear: the best time per KB is the same at 10 KB and at 1 MB.
      linearity_1mb_vs_10kb: round(big.msPerKb / small.msPerKb),
      long_line_linearity_1mb_vs_10kb: round(longBig.msPerKb / longSmall.msPerKb),
    };
  },
};
