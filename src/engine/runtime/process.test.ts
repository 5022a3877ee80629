import { describe, expect, it } from 'vitest';
import { replaceOrAppendEnv } from './process.ts';

describe("replaceOrAppendEnv follows moby's ReplaceOrAppendEnvValues", () => {
  it('replaces a key in place, appends a new one, and a bare KEY unsets', () => {
    expect(replaceOrAppendEnv(['PATH=/bin', 'A=1', 'B=2'], ['A=x', 'C=3', 'B'])).toEqual(['PATH=/bin', 'A=x', 'C=3']);
  });

  it('keeps its quirks: the last duplicate default is the one replaced, a key appended twice appears twice, unset then set puts it back in place', () => {
    expect(replaceOrAppendEnv(['A=1', 'A=2'], ['A=3'])).toEqual(['A=1', 'A=3']);
    expect(replaceOrAppendEnv([], ['N=1', 'N=2'])).toEqual(['N=1', 'N=2']);
    expect(replaceOrAppendEnv(['A=1', 'B=2'], ['A', 'A=9'])).toEqual(['A=9', 'B=2']);
    expect(replaceOrAppendEnv(['A=1'], ['A='])).toEqual(['A=']);
  });
});
