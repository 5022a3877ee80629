import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import type { PanelId } from './ids.ts';

export interface PanelDescriptor {
  id: PanelId;
  /** What the panel will show: the build (already running in the worker) or containers (the simulated docker CLI). */
  shows: 'build' | 'containers';
  /**
   * The panel itself, lazy-loaded (`lazy(() => import('./BuildSteps/BuildSteps.tsx'))`),
   * once it exists; until then the panel area says what the panel will show.
   */
  component?: LazyExoticComponent<ComponentType>;
}

/** The panels in tab order. A panel's issue adds its `component` here (one line). */
export const PANELS: readonly PanelDescriptor[] = [
  { id: 'buildSteps', shows: 'build', component: lazy(() => import('./BuildSteps/BuildSteps.tsx')) },
  { id: 'layerStack', shows: 'build', component: lazy(() => import('./LayerStack/LayerStack.tsx')) },
  { id: 'shadowDiff', shows: 'build', component: lazy(() => import('./ShadowDiff/ShadowDiff.tsx')) },
  { id: 'fileTree', shows: 'build', component: lazy(() => import('./FileTree/FileTree.tsx')) },
  { id: 'terminal', shows: 'containers', component: lazy(() => import('./Terminal/Terminal.tsx')) },
  { id: 'imageGraph', shows: 'containers', component: lazy(() => import('./ImageGraph/ImageGraph.tsx')) },
];
