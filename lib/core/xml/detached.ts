/**
 * The same characters as `s`, in a string of their own. V8 makes a slice of 13 characters or more a view into
 * the string it was cut from, which keeps that whole string alive: a name or value from a message held in a
 * cache that outlives the message (interned names, remembered checks) kept the message with it, 200 MB after
 * 200 messages of 1 MB that each named something new. Joining it to another string and cutting that again
 * makes V8 copy the characters.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
