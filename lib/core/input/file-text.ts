// A file's bytes as text, in the encoding its byte-order mark names: the CLI and the viewer's drop read the same.

export type FileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * Windows PowerShell 5 writes `>` and `Out-File` as UTF-16LE with a byte-order mark, so a HAR a customer saved
 * there arrives as UTF-16; read as UTF-8 it is mojibake that no reader recognises. Without a mark the file is
 * UTF-8 (the HAR and JSON default). FF and FE never occur in UTF-8, so the marks cannot be misread.
 */
export function fileEncoding(head: Uint8Array): FileEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** A decoder for a file that starts with `head` (its first two bytes at least, or all of it); it drops the mark. */
export function fileDecoder(head: Uint8Array): TextDecoder {
  return new TextDecoder(fileEncoding(head));
}

export function decodeFileBytes(bytes: Uint8Array): string {
  return fileDecoder(bytes).decode(bytes);
}

/**
 * Why a file could not become text: larger than the longest string the JavaScript engine holds (V8, in Node and
 * Chrome: 2^29 - 24 characters, about 512 MB), and what to capture instead. `holder` names the engine's host.
 */
export function tooLargeForText(bytes: number | undefined, holder: string): string {
  const size = bytes === undefined ? 'its size' : `${Math.round(bytes / 1024 / 1024)} MB`;
  return (
    `at ${size} it is larger than the 512 MB of text ${holder} can hold. Capture only the sign-in: in DevTools, ` +
    'clear the Network panel (or open a new window), sign in, then save the HAR.'
  );
}
