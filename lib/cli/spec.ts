// Each command is declared once, as a table: commander builds its help, its error messages and anything unusual
// from it; a plain command line is read from the same table with Node's util.parseArgs, so a start does not
// build commander's option objects (about 3 ms of a cold start, `npm run bench -- --startup`). Anything
// parseArgs refuses or that needs a message (help, a wrong choice, a missing argument) goes to commander, and a
// test holds both readings to the same result for every option.
import { Command, Option } from 'commander';
import { parseArgs } from 'node:util';

export interface OptionSpec {
  /** As commander writes them: `-o, --output <file>`, `--no-color`, `--idp-cert <file>`. */
  flags: string;
  description: string;
  default?: string;
  /** May be given again; the values are kept in order (default: none). */
  repeatable?: boolean;
  choices?: readonly string[];
  mandatory?: boolean;
}

export type Flags = Record<string, unknown>;

export interface CommandSpec {
  name: string;
  description: string;
  /** commander's argument syntax (`<input...>`, `[b]`) and its help text. */
  args: Array<[syntax: string, description: string]>;
  options: OptionSpec[];
  /** The command's work, with the arguments in declared order (a variadic one as an array) and the flags. */
  run(args: unknown[], flags: Flags): Promise<void>;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function toCommander(spec: CommandSpec): Command {
  const cmd = new Command(spec.name).description(spec.description);
  for (const [syntax, text] of spec.args) cmd.argument(syntax, text);
  for (const o of spec.options) {
    const option = new Option(o.flags, o.description);
    if (o.choices) option.choices(o.choices);
    if (o.mandatory) option.makeOptionMandatory();
    if (o.repeatable) option.argParser(collect).default([]);
    else if (o.default !== undefined) option.default(o.default);
    cmd.addOption(option);
  }
  return cmd.action((...values: unknown[]) => spec.run(values.slice(0, spec.args.length), values[spec.args.length] as Flags));
}

const FLAGS = /^(?:-([A-Za-z]), )?--([a-z][a-z0-9-]*)(?: <[a-z-]+>)?$/;
const camel = (name: string) => name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/**
 * The arguments and flags commander would hand the command's action for `argv`, or undefined when commander
 * must read it: help, an unknown or ambiguous option, a value outside its choices, a missing mandatory
 * option or argument, or more arguments than declared.
 */
export function quickParse(spec: CommandSpec, argv: string[]): { args: unknown[]; flags: Flags } | undefined {
  type Config = { type: 'string' | 'boolean'; short?: string; multiple?: boolean };
  const config: Record<string, Config> = {};
  const read: Array<{ long: string; option: OptionSpec; takesValue: boolean }> = [];
  for (const option of spec.options) {
    const m = FLAGS.exec(option.flags);
    if (!m) return undefined;
    const takesValue = option.flags.includes('<');
    // commander checks a choice each time it is given, not only the last: every value is kept to check them all.
    const multiple = option.repeatable || option.choices !== undefined;
    config[m[2]!] = { type: takesValue ? 'string' : 'boolean', ...(m[1] ? { short: m[1] } : {}), ...(multiple ? { multiple: true } : {}) };
    read.push({ long: m[2]!, option, takesValue });
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    // A command line of plain arguments (`check customer.har`) is all positionals to parseArgs too; reading it
    // here spares a start loading and running parseArgs (0.7 ms, `npm run bench -- --startup`).
    parsed = argv.every((a) => !a.startsWith('-'))
      ? { values: {}, positionals: argv }
      : parseArgs({ args: argv, options: config, allowPositionals: true, strict: true });
  } catch {
    return undefined;
  }
  const flags: Flags = {};
  for (const { long, option, takesValue } of read) {
    const value = parsed.values[long];
    if (!takesValue && long.startsWith('no-')) {
      flags[camel(long.slice(3))] = value !== true;
      continue;
    }
    if (option.repeatable) {
      flags[camel(long)] = (value as string[] | undefined) ?? [];
      continue;
    }
    if (option.choices && (value as string[] | undefined)?.some((v) => !option.choices!.includes(v))) return undefined;
    const given = option.choices ? ((value as string[] | undefined)?.at(-1) ?? option.default) : (value ?? option.default);
    if (given === undefined) {
      if (option.mandatory) return undefined;
      continue;
    }
    flags[camel(long)] = given;
  }
  const args: unknown[] = [];
  const rest = parsed.positionals;
  for (const [i, [syntax]] of spec.args.entries()) {
    if (syntax.endsWith('...>') || syntax.endsWith('...]')) {
      if (syntax.startsWith('<') && rest.length <= i) return undefined;
      args.push(rest.slice(i));
      return { args, flags };
    }
    if (syntax.startsWith('<') && rest.length <= i) return undefined;
    args.push(rest[i]);
  }
  return rest.length > spec.args.length ? undefined : { args, flags };
}
