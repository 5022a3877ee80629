/**
 * `docker inspect`, `image inspect`, `container inspect`: the objects dockerd returns
 * (types.ImageInspect, types.ContainerJSON, fields in Docker's order), printed as an
 * indented JSON array or through a `--format` template.
 */
import { namedVolumeBind } from './volume-store.ts';
import { rfc3339Nano } from '../format/duration.ts';
import { goJson, type JsonValue } from '../format/gojson.ts';
import { containerConfigJson } from '../image/serialize.ts';
import type { Daemon } from './daemon.ts';
import type { Parsed } from './flags.ts';
import type { CommandResult } from './ports.ts';
import { familiarString } from './reference.ts';
import type { ContainerRecord, ImageRecord } from './state.ts';
import { Output } from './commands/result.ts';
import { stateName } from './container-state.ts';
import { NO_RESTART } from './restart-policy.ts';
import { containerSizeRw } from './disk-usage.ts';
import { parseTemplate, executeTemplate, TemplateError } from './template.ts';

export type Obj = { [k: string]: JsonValue };

const GRAPH_ROOT = '/var/lib/docker/overlay2';

export function imageInspect(d: Daemon, img: ImageRecord): Obj {
  const c = img.config;
  const size = d.imageSize(img);
  const layerDir = img.config.rootfs.diff_ids.length ? img.config.rootfs.diff_ids[img.config.rootfs.diff_ids.length - 1].slice(7) : '';
  const o: Obj = {
    Id: img.id,
    RepoTags: d.tagsOf(img.id).map(familiarString),
    RepoDigests: d.digestsOf(img.id).map(familiarString),
    Parent: img.parent ?? '',
    // dockerd's image inspect: the config's comment, else the last history entry's (what `commit -m` sets)
    Comment: c.comment || (c.history?.at(-1)?.comment ?? ''),
    Created: c.created,
    Container: c.container ?? '',
    ContainerConfig: containerConfigJson(c.container_config ?? c.config),
    DockerVersion: c.docker_version ?? '',
    Author: c.author ?? '',
    Config: containerConfigJson(c.config),
    Architecture: c.architecture,
    Os: c.os,
    Size: size,
    VirtualSize: size,
    GraphDriver: {
      Data: {
        MergedDir: `${GRAPH_ROOT}/${layerDir}/merged`,
        UpperDir: `${GRAPH_ROOT}/${layerDir}/diff`,
        WorkDir: `${GRAPH_ROOT}/${layerDir}/work`,
      },
      Name: 'overlay2',
    },
    RootFS: { Type: 'layers', Layers: [...c.rootfs.diff_ids] },
    Metadata: { LastTagTime: img.lastTagTime ? rfc3339Nano(img.lastTagTime) : '0001-01-01T00:00:00Z' },
  };
  return o;
}

/**
 * `docker inspect` of a container. `size` (--size): with SizeRw and SizeRootFs; `template`: for
 * --format, where without --size they are nil (Go's typed struct), not missing.
 */
