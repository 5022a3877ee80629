/** Formatting shared by ls, stat, find, tar: mode strings, dates, user and group names. */
import type { Stat } from '../../fs/ops.ts';
import type { CommandContext } from '../command.ts';

const TYPE_CHAR: Record<Stat['type'], string> = { file: '-', hardlink: '-', dir: 'd', symlink: 'l', char: 'c', block: 'b', fifo: 'p' };

/** `drwxr-sr-t` style. */
export function modeString(st: Pick<Stat, 'type' | 'mode'>): string {
  const m = st.mode;
  const triplet = (shift: number, special: number, ch: string): string => {
    const r = m & (4 << shift) ? 'r' : '-';
    const w = m & (2 << shift) ? 'w' : '-';
    const x = m & (1 << shift);
    const s = m & special;
    const xc = s ? (x ? ch : ch.toUpperCase()) : x ? 'x' : '-';
    return r + w + xc;
  };
  return TYPE_CHAR[st.type] + triplet(6, 0o4000, 's') + triplet(3, 0o2000, 's') + triplet(0, 0o1000, 't');
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SIX_MONTHS = 31556952 / 2;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `Nov 22 07:21` for recent times, `Jan  1  2024` otherwise (UTC, the container's zone). */
export function formatListDate(mtime: number, now: number): string {
  const d = new Date(mtime * 1000);
  const head = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)}`;
  const recent = mtime > now - SIX_MONTHS && mtime <= now + 60;
  return recent ? `${head} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}` : `${head}  ${d.getUTCFullYear()}`;
}

/** `date`'s default: `Mon Jan  1 00:00:00 UTC 2024`. */
export function formatDate(t: number): string {
  const d = new Date(t * 1000);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** strftime subset for `date +FORMAT`. */
export function strftime(format: string, t: number): string {
  const d = new Date(t * 1000);
  return format.replace(/%([a-zA-Z%])/g, (all, c: string) => {
    switch (c) {
      case 'Y': return String(d.getUTCFullYear());
      case 'y': return pad2(d.getUTCFullYear() % 100);
      case 'm': return pad2(d.getUTCMonth() + 1);
      case 'd': return pad2(d.getUTCDate());
      case 'e': return String(d.getUTCDate()).padStart(2);
      case 'H': return pad2(d.getUTCHours());
      case 'M': return pad2(d.getUTCMinutes());
      case 'S': return pad2(d.getUTCSeconds());
      case 'j': return String(Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1).padStart(3, '0');
      case 's': return String(t);
      case 'a': return DAYS[d.getUTCDay()];
      case 'b': case 'h': return MONTHS[d.getUTCMonth()];
      case 'Z': return 'UTC';
      case 'z': return '+0000';
      case 'F': return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
      case 'T': return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
      case 'D': return `${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}/${pad2(d.getUTCFullYear() % 100)}`;
      case 'n': return '\n';
      case 't': return '\t';
      case '%': return '%';
      default: return all;
    }
  });
}

export interface DbEntry {
  name: string;
  id: number;
  fields: string[];
}

const dbCache = new WeakMap<CommandContext, Map<string, DbEntry[]>>();

/** Entries of /etc/passwd or /etc/group (empty when the file is missing); read once per program run. */
export function readDb(ctx: CommandContext, file: '/etc/passwd' | '/etc/group'): DbEntry[] {
  let perCtx = dbCache.get(ctx);
  if (!perCtx) dbCache.set(ctx, (perCtx = new Map()));
  let entries = perCtx.get(file);
  if (!entries) perCtx.set(file, (entries = loadDb(ctx, file)));
  return entries;
}

/** After a program changed /etc/passwd or /etc/group itself. */
export function forgetDb(ctx: CommandContext): void {
  dbCache.delete(ctx);
}

function loadDb(ctx: CommandContext, file: string): DbEntry[] {
  let text: string;
  try {
    text = new TextDecoder().decode(ctx.fs.readFile(file));
  } catch {
    return [];
  }
  return text.split('\n').filter((l) => l.includes(':')).map((l) => {
    const fields = l.split(':');
    return { name: fields[0], id: Number(fields[2]), fields };
  });
}

export function userName(ctx: CommandContext, uid: number): string {
  return readDb(ctx, '/etc/passwd').find((e) => e.id === uid)?.name ?? String(uid);
}

export function groupName(ctx: CommandContext, gid: number): string {
  return readDb(ctx, '/etc/group').find((e) => e.id === gid)?.name ?? String(gid);
}
