import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { daemon, session } from '../store/stores.ts';
import { subjectOf, subjectRef, type Subject, type SubjectRef } from '../store/subject.ts';
import { daemonApi } from '../worker/client.ts';
import type { DaemonApi } from '../worker/daemon/api.ts';

export type QueryState<T> = { status: 'idle' } | { status: 'loading'; previous: T | null } | { status: 'done'; data: T | null } | { status: 'failed'; reason: string };

/** The subject the layer panels show (src/store/subject.ts), stable across unrelated store changes. */
export function useSubject(): Subject | null {
  const key = useStore(session, (s) => JSON.stringify(subjectOf(s)));
  return key === 'null' ? null : (JSON.parse(key) as Subject);
}

/**
 * Asks the daemon worker a question about the current subject, again whenever the subject,
 * the daemon's revision or `deps` change; an answer to an older question is dropped.
 */
export function useDaemonQuery<T>(ask: (api: DaemonApi, ref: SubjectRef) => Promise<T | null>, deps: readonly unknown[]): { subject: Subject | null; state: QueryState<T> } {
  const subject = useSubject();
  const revision = useStore(daemon, (s) => s.revision);
  const [state, setState] = useState<QueryState<T>>({ status: 'idle' });
  const key = JSON.stringify(subject);
  useEffect(() => {
    const api = daemonApi();
    if (!subject || !api) return setState({ status: 'idle' });
    let current = true;
    setState((s) => ({ status: 'loading', previous: s.status === 'done' ? s.data : s.status === 'loading' ? s.previous : null }));
    ask(api as unknown as DaemonApi, subjectRef(subject)).then(
      (data) => current && setState({ status: 'done', data }),
      (e: unknown) => current && setState({ status: 'failed', reason: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, revision, ...deps]);
  return { subject, state };
}

/** The data of a query, keeping the previous answer on screen while a new one loads. */
export function queryData<T>(state: QueryState<T>): T | null {
  return state.status === 'done' ? state.data : state.status === 'loading' ? state.previous : null;
}
