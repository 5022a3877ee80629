/**
 * What the lessons ask the session's daemon besides builds: docker commands run on a built
 * image (what `docker run IMAGE ARGS` prints, what `docker diff` lists, what a commit keeps),
 * and which layer of an image holds a path. Answers come from the engine, never from the
 * lesson data.
 */
import { UnionView } from '../../engine/layer/union.ts';
import { dockerCli } from '../../engine/runtime/cli.ts';
import { classifyLine } from '../../conformance/session.ts';
import { theDaemon } from '../engine.ts';
import { bumpRevision } from './revision.ts';
import { HostShell } from '../../engine/runtime/host-shell/shell.ts';
import { httpExchange } from '../../engine/runtime/published-port.ts';

export interface LessonsApi {
  /**
   * Runs docker command lines (without `docker`; `{image}` stands for the image), or `curl …`
   * lines at the host's prompt, and returns what the last one printed. Containers named with
   * `--name` are removed afterwards.
   */
  lessonCli(lines: string[], imageId: string): Promise<{ output: string; revision: number }>;
  /** The layer (0-based) the image shows `path` from (null: it does not show it), and how many layers the image has. */
  lessonPathLayer(imageId: string, path: string): Promise<{ layer: number | null; layers: number }>;
}

export const lessonsApi: LessonsApi = {
  async lessonCli(lines, imageId) {
    const d = await theDaemon();
    let output = '';
    const names: string[] = [];
    for (const line of lines) {
      if (line.startsWith('curl ')) {
        // curl at a host prompt of its own: it reaches the containers' published ports
        const r = await new HostShell().run(line, { docker: (call) => dockerCli(d, call.argv), http: (port, request) => httpExchange(d, port, request), files: d.host, now: d.now / 1000 });
        output = r.output;
        continue;
      }
      const parsed = classifyLine(`docker ${line.replaceAll('{image}', imageId)}`);
      if (parsed.kind !== 'docker') throw new Error(`not a docker command: ${line}`);
      const argv = parsed.argv.slice(1);
      const n = argv.indexOf('--name');
      if (n >= 0 && argv[n + 1]) names.push(argv[n + 1]!);
      const r = await dockerCli(d, argv);
      output = r.stdout + r.stderr;
    }
    if (names.length) await dockerCli(d, ['rm', '-f', ...names]);
    return { output, revision: bumpRevision() };
  },

  async lessonPathLayer(imageId, path) {
    const d = await theDaemon();
    const diffs = d.state.images.get(imageId)?.config.rootfs.diff_ids ?? [];
    const union = new UnionView(diffs.map((id) => d.state.layers.get(id)!.changeset));
    return { layer: union.provenance(path).layer ?? null, layers: diffs.length };
  },
};
