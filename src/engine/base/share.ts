/**
 * Recorded bases that were built on one another share their layers, as in the engine that
 * recorded them: tomcat-lite is FROM busybox, so its bottom layer is busybox's layer
 * (same diff ID, stored once; `docker system df` counts it once and shows it as SHARED
 * SIZE). Each base is loaded from its own transcript, where a file whose content the
 * transcript does not show gets virtual content seeded by the image's name — so the same
 * listing would give two different layers. Here a base's bottom layers whose listings equal
 * an earlier base's bottom layers (the whole chain up to them) take that base's changesets.
 */
import type { BaseImage } from './loader.ts';

/** Each layer's listing (its `@layers` lines, without the header's layer number). */
function listings(base: BaseImage): string[] {
  const block = base.blocks.find((b) => b.command.startsWith('@layers '));
  const out: string[] = [];
  for (const line of block?.output ?? []) {
    const header = /^layer \d+ (size=\d+)$/.exec(line);
    if (header) out.push(header[1]!);
    else if (out.length) out[out.length - 1] += `\n${line}`;
  }
  return out;
}

export function shareBaseLayers(bases: readonly BaseImage[]): BaseImage[] {
  // Parents first (fewer layers): a child takes its parent's layers, never the reverse.
  const order = bases.map((_, i) => i).sort((a, b) => bases[a]!.layers.length - bases[b]!.layers.length);
  const done = new Map<number, { base: BaseImage; listed: string[] }>();
  for (const i of order) {
    const base = bases[i]!;
    const listed = listings(base);
    let layers = base.layers;
    for (const earlier of done.values()) {
      let k = 0;
      while (k < listed.length && k < earlier.listed.length && listed[k] === earlier.listed[k]) k++;
      if (k > 0 && listed.length === base.layers.length) {
        layers = [...earlier.base.layers.slice(0, k), ...base.layers.slice(k)];
        break;
      }
    }
    done.set(i, { base: layers === base.layers ? base : { ...base, layers }, listed });
  }
  return bases.map((_, i) => done.get(i)!.base);
}
