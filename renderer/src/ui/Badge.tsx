export type Tone = 'ok' | 'warn' | 'bad' | 'neutral' | 'info';

/** A coloured label that always carries its words: colour is never the only signal. */
export function Badge({ tone, text, title }: { tone: Tone; text: string; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {text}
    </span>
  );
}
