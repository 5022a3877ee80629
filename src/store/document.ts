import { createStore } from 'zustand/vanilla';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';

/** The Dockerfile from the tutorial this project grew from (the centos + redis image). */
export const EXAMPLE_DOCKERFILE = `FROM centos
MAINTAINER 271967835@qq.com
RUN yum -y update &&yum -y install epel-release&& yum -y install redis&&yum -y install net-tools
EXPOSE 6379
RUN sed -i -e 's@bind 127.0.0.1@bind 0.0.0.0@g' /etc/redis.conf
RUN sed -i -e 's@protected-mode yes@protected-mode no@g' /etc/redis.conf
ENTRYPOINT ["/usr/bin/redis-server","/etc/redis.conf"]
CMD []
`;

export interface Cursor {
  /** 1-based line and column of the main selection's head. */
  line: number;
  column: number;
}

export interface Selection {
  /** Offsets into the text; `anchor === head` for a plain cursor. */
  anchor: number;
  head: number;
}

/** A request to show a place in the editor (move the cursor there, scroll, focus). */
export interface RevealRequest {
  line: number;
  column: number;
  /** Bumped on every request, so asking for the same place twice still moves there. */
  serial: number;
}

export interface DocumentState {
  text: string;
  /** Bumped on every change of `text`; analyses carry it so stale answers can be dropped. */
  version: number;
  cursor: Cursor;
  selection: Selection;
  /** How many edits can be undone / redone (the editor's history owns the edits themselves). */
  undoDepth: number;
  redoDepth: number;
  /** The newest request to show a place in the editor (from the problems list, a build step, a lesson). */
  reveal: RevealRequest | null;
  setText(text: string): void;
  setSelection(selection: Selection, cursor: Cursor): void;
  setHistoryDepth(undoDepth: number, redoDepth: number): void;
  /** Asks the editor to put the cursor at a 1-based line and column and bring it into view. */
  revealAt(line: number, column: number): void;
}

export const DOCUMENT_KEY = 'layerlab.document';

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function validSelection(v: unknown, length: number): Selection | null {
  const s = v as Partial<Selection> | null;
  return isCount(s?.anchor) && isCount(s?.head) && s.anchor <= length && s.head <= length ? { anchor: s.anchor, head: s.head } : null;
}

function validCursor(v: unknown): Cursor | null {
  const c = v as Partial<Cursor> | null;
  return isCount(c?.line) && isCount(c?.column) && c.line >= 1 && c.column >= 1 ? { line: c.line, column: c.column } : null;
}

export function createDocumentStore(storage: StateStorage) {
  return createStore<DocumentState>()(
    persist(
      (set, get) => ({
        text: EXAMPLE_DOCKERFILE,
        version: 0,
        cursor: { line: 1, column: 1 },
        selection: { anchor: 0, head: 0 },
        undoDepth: 0,
        redoDepth: 0,
        reveal: null,
        setText: (text) => {
          if (text !== get().text) set({ text, version: get().version + 1 });
        },
        setSelection: (selection, cursor) => set({ selection, cursor }),
        setHistoryDepth: (undoDepth, redoDepth) => {
          if (undoDepth !== get().undoDepth || redoDepth !== get().redoDepth) set({ undoDepth, redoDepth });
        },
        revealAt: (line, column) => set({ reveal: { line, column, serial: (get().reveal?.serial ?? 0) + 1 } }),
      }),
      {
        name: DOCUMENT_KEY,
        version: 1,
        storage: createJSONStorage(() => storage),
        // The text and the editor's selection survive a reload; a stored value of the wrong
        // shape is ignored, a selection outside the text is not restored.
        partialize: (s) => ({ text: s.text, selection: s.selection, cursor: s.cursor }),
        merge: (persisted, current) => {
          const p = persisted as { text?: unknown; selection?: unknown; cursor?: unknown } | null;
          if (typeof p?.text !== 'string') return current;
          const selection = validSelection(p.selection, p.text.length);
          const cursor = validCursor(p.cursor);
          return selection && cursor ? { ...current, text: p.text, selection, cursor } : { ...current, text: p.text };
        },
      },
    ),
  );
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
