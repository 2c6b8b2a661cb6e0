// Standard output without process.stdout: touching it loads Node's whole stream stack,
// which a CLI that prints one report at the end does not need (a good part of a cold start's compiling).
import { fstatSync, statSync, writeSync } from 'node:fs';

let closed = false;
let viaStream = false;
let stderrUsed = false;

/** Writes to standard output synchronously, as Node's own stdout does for files and pipes on Linux. */
export function writeStdout(s: string): void {
  if (closed) return;
  if (viaStream) {
    process.stdout.write(s);
    return;
  }
  const bytes = Buffer.from(s, 'utf8');
  let off = 0;
  try {
    while (off < bytes.length) off += writeSync(1, bytes, off);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A reader that went away (`| head`) ends the output, as a closed pipe does for other tools.
    if (code === 'EPIPE') closed = true;
    // A non-blocking descriptor from the caller: the stream queues what is left, and all that follows.
    else if (code === 'EAGAIN') {
      viaStream = true;
      process.stdout.write(bytes.subarray(off));
    }
    else throw err;
  }
}

/** Writes to standard error through its stream (asynchronous for pipes on macOS and Windows). */
export function writeStderr(s: string): void {
  stderrUsed = true;
  process.stderr.write(s);
}

/**
 * True when everything written has reached the operating system, so the process may end at once: bin.cjs
 * then calls process.exit, which skips tearing the heap down (a few ms of every start). A stream with writes
 * still queued must be left to drain.
 */
export function outputFlushed(): boolean {
  return (!viaStream || process.stdout.writableLength === 0) && (!stderrUsed || process.stderr.writableLength === 0);
}

/**
 * Whether fd 1 is a terminal, loading node:tty (and with it the stream stack) only about character devices
 * other than /dev/null: pipes, files and /dev/null, where benchmarks and scripts send output, never pay for it.
 */
export function stdoutIsTerminal(): boolean {
  if (process.platform === 'win32') return Boolean(process.stdout.isTTY);
  try {
    const out = fstatSync(1);
    if (!out.isCharacterDevice() || out.rdev === statSync('/dev/null').rdev) return false;
  } catch {
    return false;
  }
  // Not import(): bin.cjs runs the bundle as a script, which has no dynamic import of its own.
  return process.getBuiltinModule('node:tty').isatty(1);
}
