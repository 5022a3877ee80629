/**
 * The `docker` command line on the simulated daemon: argv → command → output, with the
 * docker CLI's rules for flags, argument counts, usage errors and exit codes (125 when
 * docker itself fails, 126/127 when the container's command cannot run).
 */
import { pauseCommand, unpauseCommand } from './commands/pause.ts';
import { updateCommand } from './commands/update.ts';
import { loginCommand, logoutCommand } from './commands/login.ts';
import { runDueRestarts } from './commands/restart-due.ts';
import { dockerHelp, isDockerCommand } from './help.ts';
import type { Winsize } from '../shell/io.ts';
import { attachCommand, waitCommand } from './commands/attach-wait.ts';
import type { Daemon } from './daemon.ts';
import { FlagError, parseFlags, type FlagSpec, type Parsed } from './flags.ts';
import type { CommandResult, HostFiles } from './ports.ts';
import { commitCommand } from './commands/commit.ts';
import { topCommand } from './commands/top.ts';
import { diffCommand, execCommand, logsCommand, rmCommand, startCommand, stopCommand } from './commands/containers.ts';
import { historyCommand, imagesCommand, tagCommand } from './commands/images.ts';
import { psCommand } from './commands/ps.ts';
import { pullCommand } from './commands/pull.ts';
import { pushCommand } from './commands/push.ts';
import { searchCommand } from './commands/search.ts';
import { killCommand, renameCommand, restartCommand } from './commands/signals.ts';
import { rmiCommand } from './commands/rmi.ts';
import { runCommand } from './commands/run.ts';
import { inspectCommand } from './inspect.ts';
import { loadCommand, saveCommand, type ClientFiles } from './commands/save-load.ts';
import { networkLsCommand } from './commands/network.ts';
import { containerPruneCommand, imagePruneCommand, systemPruneCommand } from './commands/prune.ts';
import { systemDfCommand } from './commands/system-df.ts';
import { volumeCreateCommand, volumeInspectCommand, volumeLsCommand, volumePruneCommand, volumeRmCommand } from './commands/volume.ts';

type Arity = { min: number; max: number };

interface DockerCommand {
  /** `run`, `image inspect`, … (what `See 'docker NAME --help'` names). */
  name: string;
  usage: string;
  summary: string;
  flags: FlagSpec[];
  /** False for run/exec: flags end at the first argument. */
  interspersed: boolean;
  arity: Arity;
  handler: (d: Daemon, p: Parsed, stdin: string, client: ClientFiles) => Promise<CommandResult>;
}

const b = (long: string, short?: string): FlagSpec => ({ long, short, kind: 'bool' });
const s = (long: string, short?: string): FlagSpec => ({ long, short, kind: 'string' });
const l = (long: string, short?: string): FlagSpec => ({ long, short, kind: 'list' });
const n = (long: string, short?: string): FlagSpec => ({ long, short, kind: 'int' });

const MANY = Infinity;
const FORMAT = s('format', 'f');

const RUN_FLAGS = [
  s('name'), b('rm'), b('detach', 'd'), b('interactive', 'i'), b('tty', 't'), s('workdir', 'w'), l('env', 'e'), s('user', 'u'),
  s('entrypoint'), l('volume', 'v'), l('publish', 'p'), l('expose'), s('hostname', 'h'), l('label', 'l'), s('network'), b('privileged'),
  s('platform'), s('pull'), s('restart'), b('publish-all', 'P'),
];

