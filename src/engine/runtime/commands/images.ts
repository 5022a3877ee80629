/** `docker images`, `history` and `tag`. */
import { humanDuration } from '../../format/duration.ts';
import { truncateID } from '../../format/ids.ts';
import { humanSize } from '../../format/size.ts';
import { dockerTable } from '../../format/tabwriter.ts';
import { formatHistory, HISTORY_HEADERS, historyFields, historyRows } from '../../image/history.ts';
import type { Daemon } from '../daemon.ts';
import type { Parsed } from '../flags.ts';
import type { CommandResult } from '../ports.ts';
import { familiarMatch, familiarName, familiarString, parseNormalizedNamed, ReferenceError, withDefaultTag, type Reference } from '../reference.ts';
import type { ImageRecord } from '../state.ts';
import { Output } from './result.ts';
import { FormatError, renderFormatted } from './format.ts';
import { goTimeString } from './ps.ts';

interface Summary {
  img: ImageRecord;
  tags: Reference[];
  digests: Reference[];
}

/** The daemon's image list: tagged images, and untagged ones that are not intermediate (all: those too). */
export function listImages(d: Daemon, opts: { all: boolean; patterns: string[]; dangling?: boolean }): Summary[] {
  const out: Summary[] = [];
  for (const img of d.state.images.values()) {
    const match = (r: Reference) => opts.patterns.length === 0 || opts.patterns.some((p) => familiarMatch(p, r));
    const tags = d.tagsOf(img.id).filter(match);
    const digests = d.digestsOf(img.id).filter(match);
    if (tags.length === 0 && digests.length === 0) {
      if (!(opts.all || d.childrenOf(img.id).length === 0)) continue;
      if (opts.dangling === false || opts.patterns.length > 0) continue;
    } else if (opts.dangling === true && tags.length > 0) continue;
    out.push({ img, tags, digests });
  }
  return out.sort((a, b) => b.img.created - a.img.created);
}

const IMAGE_HEADERS: Record<string, string> = {
  ID: 'IMAGE ID', Repository: 'REPOSITORY', Tag: 'TAG', Digest: 'DIGEST', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', Size: 'SIZE',
};

export async function imagesCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const f = p.flags;
  const patterns = [...p.args];
  let dangling: boolean | undefined;
  for (const filter of (f.filter as string[] | undefined) ?? []) {
    const [key, value] = filter.split('=', 2);
    if (key === 'reference') patterns.push(value);
    else if (key === 'dangling') dangling = value === 'true' || value === '1';
    else return out.errLine(`Error response from daemon: invalid filter '${key}'`).fail(1).result();
  }
  const trunc = !f['no-trunc'];
  const showDigests = Boolean(f.digests);
  const rows: string[][] = [];
  const formatted: Record<string, string>[] = [];
  for (const { img, tags, digests } of listImages(d, { all: Boolean(f.all), patterns, dangling })) {
    const id = trunc ? truncateID(img.id) : img.id;
    const created = `${humanDuration(d.now - img.created)} ago`;
    const size = humanSize(d.imageSize(img));
    const repos = new Map<string, { tags: string[]; digests: string[] }>();
    const entry = (name: string) => repos.get(name) ?? repos.set(name, { tags: [], digests: [] }).get(name)!;
    for (const t of tags) entry(familiarName(t.name)).tags.push(t.tag!);
    for (const g of digests) entry(familiarName(g.name)).digests.push(g.digest!);
    const row = (repo: string, tag: string, digest: string) => {
      rows.push(showDigests ? [repo, tag, digest, id, created, size] : [repo, tag, id, created, size]);
      formatted.push({ ID: id, Repository: repo, Tag: tag, Digest: digest, CreatedSince: created, CreatedAt: goTimeString(img.created), Size: size });
    };
    if (repos.size === 0) row('<none>', '<none>', '<none>');
    for (const [repo, r] of repos) {
      if (r.tags.length === 0) {
        if (showDigests) for (const g of r.digests) row(repo, '<none>', g);
        else row(repo, '<none>', '<none>');
        continue;
      }
      for (const tag of r.tags) {
        if (!showDigests || r.digests.length === 0) row(repo, tag, '<none>');
        else for (const g of r.digests) row(repo, tag, g);
      }
    }
  }
  if (f.format && !f.quiet) {
    try {
      return out.stdout(renderFormatted(f.format as string, formatted, IMAGE_HEADERS, 'formatter.imageContext')).result();
    } catch (e) {
      if (e instanceof FormatError) return out.errLine(e.message).fail(1).result();
      throw e;
    }
  }
  if (f.quiet) {
    for (const r of rows) out.line(r[showDigests ? 3 : 2]);
    return out.result();
  }
  const header = showDigests ? ['REPOSITORY', 'TAG', 'DIGEST', 'IMAGE ID', 'CREATED', 'SIZE'] : ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'];
  return out.stdout(dockerTable([header, ...rows])).result();
}

/** `No such image: busybox:latest` as the daemon words it (a reference gets its default tag). */
export function noSuchImage(arg: string): string {
  try {
    return `No such image: ${familiarString(withDefaultTag(parseNormalizedNamed(arg)))}`;
  } catch {
    return `No such image: ${arg}`;
  }
}

export async function historyCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const img = d.findImage(p.args[0]);
  if (!img) return out.errLine(`Error response from daemon: ${noSuchImage(p.args[0])}`).fail(1).result();
  const sizes = d.layerSizes(img);
  const rows = historyRows(img.config, img.id, (id) => d.state.images.get(id)?.parent, (i) => sizes[i]);
  const how = { now: d.now, noTrunc: Boolean(p.flags['no-trunc']), human: p.flags.human as boolean | undefined, quiet: Boolean(p.flags.quiet) };
  // A --format other than plain `table` wins over -q (docker/cli NewHistoryFormat).
  const format = typeof p.flags.format === 'string' && p.flags.format !== 'table' ? p.flags.format : undefined;
  if (format) {
    try {
      return out.stdout(renderFormatted(format, historyFields(rows, how), HISTORY_HEADERS, 'image.historyContext')).result();
    } catch (e) {
      if (e instanceof FormatError) return out.errLine(e.message).fail(1).result();
      throw e;
    }
  }
  return out.stdout(formatHistory(rows, how)).result();
}

export async function tagCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const [source, target] = p.args;
  let ref: Reference;
  try {
    ref = withDefaultTag(parseNormalizedNamed(target));
  } catch (e) {
    if (e instanceof ReferenceError) return out.errLine(`Error parsing reference: "${target}" is not a valid repository/tag: ${e.message}`).fail(1).result();
    throw e;
  }
  if (ref.digest) return out.errLine('Error response from daemon: refusing to create a tag with a digest reference').fail(1).result();
  const img = d.findImage(source);
  if (!img) return out.errLine(`Error response from daemon: ${noSuchImage(source)}`).fail(1).result();
  d.tag(ref, img.id);
  d.advance(1);
  return out.result();
}
