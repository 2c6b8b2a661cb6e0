import type { Report } from '../core/model';

/**
 * The `--json` document (schemaVersion 1, documented in the README). The typed view is for UIs and the
 * decoded XML is large and personal, so both stay out unless asked for.
 */
export function formatJson(report: Report, opts: { includeXml: boolean; inputs: string[] }): string {
  const messages = report.messages.map((m) => {
    const { view: _view, xml, ...rest } = m;
    return opts.includeXml && xml !== undefined ? { ...rest, xml } : rest;
  });
  return JSON.stringify({ ...report, inputs: opts.inputs, messages }, null, 2) + '\n';
}
