// WS-Federation passive sign-in: `wa=wsignin1.0` and `wresult` = a RequestSecurityTokenResponse as XML text.
import type { DecodeStep, ExtractedMessage, TraceEntry } from '../model';
import { overEncodedCap, type Decoded } from './decode';
import type { DecodeLimits } from './limits';
import { fromSavedXml, isMaskedValue } from './masked';
import { field, guarded, makeMessage } from './message';
import { formDecode, type RawParam } from './urlencoded';

export function wsfedMessages(entry: TraceEntry, params: RawParam[], limits: DecodeLimits): ExtractedMessage[] {
  const out: ExtractedMessage[] = [];
  const query: Array<[string, string]> = params
    .filter((p) => p.name === 'wresult' || p.name === 'wa' || p.name === 'wctx')
    .map((p) => [p.name, formDecode(p.rawValue)]);
  for (const [carrier, fields] of [
    ['query parameter', query],
    ['form field', entry.formFields ?? []],
  ] as const) {
    const wresult = field(fields, 'wresult');
    if (wresult === undefined) continue;
    const wa = field(fields, 'wa');
    const wctx = field(fields, 'wctx');
    out.push(
      guarded(entry, 'WS-Fed', 'wresult', () => {
        const steps: DecodeStep[] = [
          { name: `${carrier} wresult`, note: wa === undefined ? 'no wa parameter' : `wa=${wa}` },
        ];
        let decoded: Decoded;
        const tooBig = overEncodedCap('wresult', wresult.length, limits);
        if (tooBig) decoded = { steps: [], problems: [tooBig] };
        else if (isMaskedValue(wresult)) decoded = fromSavedXml(entry, 'wresult');
        else decoded = { xml: wresult, steps: [{ name: 'xml text', note: 'wresult carries the token XML as text, no base64' }], problems: [] };
        const msg = makeMessage(entry, 'WS-Fed', 'wresult', steps, decoded);
        // wctx plays RelayState's part in WS-Federation: the SP's own context, echoed back.
        if (wctx !== undefined) msg.relayState = wctx;
        return msg;
      }),
    );
  }
  return out;
}
