/** Something an export format cannot hold, said out loud instead of dropped silently. */
export interface ExportNote {
  /** TraceEntry.id, or undefined for the whole export. */
  entry?: string;
  message: string;
}

export function headerValue(headers: Array<{ name: string; value: string }>, name: string): string | undefined {
  const n = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === n)?.value;
}
