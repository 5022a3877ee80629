/**
 * The English catalog: every string of the app shell. `zh-CN.ts` must have exactly the same
 * keys and the same {{placeholders}} (a unit test checks both).
 */
export const en = {
  app: {
    title: 'layerlab',
    tagline: 'What Docker really does with images: layers, union mount, copy-on-write, commit, build cache.',
    footer: 'engine {{version}} · runs entirely in your browser, nothing is uploaded',
  },
  language: {
    label: 'Language',
    en: 'English',
    zh: '中文',
  },
  theme: {
    label: 'Theme',
    system: 'System',
    light: 'Light',
    dark: 'Dark',
  },
  help: {
    open: 'Keyboard shortcuts',
    title: 'Keyboard shortcuts',
    close: 'Close',
    whenNotTyping: 'Step keys work when the focus is outside the editor; press Esc in the editor to leave it.',
    keys: {
      help: 'Show or hide this list',
      escape: 'Close this list; in the editor, move the focus out of it',
      stepBack: 'Step back one build step',
      stepForward: 'Step forward one build step',
      playPause: 'Play or pause the build',
      first: 'Go to the first step',
      last: 'Go to the last step',
      undo: 'Undo an edit (in the editor)',
      redo: 'Redo an edit (in the editor)',
      focusEditor: 'Move the focus to the editor',
      panel: 'Show panel 1 to 6',
    },
  },
  editor: {
    title: 'Dockerfile',
    loading: 'Loading the editor…',
    undo: 'Undo',
    redo: 'Redo',
    position: 'Ln {{line}}, Col {{column}}',
    checking: 'Checking…',
    noProblems: 'No problems found',
    errors_one: '{{count}} error',
    errors_other: '{{count}} errors',
    warnings_one: '{{count}} warning',
    warnings_other: '{{count}} warnings',
    firstProblem: 'Line {{line}}, column {{column}}: {{message}}',
    workerFailed: 'The background checker stopped: {{reason}}',
    gutterTitle: 'Build step, cache and layer size per line (after a build)',
    stepMarker: 'Step {{step}}',
    cacheHit: 'cache hit',
    cacheMiss: 'cache miss',
    emptyLayer: 'empty layer',
    baseImage: 'base image',
  },
  panels: {
    label: 'Panels',
    buildSteps: 'Build steps',
    layerStack: 'Layer stack',
    shadowDiff: 'Shadowing diff',
    fileTree: 'File tree',
    terminal: 'Terminal',
    imageGraph: 'Image graph',
    waitingForBuilder: 'Waiting for the builder: layerlab cannot build images yet, so there is nothing true to show here. This panel fills in when the builder lands.',
    waitingForRuntime: 'Waiting for the simulated docker CLI and runtime: containers, commits and pulls will appear here.',
    about: {
      buildSteps: 'One node per Dockerfile instruction: its intermediate container, the committed image, the layer size or "empty layer", and cache hit or miss with the reason.',
      layerStack: 'From bootfs up: the base image rootfs, one read-only layer per instruction, and the container read-write layer on top.',
      shadowDiff: 'For a directory, one lane per layer: which file each layer adds, changes or deletes, and which copy wins in the union mount.',
      fileTree: 'The merged filesystem at the current step, or one layer’s changes, with wasted bytes.',
      terminal: 'A prompt that runs the simulated docker CLI against the same engine.',
      imageGraph: 'Images, tags, parents and containers as a graph.',
    },
  },
  steps: {
    label: 'Build stepping',
    back: 'Step back',
    forward: 'Step forward',
    play: 'Play',
    pause: 'Pause',
    speed: 'Speed',
    scrub: 'Build step',
    position: 'Step {{current}} of {{total}}',
    noBuild: 'No build yet: the builder is not part of layerlab yet.',
    stale: 'Stale: the Dockerfile has changed since this build.',
  },
  splitter: {
    label: 'Resize the editor and the panels',
  },
  failure: {
    title: 'This part of layerlab stopped working',
    detail: 'The rest of the app still works and your Dockerfile is saved. What went wrong: {{message}}',
    retry: 'Try again',
  },
} as const;

/** A catalog with the same shape as the English one, any text in its leaves. */
export type Catalog<T = typeof en> = { readonly [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };
