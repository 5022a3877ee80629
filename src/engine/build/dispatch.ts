/**
 * What each instruction does to the stage (moby builder/dockerfile/dispatchers.go):
 * metadata instructions change the run config and commit an empty-layer image through a
 * container that never runs (`#(nop)` comment as Cmd); WORKDIR also creates the
 * directory; RUN runs the command in a container and commits its read-write layer;
 * COPY/ADD write into a new layer without a container. Every step probes the cache first.
 */
import type { CommandLine, Instruction } from '../dockerfile/instructions.ts';
import { goQuoteSlice, goSlice } from '../format/goquote.ts';
import { truncateID } from '../format/ids.ts';
import type { ContainerConfig, HealthConfig } from '../image/config.ts';
import { Changeset, type ChangeItem } from '../layer/changeset.ts';
import { ContainerLayer } from '../layer/container.ts';
import { joinParts, pathParts } from '../fs/path.ts';
import { ERRNO_TEXT, FsError } from '../fs/ops.ts';
import { BindMounts } from '../runtime/bind-mounts.ts';
import type { Daemon } from '../runtime/daemon.ts';
import { networkMounts } from '../runtime/network-files.ts';
import { startFailureText } from '../runtime/commands/lifecycle.ts';
import { ensureWorkdir, resolveUser, runProcess, StartError } from '../runtime/process.ts';
import type { ContainerRecord } from '../runtime/state.ts';
import { probeCache } from './cache.ts';
import { commitStep, copyRunConfig } from './commit.ts';
import { BuildError, copyInfos, performCopy, type CopySource } from './copy.ts';
import { expandOrFail, expandWordsOrFail } from './expand.ts';
import { goDuration, goQuoteRune } from './gofmt.ts';
import type { BuildStep } from './result.ts';
import type { StageState } from './stage.ts';
import type { BuildOptions } from './builder.ts';
import type { BuildContext } from './context.ts';

/** What dispatch needs from the build in progress. */
export interface StepRecorder {
  readonly d: Daemon;
  readonly options: BuildOptions;
  readonly context: BuildContext;
  readonly contextSource: CopySource;
  current: BuildStep | null;
  print(line: string): void;
  printRaw(text: string): void;
  imageSource(from: string): Promise<CopySource>;
}

type Work =
  | { kind: 'none' }
  | { kind: 'workdir' }
  | { kind: 'run'; runConfig: ContainerConfig; argv: string[] }
  | { kind: 'copy'; apply: (fs: ContainerLayer) => void };

/** resolveCmdLine: the shell form gets the stage's shell in front. */
function cmdLine(st: StageState, c: CommandLine): string[] {
  return c.form === 'shell' ? [...st.shell(), c.command] : [...c.args];
}

/** `#(nop) ` + comment as its own argument (two spaces in created_by) or joined (WORKDIR/COPY/ADD). */
function commentConfig(st: StageState, comment: string, joined = false): ContainerConfig {
  return copyRunConfig(st.runConfig, { Cmd: joined ? [...st.shell(), `#(nop) ${comment}`] : [...st.shell(), '#(nop) ', comment] });
}

