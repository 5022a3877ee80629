/**
 * The panels of the panel area, in tab order. Each gets its own folder
 * `src/panels/<Name>/` when its issue is built (build steps: issue 8; layer stack,
 * shadowing diff, file tree: issue 9; terminal, image graph: issue 10).
 */
export const PANEL_IDS = ['buildSteps', 'layerStack', 'shadowDiff', 'fileTree', 'terminal', 'imageGraph'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

export function isPanelId(value: unknown): value is PanelId {
  return typeof value === 'string' && (PANEL_IDS as readonly string[]).includes(value);
}