const COMMANDS: DockerCommand[] = [
  { name: 'create', usage: 'docker create [OPTIONS] IMAGE [COMMAND] [ARG...]', summary: 'Create a new container', flags: RUN_FLAGS.filter((f) => f.long !== 'detach'), interspersed: false, arity: { min: 1, max: MANY }, handler: (d, p) => runCommand(d, p, { create: true }) },
  { name: 'run', usage: 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]', summary: 'Run a command in a new container', flags: RUN_FLAGS, interspersed: false, arity: { min: 1, max: MANY }, handler: (d, p, stdin, client) => runCommand(d, p, { stdin, ...(client.terminalSize ? { terminalSize: client.terminalSize } : {}) }) },
  { name: 'exec', usage: 'docker exec [OPTIONS] CONTAINER COMMAND [ARG...]', summary: 'Run a command in a running container', flags: [b('detach', 'd'), b('interactive', 'i'), b('tty', 't'), l('env', 'e'), s('user', 'u'), s('workdir', 'w'), b('privileged')], interspersed: false, arity: { min: 2, max: MANY }, handler: (d, p, stdin, client) => execCommand(d, p, stdin, client.terminalSize) },
  { name: 'start', usage: 'docker start [OPTIONS] CONTAINER [CONTAINER...]', summary: 'Start one or more stopped containers', flags: [b('attach', 'a'), b('interactive', 'i')], interspersed: true, arity: { min: 1, max: MANY }, handler: startCommand },
  { name: 'stop', usage: 'docker stop [OPTIONS] CONTAINER [CONTAINER...]', summary: 'Stop one or more running containers', flags: [n('time', 't')], interspersed: true, arity: { min: 1, max: MANY }, handler: stopCommand },
  { name: 'kill', usage: 'docker kill [OPTIONS] CONTAINER [CONTAINER...]', summary: 'Kill one or more running containers', flags: [s('signal', 's')], interspersed: true, arity: { min: 1, max: MANY }, handler: killCommand },
  { name: 'restart', usage: 'docker restart [OPTIONS] CONTAINER [CONTAINER...]', summary: 'Restart one or more containers', flags: [n('time', 't')], interspersed: true, arity: { min: 1, max: MANY }, handler: restartCommand },
  { name: 'update', usage: 'docker update [OPTIONS] CONTAINER [CONTAINER...]', summary: 'Update configuration of one or more containers', flags: [s('restart')], interspersed: true, arity: { min: 1, max: MANY }, handler: updateCommand },
  { name: 'login', usage: 'docker login [OPTIONS] [SERVER]', summary: 'Log in to a Docker registry', flags: [s('username', 'u'), s('password', 'p'), b('password-stdin')], interspersed: true, arity: { min: 0, max: 1 }, handler: (d, p, stdin, client) => loginCommand(d, p, stdin, Boolean(d.options.tty || client.terminalSize)) },
  { name: 'logout', usage: 'docker logout [SERVER]', summary: 'Log out from a Docker registry', flags: [], interspersed: true, arity: { min: 0, max: 1 }, handler: logoutCommand },
  { name: 'pause', usage: 'docker pause CONTAINER [CONTAINER...]', summary: 'Pause all processes within one or more containers', flags: [], interspersed: true, arity: { min: 1, max: MANY }, handler: pauseCommand },
  { name: 'unpause', usage: 'docker unpause CONTAINER [CONTAINER...]', summary: 'Unpause all processes within one or more containers', flags: [], interspersed: true, arity: { min: 1, max: MANY }, handler: unpauseCommand },
  { name: 'rename', usage: 'docker rename CONTAINER NEW_NAME', summary: 'Rename a container', flags: [], interspersed: true, arity: { min: 2, max: 2 }, handler: renameCommand },
  { name: 'rm', usage: 'docker rm [OPTIONS] CONTAINER [CONTAINER...]', summary: 'Remove one or more containers', flags: [b('force', 'f'), b('volumes', 'v'), b('link', 'l')], interspersed: true, arity: { min: 1, max: MANY }, handler: rmCommand },
  { name: 'logs', usage: 'docker logs [OPTIONS] CONTAINER', summary: 'Fetch the logs of a container', flags: [b('follow', 'f'), b('timestamps', 't'), s('tail', 'n'), b('details'), s('since'), s('until')], interspersed: true, arity: { min: 1, max: 1 }, handler: logsCommand },
  { name: 'diff', usage: 'docker diff CONTAINER', summary: "Inspect changes to files or directories on a container's filesystem", flags: [], interspersed: true, arity: { min: 1, max: 1 }, handler: diffCommand },
  { name: 'commit', usage: 'docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]', summary: "Create a new image from a container's changes", flags: [s('author', 'a'), s('message', 'm'), l('change', 'c'), b('pause', 'p')], interspersed: true, arity: { min: 1, max: 2 }, handler: commitCommand },
  { name: 'wait', usage: 'docker wait CONTAINER [CONTAINER...]', summary: 'Block until one or more containers stop, then print their exit codes', flags: [], interspersed: true, arity: { min: 1, max: MANY }, handler: waitCommand },
  { name: 'attach', usage: 'docker attach [OPTIONS] CONTAINER', summary: "Attach local standard input, output, and error streams to a running container", flags: [b('no-stdin'), s('detach-keys'), b('sig-proxy')], interspersed: true, arity: { min: 1, max: 1 }, handler: attachCommand },
  { name: 'top', usage: 'docker top CONTAINER [ps OPTIONS]', summary: 'Display the running processes of a container', flags: [], interspersed: false, arity: { min: 1, max: MANY }, handler: topCommand },
  { name: 'ps', usage: 'docker ps [OPTIONS]', summary: 'List containers', flags: [b('all', 'a'), b('latest', 'l'), b('quiet', 'q'), b('no-trunc'), n('last', 'n'), b('size', 's'), l('filter', 'f'), s('format')], interspersed: true, arity: { min: 0, max: 0 }, handler: psCommand },
  { name: 'images', usage: 'docker images [OPTIONS] [REPOSITORY[:TAG]]', summary: 'List images', flags: [b('all', 'a'), b('quiet', 'q'), b('digests'), b('no-trunc'), l('filter', 'f'), s('format')], interspersed: true, arity: { min: 0, max: 1 }, handler: imagesCommand },
  { name: 'history', usage: 'docker history [OPTIONS] IMAGE', summary: 'Show the history of an image', flags: [{ long: 'human', short: 'H', kind: 'bool' }, b('no-trunc'), b('quiet', 'q'), s('format')], interspersed: true, arity: { min: 1, max: 1 }, handler: historyCommand },
  { name: 'inspect', usage: 'docker inspect [OPTIONS] NAME|ID [NAME|ID...]', summary: 'Return low-level information on Docker objects', flags: [FORMAT, b('size', 's'), s('type')], interspersed: true, arity: { min: 1, max: MANY }, handler: (d, p) => inspectCommand(d, p, p.flags.type === 'image' ? 'image' : p.flags.type === 'container' ? 'container' : 'any') },
  { name: 'image inspect', usage: 'docker image inspect [OPTIONS] IMAGE [IMAGE...]', summary: 'Display detailed information on one or more images', flags: [FORMAT], interspersed: true, arity: { min: 1, max: MANY }, handler: (d, p) => inspectCommand(d, p, 'image') },
  { name: 'container inspect', usage: 'docker container inspect [OPTIONS] CONTAINER [CONTAINER...]', summary: 'Display detailed information on one or more containers', flags: [FORMAT, b('size', 's')], interspersed: true, arity: { min: 1, max: MANY }, handler: (d, p) => inspectCommand(d, p, 'container') },
  { name: 'tag', usage: 'docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]', summary: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE', flags: [], interspersed: true, arity: { min: 2, max: 2 }, handler: tagCommand },
  { name: 'rmi', usage: 'docker rmi [OPTIONS] IMAGE [IMAGE...]', summary: 'Remove one or more images', flags: [b('force', 'f'), b('no-prune')], interspersed: true, arity: { min: 1, max: MANY }, handler: rmiCommand },
  { name: 'push', usage: 'docker push [OPTIONS] NAME[:TAG]', summary: 'Push an image or a repository to a registry', flags: [b('all-tags', 'a'), b('quiet', 'q')], interspersed: true, arity: { min: 1, max: 1 }, handler: pushCommand },
  { name: 'search', usage: 'docker search [OPTIONS] TERM', summary: 'Search the Docker Hub for images', flags: [l('filter', 'f'), n('limit'), b('no-trunc'), s('format')], interspersed: true, arity: { min: 1, max: 1 }, handler: searchCommand },
  { name: 'save', usage: 'docker save [OPTIONS] IMAGE [IMAGE...]', summary: 'Save one or more images to a tar archive (streamed to STDOUT by default)', flags: [s('output', 'o')], interspersed: true, arity: { min: 1, max: MANY }, handler: (d, p, _stdin, client) => saveCommand(d, p, client) },
  { name: 'load', usage: 'docker load [OPTIONS]', summary: 'Load an image from a tar archive or STDIN', flags: [s('input', 'i'), b('quiet', 'q')], interspersed: true, arity: { min: 0, max: 0 }, handler: (d, p, _stdin, client) => loadCommand(d, p, client) },
  { name: 'pull', usage: 'docker pull [OPTIONS] NAME[:TAG|@DIGEST]', summary: 'Pull an image or a repository from a registry', flags: [b('all-tags', 'a'), b('quiet', 'q'), s('platform')], interspersed: true, arity: { min: 1, max: 1 }, handler: pullCommand },
  { name: 'container prune', usage: 'docker container prune [OPTIONS]', summary: 'Remove all stopped containers', flags: [b('force', 'f')], interspersed: true, arity: { min: 0, max: 0 }, handler: (d, p, stdin) => containerPruneCommand(d, p, stdin) },
  { name: 'image prune', usage: 'docker image prune [OPTIONS]', summary: 'Remove unused images', flags: [b('all', 'a'), b('force', 'f')], interspersed: true, arity: { min: 0, max: 0 }, handler: (d, p, stdin) => imagePruneCommand(d, p, stdin) },
  { name: 'system df', usage: 'docker system df [OPTIONS]', summary: 'Show docker disk usage', flags: [b('verbose', 'v'), s('format')], interspersed: true, arity: { min: 0, max: 0 }, handler: systemDfCommand },
  { name: 'system prune', usage: 'docker system prune [OPTIONS]', summary: 'Remove unused data', flags: [b('all', 'a'), b('force', 'f'), b('volumes')], interspersed: true, arity: { min: 0, max: 0 }, handler: (d, p, stdin) => systemPruneCommand(d, p, stdin) },
  { name: 'volume create', usage: 'docker volume create [OPTIONS] [VOLUME]', summary: 'Create a volume', flags: [s('name'), l('label'), l('opt', 'o')], interspersed: true, arity: { min: 0, max: 1 }, handler: volumeCreateCommand },
  { name: 'volume inspect', usage: 'docker volume inspect [OPTIONS] VOLUME [VOLUME...]', summary: 'Display detailed information on one or more volumes', flags: [FORMAT], interspersed: true, arity: { min: 1, max: MANY }, handler: volumeInspectCommand },
  { name: 'volume ls', usage: 'docker volume ls [OPTIONS]', summary: 'List volumes', flags: [b('quiet', 'q'), s('format'), l('filter', 'f')], interspersed: true, arity: { min: 0, max: 0 }, handler: volumeLsCommand },
  { name: 'volume prune', usage: 'docker volume prune [OPTIONS]', summary: 'Remove all unused local volumes', flags: [b('force', 'f')], interspersed: true, arity: { min: 0, max: 0 }, handler: (d, p, stdin) => volumePruneCommand(d, p, stdin) },
  { name: 'volume rm', usage: 'docker volume rm [OPTIONS] VOLUME [VOLUME...]', summary: 'Remove one or more volumes', flags: [b('force', 'f')], interspersed: true, arity: { min: 1, max: MANY }, handler: volumeRmCommand },
  { name: 'network ls', usage: 'docker network ls [OPTIONS]', summary: 'List networks', flags: [b('no-trunc'), b('quiet', 'q'), s('format')], interspersed: true, arity: { min: 0, max: 0 }, handler: networkLsCommand },
];

/** Management-command spellings that map to the classic ones. */
const ALIASES: Record<string, string> = {
  'container run': 'run', 'container create': 'create', 'container exec': 'exec', 'container start': 'start', 'container stop': 'stop', 'container rm': 'rm',
  'container logs': 'logs', 'container diff': 'diff', 'container commit': 'commit', 'container ls': 'ps', 'container ps': 'ps',
  'container list': 'ps', 'container kill': 'kill', 'container restart': 'restart', 'container rename': 'rename', 'container pause': 'pause', 'container update': 'update', 'container unpause': 'unpause', 'container top': 'top', 'container wait': 'wait', 'container attach': 'attach', 'image ls': 'images', 'image list': 'images', 'image history': 'history', 'image tag': 'tag',
  'image rm': 'rmi', 'image save': 'save', 'image load': 'load', 'image pull': 'pull', 'image push': 'push', 'image remove': 'rmi', 'container remove': 'rm',
  'volume list': 'volume ls', 'volume remove': 'volume rm', 'network list': 'network ls',
};

/** Management commands: `docker NAME SUBCOMMAND`. */
const MANAGEMENT = new Set(['image', 'container', 'volume', 'network', 'system']);

/** `docker volume` alone: cobra's help of the management command (on stderr, exit 0). */
function managementHelp(group: string): string | undefined {
  if (group !== 'volume') return undefined;
  const subs = COMMANDS.filter((c) => c.name.startsWith(`${group} `)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const lines = subs.map((c) => `  ${c.name.slice(group.length + 1).padEnd(12)}${c.summary}`);
  return `\nUsage:  docker ${group} COMMAND\n\nManage volumes\n\nCommands:\n${lines.join('\n')}\n\nRun 'docker ${group} COMMAND --help' for more information on a command.\n`;
}

function arityError(cmd: DockerCommand, count: number): string | undefined {
  const { min, max } = cmd.arity;
  const plural = (k: number) => `${k} argument${k === 1 ? '' : 's'}`;
  if (min === 0 && max === 0 && count > 0) return `"docker ${cmd.name}" accepts no arguments.`;
  if (count >= min && count <= max) return undefined;
  if (min === max) return `"docker ${cmd.name}" requires exactly ${plural(min)}.`;
  if (max === MANY) return `"docker ${cmd.name}" requires at least ${plural(min)}.`;
  if (min === 0) return `"docker ${cmd.name}" accepts at most ${plural(max)}.`;
  return `"docker ${cmd.name}" requires at least ${min} and at most ${plural(max)}.`;
}

/**
 * A command's argv (after its name) parsed with the CLI's own flag rules, or null when the
 * flags are wrong (running it through `dockerCli` then prints Docker's usage error).
 */
export function parseCommandLine(name: string, args: readonly string[]): Parsed | null {
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) return null;
  try {
    return parseFlags(args, cmd.flags, { interspersed: cmd.interspersed });
  } catch (e) {
    if (e instanceof FlagError) return null;
    throw e;
  }
}

/** The commands the CLI knows and their long flags (for a terminal's completion). */
export function dockerCommandNames(): { name: string; flags: string[] }[] {
  const flags = (c: DockerCommand) => c.flags.map((f) => `--${f.long}`);
  const aliases = Object.entries(ALIASES).flatMap(([alias, target]) => {
    const cmd = COMMANDS.find((c) => c.name === target);
    return cmd ? [{ name: alias, flags: flags(cmd) }] : [];
  });
  return [...COMMANDS.map((c) => ({ name: c.name, flags: flags(c) })), ...aliases];
}

export interface DockerCliOptions {
  stdin?: string;
  /** The client's files (for `docker build` contexts, `docker load -i`). */
  files?: HostFiles;
  /** Which client files are executable (0755 rather than 0644). */
  executable?: ReadonlySet<string>;
  /** Writes a client file (`docker save -o`). */
  writeFile?: (path: string, bytes: Uint8Array) => void;
  /** The client runs in a terminal (its stdin and stdout), of this size: `-it` works, `-t` ttys get the size. */
  terminalSize?: Winsize;
}

/** Runs `docker ARGS…` (argv without the leading `docker`) on the daemon. Never throws. */
export async function dockerCli(d: Daemon, argv: readonly string[], opts: DockerCliOptions = {}): Promise<CommandResult> {
  // what restart policies scheduled while time passed happens before the command sees the daemon
  d.settle();
  await runDueRestarts(d);
  const first = argv[0];
  // no command: the usage on stderr (cobra's ShowHelp to Err); --help and help: on stdout
  const help = () => dockerHelp(d.options.clientConfigDir ?? '/root/.docker');
  if (first === undefined) return { stdout: '', stderr: help(), exitCode: 0 };
  if ((first === '--help' || first === 'help') && argv.length === 1) return { stdout: help(), stderr: '', exitCode: 0 };
  let name = first;
  let rest = argv.slice(1);
  if (MANAGEMENT.has(first) && argv[1] !== undefined) {
    name = `${first} ${argv[1]}`;
    rest = argv.slice(2);
  } else if (MANAGEMENT.has(first)) {
    const help = managementHelp(first);
    if (help) return { stdout: '', stderr: help, exitCode: 0 };
  }
  name = ALIASES[name] ?? name;
  if (name === 'build' || name === 'image build') {
    if (!d.options.build) {
      return { stdout: '', stderr: 'layerlab: docker build is not implemented yet (the classic builder is not plugged in)\n', exitCode: 1 };
    }
    return d.options.build(argv.slice(name === 'build' ? 1 : 2), d, { files: opts.files ?? new Map(), executable: opts.executable });
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    const shown = name.includes(' ') ? name : first;
    if (isDockerCommand(first) && !MANAGEMENT.has(first)) return { stdout: '', stderr: `layerlab: docker ${first} is a command of the real docker CLI that layerlab does not simulate yet\n`, exitCode: 1 };
    return { stdout: '', stderr: `docker: '${shown}' is not a docker command.\nSee 'docker --help'\n`, exitCode: 1 };
  }
  const see = `See 'docker ${cmd.name} --help'.`;
  let parsed: Parsed;
  try {
    parsed = parseFlags(rest, cmd.flags, { interspersed: cmd.interspersed });
  } catch (e) {
    if (e instanceof FlagError) return { stdout: '', stderr: `${e.message}\n${see}\n`, exitCode: 125 };
    throw e;
  }
  const err = arityError(cmd, parsed.args.length);
  if (err) return { stdout: '', stderr: `${err}\n${see}\n\nUsage:  ${cmd.usage}\n\n${cmd.summary}\n`, exitCode: 1 };
  try {
    const result = await cmd.handler(d, parsed, opts.stdin ?? '', { files: opts.files ?? new Map(), writeFile: opts.writeFile, ...(opts.terminalSize ? { terminalSize: opts.terminalSize } : {}) });
    d.advance(10);
    return result;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { stdout: '', stderr: `Error response from daemon: ${message}\n`, exitCode: cmd.name === 'run' ? 125 : 1 };
  }
}