/** probe → hit, or make the container/layer, commit it, and move the stage on. */
async function step(b: StepRecorder, st: StageState, stepNumber: number, cacheConfig: ContainerConfig, work: Work, copy?: { instruction: string; sources: string }): Promise<void> {
  const d = b.d;
  const probe = probeCache(cacheConfig, {
    children: st.image ? d.childrenOf(st.image.id) : [...d.state.images.values()].filter((i) => i.parent === undefined && !i.config.history.length),
    noCache: b.options.noCache,
    missedAt: st.missedAt,
    copy,
  });
  const rec = b.current;
  if (probe.hit) {
    b.print(' ---> Using cache');
    st.image = probe.image;
    if (rec) {
      rec.cache = { status: 'hit', reason: { id: 'cache-hit', params: { image: truncateID(probe.image.id) } } };
      const last = probe.image.config.history.at(-1);
      const diffId = probe.image.config.rootfs.diff_ids.at(-1);
      rec.createdBy = last?.created_by ?? null;
      rec.layer = last && !last.empty_layer && diffId ? { diffId, size: d.state.layers.get(diffId)?.size ?? 0 } : null;
    }
    return;
  }
  if (rec) rec.cache = { status: 'miss', reason: probe.reason };
  if (st.missedAt === null) st.missedAt = stepNumber;
  let containerId: string | null = null;
  let containerConfig = cacheConfig;
  if (work.kind !== 'copy') {
    containerId = d.newContainerId();
    containerConfig = copyRunConfig(cacheConfig, { Hostname: cacheConfig.Hostname || containerId.slice(0, 12) });
    if (rec) rec.containerId = containerId;
    // WORKDIR's directory is made while its container is created: a failure comes first.
    if (work.kind !== 'workdir') b.print(` ---> Running in ${truncateID(containerId)}`);
  }
  if (work.kind === 'none' || work.kind === 'workdir') inheritHealthcheck(st, containerConfig);
  const clock = () => Math.floor(d.now / 1000);
  // A container's root has the init layer (placeholders for /etc/hostname, hosts,
  // resolv.conf) below its read-write layer, and its own copies of those files mounted over
  // them; COPY/ADD write into a plain new layer over the image.
  const layer = !st.image ? ContainerLayer.over([], { clock }) : containerId ? d.openLayer(st.image) : ContainerLayer.over(d.layersOf(st.image), { clock });
  const mounts = st.image && containerId ? networkMounts(containerId.slice(0, 12), d.seconds()) : BindMounts.none();
  const container = { rw: layer, mounts };
  let changes: Changeset;
  // What the daemon reports when the file system refuses (a path through a file, …): the
  // path inside the layer's merged directory, as overlay2 sees it.
  const fsFailure = (e: unknown, prefix: string): never => {
    if (!(e instanceof FsError)) throw e;
    const merged = `/var/lib/docker/overlay2/${d.randomHex(64)}/merged`;
    const why = ERRNO_TEXT[e.code].charAt(0).toLowerCase() + ERRNO_TEXT[e.code].slice(1);
    throw new BuildError(`${prefix}lstat ${merged}${e.path.startsWith('/') ? e.path : '/' + e.path}: ${why}`);
  };
  if (work.kind === 'workdir') {
    const dir = joinParts(pathParts(st.runConfig.WorkingDir));
    try {
      if (!layer.exists(dir)) {
        layer.user = { uid: 0, gid: 0 };
        layer.mkdir(dir, { parents: true, mode: 0o755 });
      }
    } catch (e) {
      fsFailure(e, '');
    }
    b.print(` ---> Running in ${truncateID(containerId!)}`);
    changes = layer.changeset();
  } else if (work.kind === 'run') {
    changes = await runStep(b, st, container, work.runConfig, work.argv, containerId!);
  } else if (work.kind === 'copy') {
    try {
      work.apply(layer);
    } catch (e) {
      fsFailure(e, 'failed to copy files: ');
    }
    changes = layer.changeset();
  } else changes = layer.changeset();
  const committed = await commitStep(d, {
    parent: st.image,
    layer: changes,
    containerConfig,
    config: st.runConfig,
    author: st.maintainer,
    containerId,
  });
  if (containerId && (b.options.rm || b.options.forceRm)) b.print(`Removing intermediate container ${truncateID(containerId)}`);
  else if (containerId) keepContainer(b, st, containerConfig, containerId, container, work.kind === 'run' ? 0 : null);
  st.image = committed.image;
  if (rec) {
    rec.layer = committed.layer;
    rec.createdBy = committed.createdBy;
  }
}

/**
 * Creating the step's container merges the parent image's config into the step's config,
 * and in Docker the step's HealthConfig is the same object as the stage's: zero fields of a
 * new HEALTHCHECK (NONE included) take the parent's values, in the image config too (the
 * history text was printed before, with the zeros).
 */
