// What the teacher's and the students' pages share: redrawing without losing the keyboard focus, the live
// region, the connection banner, the timer and meter bars.
import { el } from '../../ui/dom/el';
import type { LinkState } from './connection';

/** Say something to screen-reader users (the page's #live region keeps the last few lines). */
export function announce(text: string): void {
  const region = document.getElementById('live');
  if (!region || !text) return;
  region.append(el('p', {}, text));
  while (region.childElementCount > 8) region.firstElementChild!.remove();
}

/**
 * Replace a region's content, then give the focus back to the control that had it (matched by data-focus).
 * When that control is gone (a move was made), the focus goes to `fallback` so the keyboard user is not lost.
 */
export function redraw(root: HTMLElement, children: (Node | null | false)[], fallback?: string): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && root.contains(active) ? active.dataset.focus : undefined;
  const input = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? active : null;
  const selection = input && input.type === 'text' ? [input.selectionStart, input.selectionEnd] : null;
  root.replaceChildren(...children.filter((c): c is Node => Boolean(c)));
  if (!key) return;
  const again = root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`);
  if (again && !(again as HTMLButtonElement).disabled) {
    again.focus({ preventScroll: true });
    if (selection && again instanceof HTMLInputElement) again.setSelectionRange(selection[0], selection[1]);
  } else if (fallback) {
    const heading = root.querySelector<HTMLElement>(fallback);
    heading?.setAttribute('tabindex', '-1');
    // Scrolled to as well: the control was far down (a package's Send button) and the next move starts at the top.
    heading?.focus();
  }
}

/** 4:05 */
export function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A labelled 0–100 meter: a real <meter> (read by screen readers) with the number beside it. */
export function meterBar(label: string, value: number, attrs: { danger?: boolean } = {}): HTMLElement {
  return el(
    'div',
    { class: 'meter-row' },
    el('span', { class: 'meter-label' }, label),
    // The browser colours the bar: a good meter is green above 60 and red below 30, a danger meter the other way round.
    el('meter', { min: 0, max: 100, low: 30, high: 60, optimum: attrs.danger ? 0 : 100, value, 'aria-label': label }),
    el('span', { class: 'meter-value' }, String(value)),
  );
}

/** The connection banner's words. */
export function linkBanner(banner: HTMLElement, state: LinkState, detail?: string, kept = 'your seat is kept'): void {
  banner.dataset.state = state;
  switch (state) {
    case 'connecting':
      banner.textContent = 'Connecting to the class server…';
      break;
    case 'online':
      banner.textContent = '';
      break;
    case 'reconnecting':
      banner.textContent = `Reconnecting… (${kept}; this page rejoins by itself)`;
      break;
    case 'refused':
      banner.textContent = detail ?? 'The server refused this page.';
      break;
  }
}
