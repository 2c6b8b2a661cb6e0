/** What a personal value is, which decides the shape of its pseudonym. */
export type PersonalKind = 'email' | 'name' | 'nameid' | 'session' | 'attribute';

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[A-Za-z]{2,}$/;

export function looksLikeEmail(value: string): boolean {
  return EMAIL.test(value);
}

/**
 * One export's pseudonym table: the same input always gives the same pseudonym, so a reader can still see
 * that the NameID of one message is the e-mail attribute of another. E-mail addresses are compared without
 * case (mail systems treat them so); everything else exactly.
 */
export class Pseudonyms {
  private readonly byValue = new Map<string, string>();
  private readonly counters: Record<PersonalKind, number> = { email: 0, name: 0, nameid: 0, session: 0, attribute: 0 };

  pseudonym(value: string, kind: PersonalKind): string {
    const email = looksLikeEmail(value.trim());
    const key = email ? `email:${value.trim().toLowerCase()}` : `value:${value}`;
    const hit = this.byValue.get(key);
    if (hit !== undefined) return hit;
    const made = email ? `user${++this.counters.email}@example.invalid` : this.make(kind);
    this.byValue.set(key, made);
    return made;
  }

  /** Pseudonyms are recognisable so a second pass never treats one as personal data. */
  isPseudonym(value: string): boolean {
    return /^(user\d+@example\.invalid|Person \d+|subject-\d+|session-\d+|value-\d+)$/.test(value);
  }

  get size(): number {
    return this.byValue.size;
  }

  private make(kind: PersonalKind): string {
    switch (kind) {
      case 'name':
        return `Person ${++this.counters.name}`;
      case 'nameid':
        return `subject-${++this.counters.nameid}`;
      // A SessionIndex names a live session at the IdP, which accepts it in a LogoutRequest.
      case 'session':
        return `session-${++this.counters.session}`;
      case 'email':
      case 'attribute':
        return `value-${++this.counters.attribute}`;
    }
  }
}
