import type { HttpHeader, MessageReport, TraceEntry } from '../../core/model';
import { CopyButton } from './CopyButton';

function queryParams(url: string): Array<[string, string]> {
  try {
    return [...new URL(url).searchParams.entries()];
  } catch {
    return [];
  }
}

const LONG = 240;

/** A SAMLResponse value is tens of kilobytes: show its start, the rest on request (native <details>, no state). */
export function LongValue({ text }: { text: string }) {
  if (text.length <= LONG) return <>{text}</>;
  return (
    <details class="sl-long">
      <summary>
        {text.slice(0, LONG)}… <span class="sl-muted">({text.length} characters, show all)</span>
      </summary>
      {text}
    </details>
  );
}

function PairTable({ pairs, empty }: { pairs: Array<[string, string]>; empty: string }) {
  if (pairs.length === 0) return <p class="sl-none">{empty}</p>;
  return (
    <table class="sl-table sl-pairs">
      <tbody>
        {pairs.map(([k, v], i) => (
          <tr key={i}>
            <th>{k}</th>
            <td class="sl-break">
              <LongValue text={v} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const asPairs = (hs: HttpHeader[]): Array<[string, string]> => hs.map((h) => [h.name, h.value]);

/** Request and response as captured. URLs are text: a `javascript:` URL in a capture must never be a link. */
export function HttpView({ entry, message }: { entry?: TraceEntry; message?: MessageReport }) {
  if (!entry) {
    return message ? (
      <div class="sl-http">
        <div class="sl-reqline">
          <code>{message.method}</code> <span class="sl-break">{message.url}</span>
        </div>
        <p class="sl-none">The HTTP exchange was not captured (pasted or imported message).</p>
      </div>
    ) : (
      <p class="sl-none">No HTTP exchange.</p>
    );
  }
  return (
    <div class="sl-http">
      <div class="sl-reqline">
        <code>{entry.method}</code> <span class="sl-break">{entry.url}</span> <CopyButton text={entry.url} label="Copy URL" />
      </div>
      {entry.responseStatus !== undefined ? (
        <div class="sl-resline">
          Response: <code>{entry.responseStatus}</code> {entry.responseStatusText ?? ''}
          {entry.redirectUrl ? <span class="sl-break"> → {entry.redirectUrl}</span> : null}
        </div>
      ) : null}
      {entry.incomplete ? <p class="sl-incomplete">Incomplete: {entry.incomplete}</p> : null}
      {message?.relayState !== undefined ? (
        <div class="sl-relay">
          RelayState: <span class="sl-break">{message.relayState}</span>
        </div>
      ) : null}
      <h4>Query parameters</h4>
      <PairTable pairs={queryParams(entry.url)} empty="None." />
      {entry.formFields ? (
        <>
          <h4>Form fields</h4>
          <PairTable pairs={entry.formFields} empty="None." />
        </>
      ) : entry.body !== undefined ? (
        <>
          <h4>Body</h4>
          <pre class="sl-raw">
            <LongValue text={entry.body} />
          </pre>
        </>
      ) : null}
      <h4>Request headers</h4>
      <PairTable pairs={asPairs(entry.requestHeaders)} empty="None captured." />
      <h4>Response headers</h4>
      <PairTable pairs={asPairs(entry.responseHeaders)} empty="None captured." />
      {entry.responseBody ? (
        <>
          <h4>
            Response body{entry.responseBody.mimeType ? <span class="sl-muted"> ({entry.responseBody.mimeType})</span> : null}
            {entry.responseBody.truncated ? <span class="sl-muted"> — only its beginning was kept</span> : null}
          </h4>
          <pre class="sl-raw">
            <LongValue text={entry.responseBody.text} />
          </pre>
        </>
      ) : null}
    </div>
  );
}

export function DecodeSteps({ m }: { m: MessageReport }) {
  if (m.steps.length === 0) return <p class="sl-none">No decoding was needed.</p>;
  return (
    <ol class="sl-steps">
      <li>
        {m.binding} parameter <code>{m.parameter}</code>
      </li>
      {m.steps.map((s, i) => (
        <li key={i}>
          {s.name}
          {s.note ? <span class="sl-muted"> — {s.note}</span> : null}
        </li>
      ))}
    </ol>
  );
}
