import type { HttpHeader } from '../../core/model';
import type { Hop, RequestBodyLike } from './hop';
import { readHeaders, readRequestBody } from './hop';

type RawHeaders = Array<{ name: string; value?: string; binaryValue?: ArrayLike<number> }>;

export interface BeforeRequest {
  requestId: string;
  method: string;
  url: string;
  tabId: number;
  type?: string;
  initiator?: string;
  originUrl?: string;
  timeStamp: number;
  requestBody?: RequestBodyLike | null;
}
/** What every webRequest event carries besides its own data: enough to rebuild a request whose start was missed. */
export interface EventContext {
  method?: string;
  tabId?: number;
  type?: string;
  timeStamp?: number;
}
export interface SendHeaders extends EventContext {
  requestId: string;
  url: string;
  requestHeaders?: RawHeaders;
}
export interface Response extends EventContext {
  requestId: string;
  url: string;
  statusCode?: number;
  statusLine?: string;
  responseHeaders?: RawHeaders;
}
export interface Redirect extends Response {
  redirectUrl: string;
}
export interface Failure extends EventContext {
  requestId: string;
  url: string;
  error: string;
}

export interface AssemblerEvents {
  /** A hop began: called once per hop, with what is known at request time (URL, body). */
  started(hop: Hop): void;
  /** A hop ended (redirect, completion or error). */
  finished(hop: Hop): void;
  /**
   * A late event for a request this assembler never saw start (the worker was restarted meanwhile). The patch
   * carries the event's method, tab, type and time where the browser gave them.
   */
  orphan(requestId: string, patch: Partial<Hop>, final: boolean): void;
}

/**
 * Merges the webRequest events of each request into one Hop per URL. Pure: the browser wiring lives in
 * listeners.ts, so this runs in unit tests with recorded event sequences.
 */
export class Assembler {
  private readonly open = new Map<string, Hop>();
  /** Hop counter per requestId, kept after a hop closes so the next redirect hop gets the next number. */
  private readonly hops = new Map<string, number>();
  /** Requests `accept` turned down: their later events are dropped, not mistaken for orphans. */
  private readonly ignored = new Set<string>();

  constructor(
    private readonly events: AssemblerEvents,
    /** Return false to leave a request alone (re-fetches, the extension's own requests). */
    private readonly accept: (d: BeforeRequest) => boolean = () => true,
  ) {}

  beforeRequest(d: BeforeRequest): void {
    const previous = this.open.get(d.requestId);
    if (previous) this.close(previous);
    if (!this.accept(d)) {
      this.hops.delete(d.requestId);
      this.ignored.add(d.requestId);
      return;
    }
    this.ignored.delete(d.requestId);
    const hopNumber = this.hops.has(d.requestId) ? (this.hops.get(d.requestId) ?? 0) + 1 : 0;
    this.hops.set(d.requestId, hopNumber);
    const hop: Hop = {
      requestId: d.requestId,
      hop: hopNumber,
      method: d.method.toUpperCase(),
      url: d.url,
      tabId: d.tabId,
      timeStamp: d.timeStamp,
      ...(d.type ? { type: d.type } : {}),
      ...((d.initiator ?? d.originUrl) ? { initiator: d.initiator ?? d.originUrl } : {}),
      ...readRequestBody(d.requestBody),
    };
    this.open.set(d.requestId, hop);
    this.events.started(hop);
  }

  sendHeaders(d: SendHeaders): void {
    const headers = readHeaders(d.requestHeaders);
    const hop = this.current(d.requestId, d.url);
    if (hop) hop.requestHeaders = headers;
    else if (this.unknown(d.requestId)) this.events.orphan(d.requestId, { ...context(d), url: d.url, ...(headers ? { requestHeaders: headers } : {}) }, false);
  }

  headersReceived(d: Response): void {
    const hop = this.current(d.requestId, d.url);
    if (hop) Object.assign(hop, response(d));
    else if (this.unknown(d.requestId)) this.events.orphan(d.requestId, { ...context(d), url: d.url, ...response(d) }, false);
  }

  beforeRedirect(d: Redirect): void {
    this.end(d, { ...response(d), redirectUrl: d.redirectUrl });
  }

  completed(d: Response): void {
    this.end(d, response(d));
    this.forget(d.requestId);
  }

  errorOccurred(d: Failure): void {
    this.end(d, { error: d.error });
    this.forget(d.requestId);
  }

  private forget(requestId: string): void {
    this.hops.delete(requestId);
    this.ignored.delete(requestId);
  }

  /** Requests still open, e.g. to flush them when the worker is about to stop. */
  pending(): Hop[] {
    return [...this.open.values()];
  }

  private end(d: EventContext & { requestId: string; url: string }, patch: Partial<Hop>): void {
    const hop = this.current(d.requestId, d.url);
    if (hop) {
      Object.assign(hop, patch);
      this.close(hop);
    } else if (this.unknown(d.requestId)) {
      this.events.orphan(d.requestId, { ...context(d), url: d.url, ...patch }, true);
    }
  }

  private close(hop: Hop): void {
    this.open.delete(hop.requestId);
    this.events.finished(hop);
  }

  private current(requestId: string, url: string): Hop | undefined {
    const hop = this.open.get(requestId);
    return hop && hop.url === url ? hop : undefined;
  }

  /** Never seen (started before this worker ran), as opposed to seen and deliberately ignored. */
  private unknown(requestId: string): boolean {
    return !this.hops.has(requestId) && !this.open.has(requestId) && !this.ignored.has(requestId);
  }
}

function context(d: EventContext): Partial<Hop> {
  return {
    ...(typeof d.method === 'string' ? { method: d.method.toUpperCase() } : {}),
    ...(typeof d.tabId === 'number' ? { tabId: d.tabId } : {}),
    ...(typeof d.type === 'string' ? { type: d.type } : {}),
    ...(typeof d.timeStamp === 'number' ? { timeStamp: d.timeStamp } : {}),
  };
}

function response(d: Response): Partial<Hop> {
  const headers: HttpHeader[] | undefined = readHeaders(d.responseHeaders);
  return {
    ...(d.statusCode !== undefined ? { statusCode: d.statusCode } : {}),
    ...(d.statusLine ? { statusLine: d.statusLine } : {}),
    ...(headers ? { responseHeaders: headers } : {}),
  };
}
