/** Notes font sizes in CSS px: readable from a lectern at the smallest, a screenful of words at the largest. */
const SIZES = [18, 22, 26, 30, 36, 42, 50, 60];
const DEFAULT_INDEX = 3;
const STORAGE_KEY = 'podium.speaker.notesFontSize';

/** The notes' font size, stepped with +/− and remembered for the next talk on this machine. */
export class NotesFontSize {
  private index: number;

  constructor(
    private readonly notes: HTMLElement,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'>,
  ) {
    const saved = SIZES.indexOf(Number(storage.getItem(STORAGE_KEY)));
    this.index = saved === -1 ? DEFAULT_INDEX : saved;
    this.apply();
  }

  larger(): void {
    this.index = Math.min(SIZES.length - 1, this.index + 1);
    this.apply();
  }

  smaller(): void {
    this.index = Math.max(0, this.index - 1);
    this.apply();
  }

  private apply(): void {
    const size = SIZES[this.index] ?? SIZES[DEFAULT_INDEX];
    this.notes.style.fontSize = `${size}px`;
    this.storage.setItem(STORAGE_KEY, String(size));
  }
}
