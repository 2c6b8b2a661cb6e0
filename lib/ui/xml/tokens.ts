import './prism-manual';
import Prism from 'prismjs';

/** A highlighted piece of text. Never HTML: the renderer puts `text` into a text node. */
export interface Tok {
  /** Prism token type ('tag', 'attr-name', 'attr-value', 'punctuation', 'namespace', 'comment', 'entity', ...); '' for plain text. */
  type: string;
  text: string;
}

type Stream = string | Prism.Token | Array<string | Prism.Token>;

function flattenInto(stream: Stream, type: string, out: Tok[]): void {
  if (typeof stream === 'string') {
    if (stream !== '') out.push({ type, text: stream });
  } else if (Array.isArray(stream)) {
    for (const s of stream) flattenInto(s, type, out);
  } else {
    flattenInto(stream.content as Stream, stream.type, out);
  }
}

/** Leaf tokens of one Prism token (or plain string), innermost type wins. */
export function flatten(stream: Stream, type = ''): Tok[] {
  const out: Tok[] = [];
  flattenInto(stream, type, out);
  return out;
}

/** Prism's markup grammar: the same tokens for XML as for HTML, but returned as data, never as markup. */
export function tokenizeMarkup(xml: string): Array<string | Prism.Token> {
  const grammar = Prism.languages['markup'];
  if (!grammar) return [xml];
  return Prism.tokenize(xml, grammar);
}

export function tokenText(stream: Stream): string {
  if (typeof stream === 'string') return stream;
  if (Array.isArray(stream)) return stream.map(tokenText).join('');
  return tokenText(stream.content as Stream);
}

export type { Stream };