function inheritHealthcheck(st: StageState, containerConfig: ContainerConfig): void {
  const from = st.image?.config.config.Healthcheck;
  const h = st.runConfig.Healthcheck;
  if (!from || !h) return;
  const filled: HealthConfig = {
    ...h,
    ...(h.Test && h.Test.length ? {} : from.Test ? { Test: [...from.Test] } : {}),
    ...(h.Interval ? {} : from.Interval ? { Interval: from.Interval } : {}),
    ...(h.Timeout ? {} : from.Timeout ? { Timeout: from.Timeout } : {}),
    ...(h.StartPeriod ? {} : from.StartPeriod ? { StartPeriod: from.StartPeriod } : {}),
    ...(h.Retries ? {} : from.Retries ? { Retries: from.Retries } : {}),
  };
  st.runConfig.Healthcheck = filled;
  containerConfig.Healthcheck = { ...filled };
}

/** Writes under a declared VOLUME go to a throw-away volume: only missing mount points stay in the layer. */
function withoutVolumes(changes: Changeset, volumes: readonly string[], created: ReadonlySet<string>): Changeset {
  if (!volumes.length) return changes;
  const vols = volumes.map((v) => joinParts(pathParts(v)));
  const items: ChangeItem[] = [];
  for (const item of changes.items()) {
    const under = vols.find((v) => item.path === v || item.path.startsWith(v === '/' ? '/' : v + '/'));
    if (!under) items.push(item);
    else if (item.path === under && created.has(under) && item.change.kind === 'entry') items.push({ path: item.path, change: { kind: 'entry', entry: { ...item.change.entry, mode: 0o755, uid: 0, gid: 0 } } });
  }
  return Changeset.from(items);
}

/** A build container's file systems: its read-write layer and the files bind-mounted over it. */
type StepContainer = Pick<ContainerRecord, 'rw' | 'mounts'>;

async function runStep(b: StepRecorder, st: StageState, container: StepContainer, runConfig: ContainerConfig, argv: string[], containerId: string): Promise<Changeset> {
  const d = b.d;
  const layer = container.rw;
  const fs = d.mountNamespace(container);
  const volumes = Object.keys(runConfig.Volumes ?? {});
  const created = new Set<string>();
  for (const v of volumes) {
    const p = joinParts(pathParts(v));
    if (!layer.exists(p)) {
      layer.user = { uid: 0, gid: 0 };
      layer.mkdir(p, { parents: true, mode: 0o755 });
      created.add(p);
    }
  }
  const config = copyRunConfig(runConfig, { Hostname: containerId.slice(0, 12) });
  let exitCode = 0;
  let failure: string | null = null;
  try {
    try {
      const user = resolveUser(fs, config.User);
      layer.user = { uid: user.uid, gid: user.gid };
    } catch {
      // runProcess reports an unknown user with runc's words
    }
    ensureWorkdir(fs, config.WorkingDir);
    const r = await runProcess(d.options.runner, { fs, config, argv, now: d.now });
    b.printRaw(r.stdout);
    if (r.stderr) b.printRaw(`\x1b[91m${r.stderr}\x1b[0m`);
    exitCode = r.exitCode;
    if (r.durationMs === Infinity) {
      // A server (nginx -g 'daemon off;') or a read of stdin never ends: a real build waits here forever.
      throw new BuildError(`layerlab: the command '${argv.join(' ')}' never ends (it runs until stopped); a real docker build would wait here forever`, 1);
    }
    if (r.durationMs) d.advance(r.durationMs);
  } catch (e) {
    if (!(e instanceof StartError)) throw e;
    failure = startFailureText(e.message);
    exitCode = e.exitCode;
  }
  if (failure !== null || exitCode !== 0) {
    // A process that could not start leaves its container Created; one that failed, Exited.
    leaveContainer(b, st, config, argv, containerId, container, failure !== null ? null : exitCode);
    if (failure !== null) throw new BuildError(failure, 1);
    throw new BuildError(`The command '${argv.join(' ')}' returned a non-zero code: ${exitCode}`, exitCode);
  }
  return withoutVolumes(layer.changeset(), volumes, created);
}

