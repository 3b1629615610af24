// A tiny element builder for the accessible layer.
type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') node.addEventListener(k.replace(/^on/, ''), v);
    else if (k === 'checked' || k === 'disabled' || k === 'selected') (node as unknown as Record<string, boolean>)[k] = Boolean(v);
    else if (k === 'value') (node as HTMLInputElement).value = String(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

export function button(label: string, onclick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  return el('button', { type: 'button', onclick: () => onclick(), 'data-focus': label, ...attrs }, label);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The same for SVG (charts): attributes are set as given. */
export function svg(tag: string, attrs: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElement {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  e.append(...children);
  return e;
}

/** One choice of a graded issue's options, or none: a group of radio buttons named by `legend`, in a list item. */
export function issueChoice(o: {
  /** The radio group's name (unique on the page) and the start of each button's data-focus. */
  name: string;
  legend: string;
  none: string;
  options: { id: string; label: string; disabled?: boolean }[];
  chosen: string | null;
  choose: (id: string | null) => void;
}): HTMLLIElement {
  const option = (id: string | null, label: string, disabled = false) =>
    el('label', { class: 'choice' }, el('input', { type: 'radio', name: o.name, 'data-focus': `${o.name}-${id ?? 'none'}`, checked: o.chosen === id, disabled, onchange: () => o.choose(id) }), ` ${label}`);
  return el('li', {}, el('fieldset', { class: 'issue' }, el('legend', {}, o.legend), option(null, o.none), ...o.options.map((x) => option(x.id, x.label, x.disabled))));
}
