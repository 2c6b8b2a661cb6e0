import { detached } from '../xml/detached';
import type { Namespaces, Particle } from './model';

/** What a child element matched: a declared element or a wildcard. */
export type Term = Extract<Particle, { el: string }> | Extract<Particle, { any: Namespaces }>;

interface Edge {
  term: Term;
  to: number;
}

/** An epsilon-NFA of one content model; min/max occurrences are unrolled (SAML's maxima are 1 or unbounded). */
class Nfa {
  readonly edges: Edge[][] = [];
  readonly epsilon: number[][] = [];
  accept = -1;

  state(): number {
    this.edges.push([]);
    this.epsilon.push([]);
    return this.edges.length - 1;
  }

  /** Builds `p` from state `from`; returns the state reached after it. */
  build(p: Particle, from: number): number {
    let at = from;
    for (let i = 0; i < p.min; i++) at = this.once(p, at);
    if (p.max === -1) {
      const loop = this.state();
      this.epsilon[at]!.push(loop);
      const end = this.once(p, loop);
      this.epsilon[end]!.push(loop);
      return loop;
    }
    const exits = [at];
    for (let i = p.min; i < p.max; i++) {
      at = this.once(p, at);
      exits.push(at);
    }
    if (exits.length === 1) return at;
    const out = this.state();
    for (const e of exits) this.epsilon[e]!.push(out);
    return out;
  }

  private once(p: Particle, from: number): number {
    if ('seq' in p) {
      let at = from;
      for (const item of p.seq) at = this.build(item, at);
      return at;
    }
    if ('choice' in p) {
      const out = this.state();
      for (const item of p.choice) this.epsilon[this.build(item, from)]!.push(out);
      return out;
    }
    const to = this.state();
    this.edges[from]!.push({ term: p, to });
    return to;
  }
}

const MAX_CACHED = 256;

export function matchesNamespace(ns: Namespaces, uri: string): boolean {
  if ('any' in ns) return true;
  if ('not' in ns) return !ns.not.includes(uri);
  return ns.only.includes(uri);
}

/** One state of the lazily built DFA: a set of NFA states, its transitions computed on first use. */
export class DfaState {
  readonly next = new Map<string, { term: Term; to: DfaState } | null>();
  constructor(
    readonly automaton: Automaton,
    readonly states: number[],
    readonly accepting: boolean,
  ) {}

  /**
   * The state after a child element `key` (`prefix:local`, the namespace URI given for wildcards), or null
   * when the content model does not allow it here. A declared element wins over a wildcard.
   */
  step(key: string, uri: string): { term: Term; to: DfaState } | null {
    let hit = this.next.get(key);
    if (hit === undefined) {
      hit = this.automaton.transition(this, key, uri);
      // Element names come from the messages: a cap keeps hostile ones from growing the cache without end, and a
      // copy of the name keeps the message it came from out of it.
      if (this.next.size < MAX_CACHED) this.next.set(detached(key), hit);
    }
    return hit;
  }

  /** Every term allowed next, for messages. */
  expected(): Term[] {
    const out: Term[] = [];
    for (const s of this.states) for (const e of this.automaton.nfa.edges[s]!) if (!out.includes(e.term)) out.push(e.term);
    return out;
  }
}

export class Automaton {
  readonly nfa = new Nfa();
  readonly start: DfaState;
  private readonly cache = new Map<string, DfaState>();

  constructor(content: Particle | undefined) {
    const start = this.nfa.state();
    this.nfa.accept = content ? this.nfa.build(content, start) : start;
    this.start = this.dfa([start]);
  }

  private closure(states: number[]): number[] {
    const seen = new Set(states);
    const stack = [...states];
    while (stack.length) {
      for (const t of this.nfa.epsilon[stack.pop()!]!) {
        if (seen.has(t)) continue;
        seen.add(t);
        stack.push(t);
      }
    }
    return [...seen].sort((a, b) => a - b);
  }

  private dfa(states: number[]): DfaState {
    const closed = this.closure(states);
    const key = closed.join(',');
    let d = this.cache.get(key);
    if (!d) {
      d = new DfaState(this, closed, closed.includes(this.nfa.accept));
      this.cache.set(key, d);
    }
    return d;
  }

  transition(from: DfaState, key: string, uri: string): { term: Term; to: DfaState } | null {
    const named: number[] = [];
    const wild: number[] = [];
    let namedTerm: Term | undefined;
    let wildTerm: Term | undefined;
    for (const s of from.states) {
      for (const e of this.nfa.edges[s]!) {
        if ('el' in e.term) {
          if (e.term.el === key) {
            named.push(e.to);
            namedTerm ??= e.term;
          }
        } else if (matchesNamespace(e.term.any, uri)) {
          wild.push(e.to);
          wildTerm ??= e.term;
        }
      }
    }
    if (namedTerm) return { term: namedTerm, to: this.dfa(named) };
    if (wildTerm) return { term: wildTerm, to: this.dfa(wild) };
    return null;
  }
}
