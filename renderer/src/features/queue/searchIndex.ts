/**
 * The queue's search words as an index: for every one- and two-letter start of a word, the rows
 * that have a word starting so. A search then looks at the rows its words' starts name instead of
 * every row's words: at 100,000 cases a keystroke scanned 15 million characters. Same answers as
 * the scan (a query word matches when it starts a word of the row), which stays the fallback while
 * the index is being built.
 */

/** What the index needs of a row: its place among the rows of one load and its search words. */
export interface Searchable {
  /** Position in the rows the index was made for (0 … size-1). */
  readonly ordinal: number;
  /** ' word word … ', as queueModel builds it. */
  haystack?: string;
}

type Postings = Map<string, number[]>;

const EMPTY: readonly number[] = [];

export class SearchIndex {
  private readonly postings: Postings = new Map();
  private readonly haystacks: Array<string | undefined>;
  private indexed = 0;

  constructor(readonly size: number) {
    this.haystacks = new Array<string | undefined>(size);
  }

  get complete(): boolean {
    return this.indexed === this.size;
  }

  /** Adds a row (once; a second call for the same row does nothing). */
  add(ordinal: number, haystack: string): void {
    if (this.haystacks[ordinal] !== undefined) return;
    this.haystacks[ordinal] = haystack;
    this.indexed += 1;
    for (const word of haystack.split(' ')) {
      if (word === '') continue;
      this.post(word.slice(0, 1), ordinal);
      if (word.length > 1) this.post(word.slice(0, 2), ordinal);
    }
  }

  private post(key: string, ordinal: number): void {
    const list = this.postings.get(key);
    // Rows are added one at a time, so a row's second word with the same start is the list's last.
    if (!list) this.postings.set(key, [ordinal]);
    else if (list[list.length - 1] !== ordinal) list.push(ordinal);
  }

  /**
   * Marks (1) the rows every query word starts a word of; undefined while the index is incomplete.
   * Words of one or two letters are answered by the index alone, longer ones are checked against
   * the rows their first two letters name.
   */
  match(words: readonly string[]): Uint8Array | undefined {
    if (!this.complete) return undefined;
    let marks: Uint8Array | undefined;
    // The longest word first: its candidates are the fewest, and later words check only those.
    for (const word of [...words].sort((a, b) => b.length - a.length)) {
      const next = new Uint8Array(this.size);
      const needle = ` ${word}`;
      for (const ordinal of this.postings.get(word.slice(0, 2)) ?? EMPTY) {
        if (marks && marks[ordinal] === 0) continue;
        if (word.length <= 2 || (this.haystacks[ordinal] as string).includes(needle)) next[ordinal] = 1;
      }
      marks = next;
    }
    return marks;
  }
}