/** A failed RUN's container stays (`docker ps -a` shows it Exited), unless --force-rm. */
function leaveContainer(b: StepRecorder, st: StageState, config: ContainerConfig, argv: string[], id: string, container: StepContainer, exitCode: number | null): void {
  if (b.options.forceRm) {
    b.print(`Removing intermediate container ${truncateID(id)}`);
    return;
  }
  keepContainer(b, st, copyRunConfig(config, { Entrypoint: null, Cmd: argv }), id, container, exitCode);
}

/** An intermediate container left in the daemon (a failed step, or every step with --rm=false). */
/** `exitCode` null: the container was created but never started (metadata steps, WORKDIR). */
function keepContainer(b: StepRecorder, st: StageState, config: ContainerConfig, id: string, container: StepContainer, exitCode: number | null): void {
  const d = b.d;
  const argv = [...(config.Entrypoint ?? []).filter((e) => e !== ''), ...(config.Cmd ?? [])];
  const c: ContainerRecord = {
    id,
    name: d.newContainerName(),
    created: d.now,
    image: st.image?.id ?? '',
    imageId: st.image?.id ?? '',
    config: copyRunConfig(config),
    path: argv[0] ?? '',
    args: argv.slice(1),
    autoRemove: false,
    binds: [],
    portBindings: {},
    state: exitCode === null ? { status: 'created', exitCode: 0, startedAt: 0, finishedAt: 0, endsAt: 0 } : { status: 'exited', exitCode, startedAt: d.now, finishedAt: d.now, endsAt: 0 },
    rw: container.rw,
    mounts: container.mounts,
    logs: [],
  };
  d.putContainer(c);
}

function healthText(h: HealthConfig): string {
  return `&{${goQuoteSlice(h.Test ?? [])} "${goDuration(h.Interval ?? 0)}" "${goDuration(h.Timeout ?? 0)}" "${goDuration(h.StartPeriod ?? 0)}" ${goQuoteRune(h.Retries ?? 0)}}`;
}

const SIGNALS = new Set('ABRT ALRM BUS CHLD CLD CONT FPE HUP ILL INT IO IOT KILL PIPE POLL PROF PWR QUIT SEGV STKFLT STOP SYS TERM TRAP TSTP TTIN TTOU URG USR1 USR2 VTALRM WINCH XCPU XFSZ'.split(' '));

function validSignal(s: string): boolean {
  if (/^\d+$/.test(s)) return Number(s) > 0 && Number(s) < 65;
  const name = s.toUpperCase().replace(/^SIG/, '');
  return SIGNALS.has(name) || /^RTM(IN|AX)([+-]\d+)?$/.test(name);
}

/** nat.ParsePortSpecs for EXPOSE: `80` → `80/tcp`, ranges expanded. */
function exposedPorts(ports: readonly string[]): string[] {
  const out: string[] = [];
  for (const spec of ports) {
    const [port, proto = 'tcp'] = spec.split('/', 2);
    const m = /^(\d+)(?:-(\d+))?$/.exec(port);
    const lo = m ? Number(m[1]) : NaN;
    const hi = m?.[2] !== undefined ? Number(m[2]) : lo;
    if (!m || lo < 1 || hi > 65535 || hi < lo) throw new BuildError(`Invalid containerPort: ${port}`);
    if (!/^(tcp|udp|sctp)$/i.test(proto)) throw new BuildError(`Invalid proto: ${proto}`);
    for (let p = lo; p <= hi; p++) out.push(`${p}/${proto.toLowerCase()}`);
  }
  return out;
}

