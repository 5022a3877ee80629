import type { ComponentType, LazyExoticComponent } from 'react';
import type { PanelId } from './ids.ts';

export interface PanelDescriptor {
  id: PanelId;
  /** What the panel needs before it can show anything true. */
  waitsFor: 'builder' | 'runtime';
  /**
   * The panel itself, lazy-loaded (`lazy(() => import('./BuildSteps/BuildSteps.tsx'))`),
   * once it exists; until then the panel area says what the panel will show and what it waits for.
   */
  component?: LazyExoticComponent<ComponentType>;
}

/** The panels in tab order. A panel's issue adds its `component` here (one line). */
export const PANELS: readonly PanelDescriptor[] = [
  { id: 'buildSteps', waitsFor: 'builder' },
  { id: 'layerStack', waitsFor: 'builder' },
  { id: 'shadowDiff', waitsFor: 'builder' },
  { id: 'fileTree', waitsFor: 'builder' },
  { id: 'terminal', waitsFor: 'runtime' },
  { id: 'imageGraph', waitsFor: 'runtime' },
];
