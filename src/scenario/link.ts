/**
 * Share links: a whole scenario in the URL fragment, so it never reaches a server.
 *
 *   #s=1.<payload>.<check>   payload = base64url(deflate(JSON)), check = the first 12 hex
 *                            digits of SHA-256(payload): a truncated or edited link is caught
 *                            before anything is decoded
 *   #dockerfile=<base64url>  the pre-release format (a Dockerfile only), migrated to version 1
 *
 * A link from a newer layerlab (`#s=2.…`) is refused with its version; one that would not fit
 * a URL falls back to a scenario file (`scenarioFile`). Nothing from a link is run or rendered
 * before `validateScenario` accepts it.
 */
import { deflateSync, inflateSync } from 'fflate';
import { sha256Hex } from '../engine/digest/sha256.ts';
import { SCENARIO_VERSION, ScenarioError, validateScenario, type Scenario, type ScenarioReason } from './scenario.ts';

/** Longest fragment a share link may have (browsers and chat apps cut longer URLs). */
export const MAX_LINK_CHARS = 8000;
/** Longest fragment even tried, and the most a payload may inflate to (a hostile link). */
const MAX_READ_CHARS = 200_000;
const MAX_JSON_BYTES = 1 << 20;

export type LinkProblem = 'truncated' | 'tampered' | 'tooLarge' | 'future' | 'invalid';

/**
 * What exactly is wrong, as a code the UI translates (share.detail.*) with its values, never
 * as text taken from the link. `field`: the scenario inside is refused (share.reason.*).
 */
export type LinkDetail =
  | { code: 'noVersion' | 'checksumMissing' | 'checksumShort' | 'checksumMismatch' | 'notBase64' | 'notCompressed' | 'cutCharacter' | 'notJson' }
  | { code: 'characters' | 'bytes'; count: number }
  | { code: 'version' | 'unknownVersion'; version: number }
  | { code: 'inflatesPast'; limit: string }
  | { code: 'field'; field: string; reason: ScenarioReason };

export type Decoded = { ok: true; scenario: Scenario; migratedFrom?: number } | { ok: false; problem: LinkProblem; detail: LinkDetail };

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

const check = async (payload: string) => (await sha256Hex(payload)).slice(0, 12);

/** The fragment (without `#`) that carries the scenario. */
export async function encodeScenario(s: Scenario): Promise<string> {
  const payload = toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(validateScenario(s))), { level: 9 }));
  return `s=${SCENARIO_VERSION}.${payload}.${await check(payload)}`;
}

/** The scenario a fragment carries (with or without `#`), or what is wrong with it; null when it carries none. */
export async function decodeFragment(fragment: string): Promise<Decoded | null> {
  const f = fragment.replace(/^#/, '');
  if (f.startsWith('dockerfile=')) return migrateV0(f.slice('dockerfile='.length));
  if (!f.startsWith('s=')) return null;
  if (f.length > MAX_READ_CHARS) return { ok: false, problem: 'tooLarge', detail: { code: 'characters', count: f.length } };
  const parts = f.slice(2).split('.');
  const version = Number(parts[0]);
  if (!/^\d+$/.test(parts[0] ?? '')) return { ok: false, problem: 'invalid', detail: { code: 'noVersion' } };
  if (version > SCENARIO_VERSION) return { ok: false, problem: 'future', detail: { code: 'version', version } };
  if (version !== SCENARIO_VERSION) return { ok: false, problem: 'invalid', detail: { code: 'unknownVersion', version } };
  if (parts.length !== 3 || !parts[2]) return { ok: false, problem: 'truncated', detail: { code: 'checksumMissing' } };
  const [, payload, sum] = parts as [string, string, string];
  if (sum.length < 12) return { ok: false, problem: 'truncated', detail: { code: 'checksumShort' } };
  if ((await check(payload)) !== sum) return { ok: false, problem: 'tampered', detail: { code: 'checksumMismatch' } };
  const bytes = fromBase64Url(payload);
  if (!bytes) return { ok: false, problem: 'invalid', detail: { code: 'notBase64' } };
  let json: string;
  try {
    const out = inflateSync(bytes, { out: new Uint8Array(MAX_JSON_BYTES) });
    if (out.length >= MAX_JSON_BYTES) return { ok: false, problem: 'tooLarge', detail: { code: 'inflatesPast', limit: '1 MiB' } };
    json = new TextDecoder('utf-8', { fatal: true }).decode(out);
  } catch (e) {
    return { ok: false, problem: 'invalid', detail: { code: 'notCompressed' } };
  }
  return fromJson(json);
}

function fromJson(json: string, migratedFrom?: number): Decoded {
  try {
    const scenario = validateScenario(JSON.parse(json));
    return migratedFrom === undefined ? { ok: true, scenario } : { ok: true, scenario, migratedFrom };
  } catch (e) {
    return { ok: false, problem: 'invalid', detail: e instanceof ScenarioError ? { code: 'field', field: e.field, reason: e.reason } : { code: 'notJson' } };
  }
}

/** The pre-release links held only a Dockerfile, base64url in the clear. */
function migrateV0(encoded: string): Decoded {
  const bytes = fromBase64Url(encoded);
  if (!bytes) return { ok: false, problem: 'invalid', detail: { code: 'notBase64' } };
  if (bytes.length > 256 * 1024) return { ok: false, problem: 'tooLarge', detail: { code: 'bytes', count: bytes.length } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: 'truncated', detail: { code: 'cutCharacter' } };
  }
  return fromJson(JSON.stringify({ v: 1, dockerfile: text, cursor: 0, panel: 'buildSteps' }), 0);
}

/** The pre-release format, for tests of the migration. */
export function encodeV0(dockerfile: string): string {
  return `dockerfile=${toBase64Url(new TextEncoder().encode(dockerfile))}`;
}

/** A scenario as a file (when it is too big for a link): pretty JSON, the same checks on the way in. */
export function scenarioFile(s: Scenario): string {
  return `${JSON.stringify(validateScenario(s), null, 2)}\n`;
}

export function readScenarioFile(text: string): Decoded {
  if (text.length > MAX_JSON_BYTES) return { ok: false, problem: 'tooLarge', detail: { code: 'characters', count: text.length } };
  return fromJson(text);
}
