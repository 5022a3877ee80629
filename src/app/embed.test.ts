import { describe, expect, it } from 'vitest';
import { embedOptions } from './embed.ts';

describe('embed mode from the address', () => {
  it('is on with ?embed and keeps only known panel names', () => {
    expect(embedOptions('?embed&panels=buildSteps,nope,layerStack')).toEqual({ embed: true, panels: ['buildSteps', 'layerStack'] });
    expect(embedOptions('?embed')).toEqual({ embed: true, panels: [] });
    expect(embedOptions('')).toEqual({ embed: false, panels: [] });
    expect(embedOptions('?panels=<script>')).toEqual({ embed: false, panels: [] });
  });
});
