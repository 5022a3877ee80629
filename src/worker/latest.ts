/**
 * Runs an async job so that at most one run is in flight and, when calls come in while it
 * runs, exactly one more run follows with the newest state: no queue of stale work, no
 * fixed delay. (Typing fast gives: run, then one run for everything typed meanwhile.)
 */
export function latestOnly(job: () => Promise<void>, onError: (error: unknown) => void): () => void {
  let running = false;
  let again = false;
  const loop = async () => {
    running = true;
    do {
      again = false;
      try {
        await job();
      } catch (error) {
        onError(error);
      }
    } while (again);
    running = false;
  };
  return () => {
    if (running) again = true;
    else void loop();
  };
}
