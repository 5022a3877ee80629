/** Reading records (RS) and splitting them into fields (FS), as awk does. */

/** Text as awk's bytes: one char per byte. */
export function bytesToText(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode.apply(null, Array.from(b.subarray(i, i + 0x8000)));
  return s;
}

export function textToBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  return b;
}

/** A JS string (argv, env) as the bytes awk sees: UTF-8 encoded, one char per byte. */
export function utf8Text(s: string): string {
  return /^[\x00-\x7f]*$/.test(s) ? s : bytesToText(new TextEncoder().encode(s));
}

/** Records of one input: RS one character, "" (paragraphs), or a regular expression. */
export class RecordReader {
  private pos = 0;

  constructor(
    private readonly text: string,
    /** busybox keeps the newline that ends the input on the last paragraph. */
    private readonly busybox: boolean,
  ) {}

  next(rs: string, regex: (src: string) => RegExp): string | null {
    const t = this.text;
    if (rs === '') {
      while (t[this.pos] === '\n') this.pos++;
      if (this.pos >= t.length) return null;
      const m = /\n\n+/g;
      m.lastIndex = this.pos;
      const hit = m.exec(t);
      const end = hit ? hit.index : t.length;
      const rec = hit || !this.busybox ? t.slice(this.pos, end).replace(/\n+$/, '') : t.slice(this.pos, end);
      this.pos = hit ? hit.index + hit[0].length : t.length;
      return rec;
    }
    if (this.pos >= t.length) return null;
    if (rs.length === 1) {
      const end = t.indexOf(rs, this.pos);
      const rec = t.slice(this.pos, end < 0 ? t.length : end);
      this.pos = end < 0 ? t.length : end + 1;
      return rec;
    }
    const re = new RegExp(regex(rs).source, 'g');
    re.lastIndex = this.pos;
    let hit = re.exec(t);
    while (hit && hit[0] === '') {
      re.lastIndex++;
      hit = re.lastIndex <= t.length ? re.exec(t) : null;
    }
    const rec = t.slice(this.pos, hit ? hit.index : t.length);
    this.pos = hit ? hit.index + hit[0].length : t.length;
    return rec;
  }
}

/**
 * Fields of a record. FS " " splits on runs of blanks and newlines, ignoring them at both
 * ends; "" gives one field per character; another single character splits on itself; a
 * longer FS is a regular expression. In paragraph mode (RS "") newline also separates.
 */
export function splitFields(rec: string, fs: string, paragraph: boolean, regex: (src: string) => RegExp): string[] {
  if (rec === '') return [];
  if (fs === ' ') return rec.split(/[ \t\n]+/).filter((f, i, all) => f !== '' || (i !== 0 && i !== all.length - 1));
  if (fs === '') return [...rec];
  let parts: string[];
  if (fs.length === 1 && fs !== '\\') parts = rec.split(fs);
  else parts = splitRegex(rec, regex(fs));
  if (paragraph && fs !== '\n') parts = parts.flatMap((p) => p.split('\n'));
  return parts;
}

/** Splits on every non-empty match of a regular expression. */
export function splitRegex(s: string, re: RegExp): string[] {
  const g = new RegExp(re.source, 'g');
  const out: string[] = [];
  let pos = 0;
  for (let m = g.exec(s); m; m = g.exec(s)) {
    if (m[0] === '') {
      g.lastIndex++;
      continue;
    }
    out.push(s.slice(pos, m.index));
    pos = m.index + m[0].length;
  }
  out.push(s.slice(pos));
  return out;
}
