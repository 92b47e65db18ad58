const NAMED_SIZES: Record<string, [number, number]> = {
  '16:9': [1920, 1080],
  '4:3': [1024, 768],
};

/** `16:9`, `4:3` or `WIDTHxHEIGHT` (px), as deck.yaml's `size` and `podium export --size` take it. */
export function parseSlideSize(size: string): [number, number] | null {
  const named = NAMED_SIZES[size.trim()];
  if (named) return named;
  const match = /^\s*(\d{2,5})\s*[x×]\s*(\d{2,5})\s*$/i.exec(size);
  if (!match) return null;
  return [Number(match[1]), Number(match[2])];
}
