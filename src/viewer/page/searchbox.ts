/** A search input with a suggestion list (keyboard and mouse), shared by the top search and the path finder. */
import { searchEntities, SearchEntry, SearchIndex } from '../search';
import { entityTypeColor } from '../colors';
import { clear, el } from './dom';

export interface SearchBox {
  /** The node currently chosen, or null. */
  chosen(): string | null;
  /** Sets the input as if `node` had been chosen (without calling onChoose). */
  set(node: string | null, label?: string): void;
}

/** Debounce of suggestion updates while typing, in ms. */
const TYPING_DEBOUNCE_MS = 60;

export function attachSearchBox(input: HTMLInputElement, list: HTMLUListElement, index: SearchIndex, onChoose: (node: string) => void): SearchBox {
  let results: SearchEntry[] = [];
  let active = -1;
  let chosen: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    list.hidden = true;
    active = -1;
    input.setAttribute('aria-expanded', 'false');
  };
  const choose = (entry: SearchEntry) => {
    chosen = entry.node;
    input.value = entry.label;
    close();
    onChoose(entry.node);
  };
  const render = () => {
    clear(list);
    results.forEach((entry, i) => {
      const item = el('li', { attrs: { role: 'option', 'aria-selected': String(i === active), 'data-node': entry.node } }, [
        el('span', { className: 'swatch', color: entityTypeColor(entry.type) }),
        el('span', { text: entry.label }),
        entry.matchedAlias ? el('span', { className: 'alias', text: `(${entry.matchedAlias})` }) : null,
        el('span', { className: 'type', text: entry.type }),
      ]);
      // mousedown, not click: it fires before the input's blur closes the list.
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        choose(entry);
      });
      list.appendChild(item);
    });
    list.hidden = results.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
  };
  const update = () => {
    results = searchEntities(index, input.value);
    active = results.length ? 0 : -1;
    render();
  };

  input.addEventListener('input', () => {
    chosen = null;
    clearTimeout(timer);
    timer = setTimeout(update, TYPING_DEBOUNCE_MS);
  });
  input.addEventListener('focus', () => {
    if (input.value && !chosen) update();
  });
  input.addEventListener('blur', () => close());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (list.hidden) update();
      if (!results.length) return;
      active = (active + (event.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length;
      render();
      event.preventDefault();
    } else if (event.key === 'Enter') {
      clearTimeout(timer);
      if (list.hidden || !results.length) update();
      const entry = results[Math.max(0, active)];
      if (entry) choose(entry);
      event.preventDefault();
    } else if (event.key === 'Escape') {
      close();
    }
  });

  return {
    chosen: () => chosen,
    set(node, label) {
      chosen = node;
      input.value = node ? (label ?? node) : '';
      close();
    },
  };
}
