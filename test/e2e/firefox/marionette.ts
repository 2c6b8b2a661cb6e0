// A minimal client for Firefox's Marionette protocol (version 3): length-prefixed JSON over TCP, the
// protocol geckodriver itself speaks to Firefox. Playwright drives only its own patched Firefox builds and
// Debian ships no geckodriver, so the Firefox end-to-end run talks to Debian's firefox-esr directly.
// Protocol: https://firefox-source-docs.mozilla.org/testing/marionette/Protocol.html
import { connect, type Socket } from 'node:net';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; name: string };

export class MarionetteError extends Error {}

export class Marionette {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private greeted!: () => void;
  private readonly greeting = new Promise<void>((r) => (this.greeted = r));
  private closedError: Error | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => this.read(chunk));
    const fail = (why: string) => {
      this.closedError = new MarionetteError(`Marionette connection ${why}`);
      for (const p of this.pending.values()) p.reject(this.closedError);
      this.pending.clear();
    };
    socket.on('close', () => fail('closed'));
    socket.on('error', (e) => fail(`failed: ${e.message}`));
  }

  static async connect(port: number, timeoutMs = 30_000): Promise<Marionette> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect({ host: '127.0.0.1', port }, () => resolve(s));
      s.once('error', reject);
    });
    const client = new Marionette(socket);
    await Promise.race([
      client.greeting,
      new Promise((_, reject) => setTimeout(() => reject(new MarionetteError('no Marionette greeting')), timeoutMs)),
    ]);
    return client;
  }

  /** Sends one command and resolves with its result (`value` unwrapped when that is all it holds). */
  send<T = unknown>(name: string, params: Record<string, unknown> = {}, timeoutMs = 60_000): Promise<T> {
    if (this.closedError) return Promise.reject(this.closedError);
    const id = this.nextId++;
    const body = Buffer.from(JSON.stringify([0, id, name, params]), 'utf8');
    this.socket.write(`${body.length}:`);
    this.socket.write(body);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new MarionetteError(`${name} got no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        name,
        resolve: (v) => (clearTimeout(timer), resolve(v as T)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString('ascii'));
      if (this.buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8')) as unknown;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      this.dispatch(packet);
    }
  }

  private dispatch(packet: unknown): void {
    if (!Array.isArray(packet)) {
      this.greeted(); // {"applicationType":"gecko","marionetteProtocol":3}
      return;
    }
    const [, id, error, result] = packet as [number, number, { error: string; message: string } | null, unknown];
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    if (error) p.reject(new MarionetteError(`${p.name}: ${error.error}: ${error.message}`));
    else {
      const r = result as { value?: unknown } | null;
      p.resolve(r && typeof r === 'object' && Object.keys(r).length === 1 && 'value' in r ? r.value : r);
    }
  }
}
