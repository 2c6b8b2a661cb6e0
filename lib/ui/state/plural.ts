/** "1 error", "2 errors": counts in the UI read as words, never "1 errors". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
