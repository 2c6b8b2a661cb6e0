// A plain command line is read with util.parseArgs (lib/cli/spec.ts) and anything else by commander, from the
// same table: for every option of every command, both readings must give the command the same arguments and
// flags, and what parseArgs leaves alone (help, bad choices, missing arguments) must go to commander.
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../lib/cli/check';
import { convertSpec } from '../../lib/cli/convert';
import { diffSpec } from '../../lib/cli/diff';
import { quickParse, toCommander, type CommandSpec, type Flags } from '../../lib/cli/spec';

const ignore = () => {};
const specs: CommandSpec[] = [checkSpec(ignore, ignore), convertSpec(ignore, ignore, ignore), diffSpec(ignore, ignore)];

/** What commander hands the action for `argv`, or the code of its error. */
async function viaCommander(spec: CommandSpec, argv: string[]): Promise<{ args: unknown[]; flags: Flags } | { error: string }> {
  let seen: { args: unknown[]; flags: Flags } | undefined;
  const cmd = toCommander({ ...spec, run: async (args, flags) => void (seen = { args, flags: { ...flags } }) });
  cmd.exitOverride().configureOutput({ writeOut: ignore, writeErr: ignore });
  try {
    await cmd.parseAsync(argv, { from: 'user' });
  } catch (err) {
    return { error: (err as { code: string }).code };
  }
  return seen!;
}

/** Command lines that use every option: each alone, with a value where it takes one, in its short form too. */
function lines(spec: CommandSpec): string[][] {
  const positional = spec.args.filter(([s]) => s.startsWith('<')).map((_a, i) => `in${i}.har`);
  const base = spec.options.filter((o) => o.mandatory).flatMap((o) => [o.flags.split(' ').find((p) => p.startsWith('--'))!, o.choices![0]!]);
  const out: string[][] = [[...positional, ...base]];
  for (const o of spec.options) {
    const long = o.flags.split(/[ ,]+/).find((p) => p.startsWith('--'))!;
    const short = /^-([A-Za-z]),/.exec(o.flags)?.[1];
    const takesValue = o.flags.includes('<');
    const value = o.choices ? o.choices[o.choices.length - 1]! : 'v-1';
    const others = base.includes(long) ? [] : base;
    if (!takesValue) {
      out.push([...positional, ...others, long], [long, ...positional, ...others]);
      if (short) out.push([...positional, ...others, `-${short}`]);
      continue;
    }
    out.push([...positional, ...others, long, value], [...others, `${long}=${value}`, ...positional]);
    if (short) out.push([...positional, ...others, `-${short}`, value]);
    out.push([...positional, ...others, long, '-dash'], [...positional, ...others, `${long}=`]);
    if (o.repeatable) out.push([...positional, ...others, long, 'one', long, 'two']);
    else out.push([...positional, ...others, long, 'first', long, value]);
  }
  out.push([...positional, ...base, '--', '-'], ['-', ...positional.slice(1), ...base]);
  const shorts = spec.options.filter((o) => /^-[A-Za-z],/.test(o.flags));
  if (shorts.length > 1) out.push([...positional, ...base, `-${shorts.map((o) => o.flags[1]).sort((a) => (a === 'o' ? 1 : -1)).join('')}`, 'out.txt']);
  const flag = spec.options.find((o) => !o.flags.includes('<') && !o.flags.includes('--no-'))!.flags.split(' ').pop()!;
  if (spec.args.some(([s]) => s.includes('...'))) out.push([...positional, 'more.xml', 'and-more.json', ...base], [...positional, flag, 'more.xml', ...base, 'last.har']);
  if (spec.args.some(([s]) => s.startsWith('['))) out.push([...positional, 'second.har', ...base]);
  return out;
}

describe.each(specs.map((s) => [s.name, s] as const))('%s: parseArgs and commander read a command line alike', (_name, spec) => {
  it('for every option, long and short, with its value, repeated, before and after the arguments', async () => {
    let quick = 0;
    for (const argv of lines(spec)) {
      const fast = quickParse(spec, argv);
      const slow = await viaCommander(spec, argv);
      if (!fast) continue;
      quick++;
      expect(fast, argv.join(' ')).toEqual(slow);
    }
    // The plain lines are read without commander: each option above has at least its long form.
    expect(quick).toBeGreaterThanOrEqual(spec.options.length * 2);
  });

  it('leaves help, unknown options, bad choices and missing arguments to commander', async () => {
    const positional = spec.args.filter(([s]) => s.startsWith('<')).map(() => 'in.har');
    const mandatory = spec.options.filter((o) => o.mandatory).flatMap((o) => [o.flags.split(' ')[0]!, o.choices![0]!]);
    const refused: string[][] = [
      [...positional, ...mandatory, '--help'],
      [...positional, ...mandatory, '-h'],
      [...positional, ...mandatory, '--no-such-option'],
      [...positional, ...mandatory, '--format', 'pdf'],
      [...positional, ...mandatory, '--json=yes'],
      [...positional, ...mandatory, '--at'],
      mandatory,
    ];
    if (mandatory.length) refused.push(positional);
    if (!spec.args.some(([s]) => s.includes('...'))) refused.push([...positional, 'b', 'c', ...mandatory]);
    for (const argv of refused) {
      expect(quickParse(spec, argv), argv.join(' ')).toBeUndefined();
      expect(await viaCommander(spec, argv), argv.join(' ')).toHaveProperty('error');
    }
  });
});
