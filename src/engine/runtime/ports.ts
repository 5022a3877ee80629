/**
 * What the runtime needs from the rest of the engine, as narrow interfaces injected into
 * the Daemon, so the pieces plug in as they land:
 *
 * - LayerBackend: layer identity and size (the tar + digest code of src/engine/layer);
 * - ProcessRunner: runs one process inside a container (the shell of src/engine/shell);
 * - BuildHook: `docker build` (the classic builder of src/engine/build).
 */
import type { ServingProcess, SignalAnswer } from '../shell/servers/server.ts';
import type { Winsize } from '../shell/io.ts';
import type { FsOps } from '../fs/ops.ts';
import type { Changeset } from '../layer/changeset.ts';
import type { Daemon } from './daemon.ts';
import type { ContainerProcess } from './container-processes.ts';

export interface LayerBackend {
  /** `sha256:…` of the layer's canonical uncompressed tar. */
  diffId(layer: Changeset): Promise<string>;
  /** Docker's layer size: bytes of regular files plus symlink target lengths. */
  size(layer: Changeset): number;
  /** Chain IDs for diff IDs, bottom first (`ChainID(n) = sha256(ChainID(n-1) + " " + DiffID(n))`). */
  chainIds(diffIds: readonly string[]): Promise<string[]>;
}

export interface ProcessRequest {
  /** The container's mounted root filesystem (its read-write layer over the image). */
  fs: FsOps;
  /** argv as the container runs it (argv[0] as written: `sh`, `/bin/ls`). */
  argv: readonly string[];
  /** argv[0] resolved in PATH to an absolute path inside the container. */
  executable: string;
  env: readonly string[];
  cwd: string;
  uid: number;
  gid: number;
  hostname: string;
  stdin: string;
  /**
   * stdin stays open after `stdin` and nobody writes to it: a detached container's terminal
   * (`-d -t`) or its open stdin (`-d -i`). A process that reads it waits there, running.
   */
  stdinOpen?: boolean;
  /** The simulated clock, ms since the epoch (file times, `date`). */
  now: number;
  /** Where it runs in the container's PID namespace: its PID, the next fork's, the others, its pts. */
  process?: { pid: number; nextPid: number; others: readonly ContainerProcess[]; tty?: number };
  /** With a tty: its window size, as the docker client set it from its own terminal; absent: 0×0. */
  terminalSize?: Winsize;
}

export interface ProcessResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /**
   * How long the process runs in simulated time, ms (`sleep 1000` → 1_000_000); 0 or absent
   * for commands that finish at once; Infinity for one that waits to read an open stdin.
   * A detached container stays `Up` that long.
   */
  durationMs?: number;
  /** Its processes alive at its end (itself, background jobs) and the namespace's next PID. */
  processes?: { own: readonly ContainerProcess[]; nextPid: number };
  /** A server that now serves until a signal stops it (durationMs is Infinity). */
  serving?: ServingProcess;
}

/** A server process as its runner needs it to answer a signal, and that answer (the shell's servers). */
export type { ServingProcess, SignalAnswer } from '../shell/servers/server.ts';

/** A shell a user types into (`docker run -it … bash`, `docker exec -it … sh`): one line at a time. */
export interface InteractiveProcess {
  /** Runs one typed line; `exited` when it was `exit` (the shell is then gone). */
  run(line: string): { stdout: string; stderr: string; exitCode: number; exited: boolean };
  /** The shell's current directory. */
  cwd(): string;
  /** The client's terminal changed size (the docker client's resize; SIGWINCH). */
  resize?(size: Winsize): void;
}

export interface ProcessRunner {
  run(req: ProcessRequest): ProcessResult | Promise<ProcessResult>;
  /** What a serving process does with `signal` at `nowMs`; undefined: it ignores it (only SIGKILL ends it). */
  signal?(process: ServingProcess, signal: string, nowMs: number): SignalAnswer | undefined;
  /** Starts an interactive shell (`req.argv[0]` is the shell); runners without one cannot attach a terminal. */
  interactive?(req: Omit<ProcessRequest, 'stdin'>): Promise<InteractiveProcess>;
}

/** Output and status of one docker CLI command. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /**
   * Both streams in the order they were written, as a terminal shows them, when that is not
   * stdout then stderr (`docker run` of an image it pulls: the pull's lines come first).
   */
  combined?: string;
}

/** What a terminal shows of a command: both streams in the order they were written. */
export const terminalText = (r: CommandResult): string => r.combined ?? r.stdout + r.stderr;

/** An image Docker Hub holds: the recorded-base shape (layers, `@config` listing) and its tags. */
export interface HubImage {
  /** Every tag that names it (`centos:centos5`, `centos:5`). */
  tags: readonly string[];
  layers: readonly Changeset[];
  config: {
    Author?: string;
    Config: Record<string, unknown>;
    History: readonly { created_by: string; empty_layer: boolean; author?: string; comment?: string }[];
  };
  /** RFC 3339. */
  created?: string;
}

/** The simulated Docker Hub's contents, fetched when an image is pulled (e.g. the image catalog). */
export interface HubCatalog {
  /** The image a familiar reference (`centos:centos5`, `me/app:1`) names, if the Hub has it. */
  image(ref: string): Promise<HubImage | undefined>;
  /** Repositories for `docker search` (name as `centos` or `user/name`). */
  repositories?(): readonly HubRepository[];
}

export interface HubRepository {
  name: string;
  description: string;
  stars: number;
  official: boolean;
  automated: boolean;
}

/** The client's files (build contexts): path relative to the client's cwd → content. */
export type HostFiles = ReadonlyMap<string, Uint8Array>;

export interface BuildContext {
  /** The client's files, e.g. the conformance case directory. */
  files: HostFiles;
  /** Which of them are executable on the client (0755; the others are 0644), as a recorded case keeps them. */
  executable?: ReadonlySet<string>;
}

/**
 * `docker build ARGS…` (argv after `build`): filled in by the classic builder. It runs its
 * steps on the daemon with createContainer / startContainer / commitContainer and prints
 * the classic builder's log.
 */
export type BuildHook = (argv: readonly string[], daemon: Daemon, context: BuildContext) => Promise<CommandResult>;
