// One way to build DOM in the renderer, in the manner of VS Code's `dom.ts` `h()`: an element, its
// properties, attributes and listeners, and its children, in one typed call. It only creates
// elements and text nodes (never parses HTML), so it is as safe under the CSP as createElement.

type IfEquals<X, Y, A, B> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : B;

/** An element's own settable properties (type, title, value, hidden…): no methods, no getters. */
type SettableProperties<E> = {
  [P in keyof E as E[P] extends (...args: never[]) => unknown
    ? never
    : P extends `on${string}` | 'style' | 'dataset' | 'className' | 'textContent'
      ? never
      : IfEquals<{ [Q in P]: E[P] }, { -readonly [Q in P]: E[P] }, P, never>]?: E[P];
};

export type Child = Node | string | null | undefined | false;

export type ElementOptions<E extends HTMLElement> = SettableProperties<E> & {
  className?: string;
  /** Attributes by name (aria-*, role, for…): `true` sets an empty one, `false` or undefined none. */
  attrs?: Record<string, string | boolean | undefined>;
  dataset?: Record<string, string>;
  style?: Partial<Record<'width' | 'height' | 'transform' | 'backgroundColor' | 'backgroundImage', string>>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
  /** Removes the listeners of `on` when it aborts (a view's lifetime). */
  signal?: AbortSignal;
};

/** `h('button', { type: 'button', on: { click } }, 'Save')`: an element with its children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions<HTMLElementTagNameMap[K]> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  const { className, attrs, dataset, style, on, signal, ...properties } = options;
  Object.assign(element, properties);
  if (className) element.className = className;
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  Object.assign(element.dataset, dataset);
  Object.assign(element.style, style);
  for (const [type, listener] of Object.entries(on ?? {})) {
    element.addEventListener(type, listener as EventListener, { signal });
  }
  element.append(...children.filter((child): child is Node | string => child !== null && child !== undefined && child !== false));
  return element;
}
