import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { useFloorStore } from '../lib/store/useFloorStore';
import { applySnapshot, beginJoin, initialFloor, setConnection, type FloorState } from '../lib/store/floor';
import type { Snapshot } from '../lib/api/types';

/** A store holding this snapshot, connected and live, as the hub would leave it. */
export function loadFloor(snap: Snapshot, at: number): FloorState {
  let s = initialFloor();
  s = beginJoin(s, snap.center, 'join');
  s = setConnection(s, 'connected', at);
  s = applySnapshot(s, snap, at);
  useFloorStore.setState({ floor: s });
  return s;
}

export function setFloor(f: (s: FloorState) => FloorState): void {
  useFloorStore.getState().dispatch(f);
}

export function renderAt(path: string, pattern: string, element: ReactElement) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path={pattern} element={element} />
      </Routes>
    </MemoryRouter>,
  );
}

/** jsdom lays nothing out: give elements a size so the virtualiser has a window to fill. */
export function fakeLayout(width = 1200, height = 720): () => void {
  const props = ['offsetWidth', 'offsetHeight', 'clientWidth', 'clientHeight'] as const;
  const saved = props.map((p) => [p, Object.getOwnPropertyDescriptor(HTMLElement.prototype, p) ?? Object.getOwnPropertyDescriptor(Element.prototype, p)] as const);
  for (const p of props) {
    Object.defineProperty(HTMLElement.prototype, p, { configurable: true, get: () => (p.endsWith('Width') ? width : height) });
  }
  return () => {
    for (const [p, d] of saved) {
      if (d) Object.defineProperty(HTMLElement.prototype, p, d);
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[p];
    }
  };
}
