/**
 * USTAR/PAX header blocks as Go's archive/tar writes them for Docker (Format PAX: a plain
 * ustar block when every field fits, a PAX extended header `x` before it otherwise).
 * Numeric fields are zero-padded octal with a trailing NUL; the checksum is six octal
 * digits, NUL, space.
 */
export const BLOCK = 512;

export interface TarHeader {
  name: string;
  /** The header's mode field (permission bits, plus file-type bits where Docker adds them). */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  typeflag: string;
  linkname: string;
  uname: string;
  gname: string;
  devmajor: number;
  devminor: number;
}

const enc = new TextEncoder();

// field offsets and lengths of a ustar header
const F = {
  name: [0, 100],
  mode: [100, 8],
  uid: [108, 8],
  gid: [116, 8],
  size: [124, 12],
  mtime: [136, 12],
  chksum: [148, 8],
  typeflag: [156, 1],
  linkname: [157, 100],
  magic: [257, 6],
  version: [263, 2],
  uname: [265, 32],
  gname: [297, 32],
  devmajor: [329, 8],
  devminor: [337, 8],
  prefix: [345, 155],
} as const;
export const FIELDS = F;

const isAscii = (s: string) => /^[\x00-\x7f]*$/.test(s);
const fitsOctal = (n: number, len: number) => n >= 0 && n < 8 ** (len - 1);

/** One header, with a PAX extended header before it when a field does not fit ustar. */
export function encodeHeader(h: TarHeader): Uint8Array {
  const pax: [string, string][] = [];
  if (enc.encode(h.name).length > 100 || !isAscii(h.name)) pax.push(['path', h.name]);
  if (enc.encode(h.linkname).length > 100 || !isAscii(h.linkname)) pax.push(['linkpath', h.linkname]);
  if (!fitsOctal(h.size, 12)) pax.push(['size', String(h.size)]);
  if (!fitsOctal(h.uid, 8)) pax.push(['uid', String(h.uid)]);
  if (!fitsOctal(h.gid, 8)) pax.push(['gid', String(h.gid)]);
  if (!fitsOctal(h.mtime, 12)) pax.push(['mtime', String(h.mtime)]);
  const main = block(h, pax.length > 0);
  if (!pax.length) return main;
  const records = encodePaxRecords(pax.sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  // Go: path.Join(path.Split(name)) with "PaxHeaders.0" between, ASCII only, at most 100 bytes, no trailing "/"
  const cut = h.name.lastIndexOf('/') + 1;
  const joined = [h.name.slice(0, cut), 'PaxHeaders.0', h.name.slice(cut)].filter((p) => p !== '').join('/').replace(/\/+/g, '/');
  const xname = toAscii(joined).slice(0, 100).replace(/\/+$/, '');
  const xh = block({ name: xname, mode: 0, uid: 0, gid: 0, size: records.length, mtime: 0, typeflag: 'x', linkname: '', uname: '', gname: '', devmajor: 0, devminor: 0 }, true, true);
  const padded = Math.ceil(records.length / BLOCK) * BLOCK;
  const out = new Uint8Array(BLOCK + padded + BLOCK);
  out.set(xh, 0);
  out.set(records, BLOCK);
  out.set(main, BLOCK + padded);
  return out;
}

/** "%d key=value\n" where %d counts the whole record, itself included. */
export function encodePaxRecords(records: [string, string][]): Uint8Array {
  let text = '';
  for (const [k, v] of records) {
    const body = ` ${k}=${v}\n`;
    const bodyLen = enc.encode(body).length;
    let n = bodyLen + 1;
    while (String(n).length + bodyLen !== n) n = String(n).length + bodyLen;
    text += `${n}${body}`;
  }
  return enc.encode(text);
}

/** `raw`: Go's writeRawFile (PAX extended header): no device numbers written. */
function block(h: TarHeader, lenient: boolean, raw = false): Uint8Array {
  const b = new Uint8Array(BLOCK);
  const str = (field: keyof typeof F, s: string) => {
    const [off, len] = F[field];
    const bytes = enc.encode(lenient ? toAscii(s) : s).subarray(0, len);
    b.set(bytes, off);
  };
  const oct = (field: keyof typeof F, n: number) => {
    const [off, len] = F[field];
    const v = fitsOctal(n, len) ? n : 0; // the PAX record carries the real value
    b.set(enc.encode(v.toString(8).padStart(len - 1, '0')), off); // trailing NUL already there
  };
  str('name', h.name);
  oct('mode', h.mode);
  oct('uid', h.uid);
  oct('gid', h.gid);
  oct('size', h.size);
  oct('mtime', h.mtime);
  str('typeflag', h.typeflag);
  str('linkname', h.linkname);
  b.set(enc.encode('ustar\0'), F.magic[0]);
  b.set(enc.encode('00'), F.version[0]);
  str('uname', h.uname);
  str('gname', h.gname);
  if (!raw) {
    oct('devmajor', h.devmajor);
    oct('devminor', h.devminor);
  }
  // checksum: sum of all bytes with the checksum field read as spaces
  b.fill(0x20, F.chksum[0], F.chksum[0] + F.chksum[1]);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += b[i];
  b.set(enc.encode(sum.toString(8).padStart(6, '0') + '\0'), F.chksum[0]);
  return b;
}

function toAscii(s: string): string {
  return s.replace(/[^\x00-\x7f]/g, '');
}
