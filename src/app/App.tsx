import { ENGINE_VERSION } from '../engine/version.ts';

/**
 * The first screen: says what layerlab is and where the editor and the
 * panels will live. Nothing here pretends to be a real build yet.
 */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>layerlab</h1>
        <p className="tagline">
          See exactly what Docker does with images: bootfs and rootfs, read-only layers joined by a
          union mount, the container&apos;s copy-on-write layer, <code>docker commit</code> and{' '}
          <code>docker build</code> with its cache.
        </p>
      </header>
      <main className="workspace">
        <section className="area editor-area" aria-label="Dockerfile editor">
          <h2>Dockerfile</h2>
          <p className="placeholder">The Dockerfile editor arrives with the editor issue.</p>
        </section>
        <section className="area panel-area" aria-label="Panels">
          <h2>Panels</h2>
          <p className="placeholder">
            Build steps, layer stack, file-shadowing diff, file tree, terminal and image graph will
            appear here.
          </p>
        </section>
      </main>
      <footer className="app-footer">engine {ENGINE_VERSION} · runs entirely in your browser</footer>
    </div>
  );
}
