import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changesetsFromListing } from '../base/loader.ts';
import { parseTranscript } from '../base/transcript.ts';
import { formatLayersListing, ListingError, parseLayersListing } from './listing.ts';

/** Every `@layers` block recorded in the conformance cases parses and formats back byte for byte. */
const CASES = new URL('../../../../shared/conformance/cases/', import.meta.url);
const blocks = readdirSync(CASES).flatMap((name) => {
  let text: string;
  try {
    text = readFileSync(new URL(`${name}/expected.txt`, CASES), 'utf8');
  } catch {
    return [];
  }
  return parseTranscript(text)
    .filter((b) => b.command.startsWith('@layers ') && b.exit === 0)
    .map((b) => ({ name: `${name}: ${b.command}`, text: b.output.map((l) => l + '\n').join(''), line: b.line + 1 }));
});

describe('@layers listing', () => {
  it('finds recorded listings to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
  });

  it.each(blocks)('$name: parse → layers → format is the identity', ({ text, line }) => {
    const layers = changesetsFromListing(parseLayersListing(text, line), 'case');
    expect(formatLayersListing(layers)).toBe(text);
  });

  it('says which line is wrong and why', () => {
    expect(() => parseLayersListing('layer 1 size=0\nf 0644 0:0 3\n', 10)).toThrow(new ListingError(11, 'not a layer header or record: "f 0644 0:0 3"'));
    expect(() => parseLayersListing('layer 2 size=0\n')).toThrow('line 1: expected layer 1, found layer 2');
    expect(() => parseLayersListing('l 0777 0:0 0 /bin/sh\n')).toThrow('line 1: record before the first "layer N size=BYTES" header');
    expect(() => parseLayersListing('layer 1 size=0\nl 0777 0:0 0 /bin/sh\n')).toThrow('line 2: symlink without " -> TARGET"');
  });
});
