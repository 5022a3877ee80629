import { loadSharedBase } from '../src/engine/base/load-node.ts';
import { ContainerLayer } from '../src/engine/layer/container.ts';
import { parseScript } from '../src/engine/shell/parser.ts';
import { runShell } from '../src/engine/shell/run.ts';
import { timeMs, type BenchSuite } from './harness.ts';

/**
 * Shell figures (issue 5): parsing a 2,000-line script, a 20,000-turn arithmetic loop
 * (interpreter speed), `ls -lR /` on busybox (1 process, ~300 entries), and `sed -i` on a
 * 1 MB file in the container layer.
 */
const ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' };

export const shellSuite: BenchSuite = {
  name: 'shell',
  async run() {
    const base = loadSharedBase('busybox');
    const fresh = () => ContainerLayer.over(base.layers);
    const script = Array.from({ length: 2000 }, (_, i) => `if [ "$x" = ${i} ]; then echo "${'$'}{x%.*}" | sed -e 's/a/b/g' > /tmp/f${i}; fi`).join('\n');
    const big = fresh();
    runShell({ fs: big, env: ENV, script: 'i=0; while [ $i -lt 20000 ]; do echo "line $i bind 127.0.0.1"; i=$((i+1)); done > /big.conf' });
    return {
      parse_2000_lines: await timeMs(() => parseScript(script)),
      loop_20000_turns: await timeMs(() => runShell({ fs: fresh(), env: ENV, script: 'i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done' }), 5),
      ls_lR_root: await timeMs(() => runShell({ fs: fresh(), env: ENV, script: 'ls -lR / > /dev/null' })),
      sed_i_1mb: await timeMs(() => runShell({ fs: big.fork(), env: ENV, script: 'sed -i -e "s@127.0.0.1@0.0.0.0@g" /big.conf' }), 5),
    };
  },
};
