/** Human sizes for decode steps and messages: '412 B', '1.9 KB', '10.0 MB'. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** 20000000 -> '20,000,000' (no Intl: the output must not depend on the user's locale). */
export function formatCount(n: number): string {
  const s = String(n);
  // Every decoded message gets a few of these: a slice per group, not a look-ahead expression over the digits.
  if (!Number.isSafeInteger(n) || n < 1000) return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  let out = s.slice(0, s.length % 3 || 3);
  for (let i = out.length; i < s.length; i += 3) out += `,${s.slice(i, i + 3)}`;
  return out;
}
