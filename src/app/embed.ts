/**
 * Embed mode, for slides and blog posts: `?embed` shows the panels and the step bar only (no
 * editor, no header); `&panels=buildSteps,layerStack` chooses which panels. Unknown panel
 * names are ignored; with none left, every panel is shown.
 */
import { isPanelId, type PanelId } from '../panels/ids.ts';

export interface EmbedOptions {
  embed: boolean;
  panels: PanelId[];
}

export function embedOptions(search: string): EmbedOptions {
  const q = new URLSearchParams(search);
  const panels = (q.get('panels') ?? '').split(',').map((p) => p.trim()).filter(isPanelId);
  return { embed: q.has('embed'), panels };
}