export function containerInspect(d: Daemon, c: ContainerRecord, opts: { size?: boolean; template?: boolean } = {}): Obj {
  const s = c.state;
  const img = d.state.images.get(c.imageId);
  const sizeRw = opts.size ? containerSizeRw(d, c) : 0;
  const sizes: Obj = opts.size ? { SizeRw: sizeRw, SizeRootFs: sizeRw + (img ? d.imageSize(img) : 0) } : opts.template ? { SizeRw: null, SizeRootFs: null } : {};
  const zero = '0001-01-01T00:00:00Z';
  return {
    Id: c.id,
    Created: rfc3339Nano(c.created),
    Path: c.path,
    Args: c.args,
    State: {
      Status: stateName(c),
      Running: s.status === 'running' || s.restartAt !== undefined,
      Paused: s.pausedAt !== undefined,
      Restarting: s.restartAt !== undefined,
      OOMKilled: false,
      Dead: false,
      Pid: s.status === 'running' ? 1000 + d.state.containers.indexOf(c) : 0,
      ExitCode: s.exitCode,
      Error: '',
      StartedAt: s.startedAt ? rfc3339Nano(s.startedAt) : zero,
      FinishedAt: s.finishedAt ? rfc3339Nano(s.finishedAt) : zero,
    },
    Image: c.imageId,
    Name: `/${c.name}`,
    RestartCount: c.restartCount ?? 0,
    Driver: 'overlay2',
    Platform: 'linux',
    HostConfig: {
      Binds: c.binds.length ? c.binds : null,
      NetworkMode: 'default',
      PortBindings: c.portBindings,
      RestartPolicy: { ...(c.restartPolicy ?? NO_RESTART) },
      AutoRemove: c.autoRemove,
    },
    // overlay2 as dockerd reports it: the container's -init layer and the image's layers
    // below (top first), its own upper directory, overlayfs' work directory and the union.
    // Docker names the directories randomly; here they follow the container and layer IDs.
    GraphDriver: {
      Data: {
        LowerDir: [`${GRAPH_ROOT}/${c.id}-init/diff`, ...[...(d.state.images.get(c.imageId)?.config.rootfs.diff_ids ?? [])].reverse().map((id) => `${GRAPH_ROOT}/${id.slice(7)}/diff`)].join(':'),
        MergedDir: `${GRAPH_ROOT}/${c.id}/merged`,
        UpperDir: `${GRAPH_ROOT}/${c.id}/diff`,
        WorkDir: `${GRAPH_ROOT}/${c.id}/work`,
      },
      Name: 'overlay2',
    },
    ...sizes,
    Mounts: [
      ...c.binds.map((b): JsonValue => {
        const [source, destination, mode = ''] = b.split(':');
        // `-v NAME:/path` mounts a volume (recorded: Mode "z" when none is given)
        const named = namedVolumeBind(b);
        if (named) {
          return { Type: 'volume', Name: named.name, Source: `/var/lib/docker/volumes/${named.name}/_data`, Destination: destination, Driver: 'local', Mode: mode || 'z', RW: !/\bro\b/.test(mode), Propagation: '' };
        }
        return { Type: 'bind', Source: source, Destination: destination, Mode: '', RW: true, Propagation: 'rprivate' };
      }),
      ...Object.keys(c.config.Volumes ?? {})
        .filter((v) => !c.binds.some((b) => b.split(':')[1] === v))
        .sort()
        .map((v) => {
          const name = c.volumeNames?.[v] ?? '';
          return { Type: 'volume', Name: name, Source: `/var/lib/docker/volumes/${name}/_data`, Destination: v, Driver: 'local', Mode: '', RW: true, Propagation: '' };
        }),
    ],
    Config: containerConfigJson(c.config),
  };
}

type Kind = 'any' | 'image' | 'container';

export async function inspectCommand(d: Daemon, p: Parsed, kind: Kind): Promise<CommandResult> {
  return inspectObjects(p, (arg) => {
    const c = kind !== 'image' ? d.findContainer(arg) : undefined;
    const img = !c && kind !== 'container' ? d.findImage(arg) : undefined;
    if (c) return containerInspect(d, c, { size: Boolean(p.flags.size), template: p.flags.format !== undefined });
    if (img) return imageInspect(d, img);
    return `Error: No such ${kind === 'any' ? 'object' : kind}: ${arg}`;
  });
}

/**
 * An inspect command over its arguments: `lookup` gives each one's object or the error for
 * it; the objects are printed as a JSON array or through `--format`, the errors after them.
 */
export function inspectObjects(p: Parsed, lookup: (arg: string) => Obj | string): CommandResult {
  const out = new Output();
  const format = p.flags.format as string | undefined;
  let nodes;
  if (format) {
    try {
      nodes = parseTemplate(format);
    } catch (e) {
      if (e instanceof TemplateError) return out.errLine(`Template parsing error: ${e.message}`).fail(64).result();
      throw e;
    }
  }
  const found: Obj[] = [];
  const errors: string[] = [];
  for (const arg of p.args) {
    const o = lookup(arg);
    if (typeof o === 'string') errors.push(o);
    else found.push(o);
  }
  if (!writeInspected(out, found, format, nodes)) return out.result();
  if (errors.length) out.errLine(errors.join('\n')).fail(1);
  return out.result();
}

/**
 * The objects found, as an indented JSON array or one `--format` line each. False when the
 * template failed on one (its error is written, the command exits 1).
 */
function writeInspected(out: Output, found: readonly Obj[], format?: string, nodes?: ReturnType<typeof parseTemplate>): boolean {
  if (!format || !nodes) {
    out.line(found.length ? goJson([...found], { indent: '    ' }) : '[]');
    return true;
  }
  let text = '';
  for (const obj of found) {
    try {
      text += executeTemplate(format, nodes, obj) + '\n';
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      out.stdout(text || '\n').errLine(`template parsing error: ${e.message}`).fail(1);
      return false;
    }
  }
  out.stdout(text || '\n');
  return true;
}