/** Dispatches one instruction of a stage (the `Step` line is already printed). */
export async function dispatch(b: StepRecorder, st: StageState, inst: Instruction, stepNumber: number, escape: string): Promise<void> {
  const rc = st.runConfig;
  const env = st.expansionEnv();
  const x = (w: string) => expandOrFail(w, env, escape);
  const meta = (comment: string) => step(b, st, stepNumber, commentConfig(st, comment), { kind: 'none' });
  switch (inst.kind) {
    case 'ENV': {
      const pairs = inst.pairs.map((p) => [x(p.key), x(p.value)] as const);
      let comment = 'ENV';
      for (const [k, v] of pairs) {
        comment += ` ${k}=${v}`;
        const envList = [...(rc.Env ?? [])];
        const i = envList.findIndex((e) => e.split('=', 1)[0] === k);
        if (i >= 0) envList[i] = `${k}=${v}`;
        else envList.push(`${k}=${v}`);
        rc.Env = envList;
      }
      return meta(comment);
    }
    case 'LABEL': {
      let comment = 'LABEL';
      rc.Labels = { ...(rc.Labels ?? {}) };
      for (const p of inst.pairs) {
        const k = x(p.key);
        const v = x(p.value);
        rc.Labels[k] = v;
        comment += ` ${k}=${v}`;
      }
      return meta(comment);
    }
    case 'MAINTAINER':
      st.maintainer = inst.maintainer;
      return meta(`MAINTAINER ${inst.maintainer}`);
    case 'ARG': {
      const parts: string[] = [];
      for (const a of inst.args) {
        const value = a.defaultValue === null ? null : x(a.defaultValue);
        parts.push(value === null ? a.name : `${a.name}=${value}`);
        st.buildArgs.addArg(a.name, value);
      }
      return meta(`ARG ${parts.join(' ')}`);
    }
    case 'CMD': {
      const cmd = cmdLine(st, inst.command);
      rc.Cmd = cmd;
      await meta(`CMD ${goQuoteSlice(cmd)}`);
      if (inst.command.form === 'shell' || inst.command.args.length) st.cmdSet = true;
      return;
    }
    case 'ENTRYPOINT': {
      const ep = cmdLine(st, inst.command);
      rc.Entrypoint = ep;
      if (!st.cmdSet) rc.Cmd = null;
      return meta(`ENTRYPOINT ${goQuoteSlice(ep)}`);
    }
    case 'EXPOSE': {
      const ports = inst.ports.flatMap((p) => expandWordsOrFail(p, env, escape));
      const specs = exposedPorts(ports);
      rc.ExposedPorts = { ...(rc.ExposedPorts ?? {}) };
      for (const p of specs) rc.ExposedPorts[p] = {};
      return meta(`EXPOSE ${[...ports].sort().join(' ')}`);
    }
    case 'VOLUME': {
      const paths = inst.paths.map(x);
      rc.Volumes = { ...(rc.Volumes ?? {}) };
      for (const v of paths) {
        if (v === '') throw new BuildError('VOLUME specified can not be an empty string');
        rc.Volumes[v] = {};
      }
      return meta(`VOLUME ${goSlice(paths)}`);
    }
    case 'USER':
      rc.User = x(inst.user);
      return meta(`USER ${rc.User}`);
    case 'STOPSIGNAL': {
      const sig = x(inst.signal);
      if (!validSignal(sig)) throw new BuildError(`Invalid signal: ${sig}`);
      rc.StopSignal = sig;
      return meta(`STOPSIGNAL ${sig}`);
    }
    case 'SHELL':
      rc.Shell = [...inst.shell];
      return meta(`SHELL ${goSlice(inst.shell)}`);
    case 'ONBUILD':
      rc.OnBuild = [...(rc.OnBuild ?? []), inst.expression];
      return meta(`ONBUILD ${inst.expression}`);
    case 'HEALTHCHECK': {
      if (rc.Healthcheck?.Test?.length && rc.Healthcheck.Test[0] !== 'NONE') b.print(`Note: overriding previous HEALTHCHECK: ${goSlice(rc.Healthcheck.Test)}`);
      const h: HealthConfig = {};
      if (inst.test.type === 'NONE') h.Test = ['NONE'];
      else h.Test = inst.test.command.form === 'shell' ? ['CMD-SHELL', inst.test.command.command] : ['CMD', ...inst.test.command.args];
      if (inst.interval) h.Interval = inst.interval;
      if (inst.timeout) h.Timeout = inst.timeout;
      if (inst.startPeriod) h.StartPeriod = inst.startPeriod;
      if (inst.retries) h.Retries = inst.retries;
      rc.Healthcheck = h;
      return meta(`HEALTHCHECK ${healthText(h)}`);
    }
    case 'WORKDIR': {
      const requested = x(inst.path);
      rc.WorkingDir = requested.startsWith('/') ? requested : joinParts(pathParts(requested, rc.WorkingDir || '/'));
      return step(b, st, stepNumber, commentConfig(st, `WORKDIR ${rc.WorkingDir}`, true), { kind: 'workdir' });
    }
    case 'RUN': {
      const cmd = cmdLine(st, inst.command);
      const buildArgs = st.buildArgs.filterAllowed(rc.Env);
      let saveCmd = cmd;
      if (buildArgs.length) {
        const shown = buildArgs.filter((e) => st.buildArgs.referencedOrNotBuiltin(e.split('=', 1)[0])).sort();
        saveCmd = [`|${shown.length}`, ...shown, ...cmd];
      }
      const probeConfig = copyRunConfig(rc, { Cmd: saveCmd, ...(saveCmd.length ? { Entrypoint: null } : {}) });
      const runConfig = copyRunConfig(rc, { Cmd: cmd, Env: [...(rc.Env ?? []), ...buildArgs], Entrypoint: null });
      delete runConfig.Healthcheck;
      return step(b, st, stepNumber, probeConfig, { kind: 'run', runConfig, argv: cmd });
    }
    case 'COPY':
    case 'ADD': {
      if (inst.heredocs.length) throw new BuildError(`${inst.kind} failed: here-documents need BuildKit; the classic builder does not support them`);
      const sources = inst.sources.map(x);
      const dest = x(inst.dest);
      const chown = inst.chown === null ? '' : x(inst.chown);
      const from = inst.kind === 'COPY' && inst.from !== null ? x(inst.from) : null;
      const src = from !== null ? await b.imageSource(from) : b.contextSource;
      const { infos, hash } = await copyInfos(src, sources, dest, inst.kind);
      const comment = `${inst.kind} ${chown ? `--chown=${chown}` : ''}${hash} in ${dest} `;
      const config = commentConfig(st, comment, true);
      const destAbs = dest.startsWith('/') ? dest : joinParts(pathParts(dest, rc.WorkingDir || '/')) + (dest.endsWith('/') ? '/' : '');
      return step(
        b,
        st,
        stepNumber,
        config,
        {
          kind: 'copy',
          apply: (fs) => {
            const identity = chown ? parseChown(fs, chown) : { uid: 0, gid: 0 };
            fs.user = { uid: 0, gid: 0 };
            performCopy(fs, src, infos, destAbs, { identity, decompress: inst.kind === 'ADD', now: Math.floor(b.d.now / 1000) });
          },
        },
        { instruction: inst.kind, sources: sources.join(' ') },
      );
    }
    case 'FROM':
      throw new BuildError('FROM inside a stage');
  }
}

/** `--chown=user[:group]` looked up in the image's /etc/passwd and /etc/group. */
function parseChown(fs: ContainerLayer, chown: string): { uid: number; gid: number } {
  const [u, g = u] = chown.split(':', 2);
  const read = (path: string) => {
    try {
      return new TextDecoder().decode(fs.readFile(path)).split('\n').map((l) => l.split(':'));
    } catch {
      return [];
    }
  };
  const lookup = (name: string, file: string, kind: 'uid' | 'gid'): number => {
    if (/^\d+$/.test(name)) return Number(name);
    const row = read(file).find((r) => r[0] === name);
    if (!row || row.length < 3) {
      throw new BuildError(`unable to convert uid/gid chown string to host mapping: can't find ${kind} for ${kind === 'uid' ? 'user' : 'group'} ${name}: no such ${kind === 'uid' ? 'user' : 'group'}: ${name}`);
    }
    return Number(row[2]);
  };
  return { uid: lookup(u, '/etc/passwd', 'uid'), gid: lookup(g, '/etc/group', 'gid') };
}
