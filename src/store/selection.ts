/**
 * What the user has selected in a panel. One selection for the whole app: selecting an image
 * in the graph or a layer in the stack selects it in every panel (panels never call each other).
 */
export type PanelSelection =
  | { kind: 'step'; step: number }
  | { kind: 'layer'; diffId: string }
  | { kind: 'path'; path: string }
  | { kind: 'image'; imageId: string }
  | { kind: 'container'; containerId: string };

export function sameSelection(a: PanelSelection | null, b: PanelSelection | null): boolean {
  if (a === null || b === null) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}
