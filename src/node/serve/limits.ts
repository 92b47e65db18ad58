/** A component's bounds (timeouts, rates, counts), each a number with its default. */
type Limits = Record<string, number>;

/**
 * The options of a component with bounds: tests shorten some of them (a cut-off in a second, not
 * in thirty), everything else keeps the component's defaults.
 */
export interface ShortenableLimits<Bounds extends Limits> {
  limits?: Partial<Bounds>;
}

/** The bounds a component runs with: its defaults, with those the options shorten. */
export function limitsOf<Bounds extends Limits>(defaults: Bounds, options: ShortenableLimits<Bounds>): Bounds {
  return { ...defaults, ...options.limits };
}
