// Turns the phrase tables (lib/detect/phrases/) into regular expressions over folded text.
//
// A cue is written `<code><weight> <pattern>`, e.g. `e3 (?:delete|erase)\w* ~ {my} {data}`:
//   code    a access, r rectification, e erasure, s restriction, p portability, o objection,
//           w withdraw-consent; d personal data of the writer, l legal reference,
//           q formal request wording (context: only counts alongside a type cue); n not-request.
//   weight  type cues: 3 = enough on its own; 2 = enough with a bare keyword of the same type or
//           any context; 1 = a bare keyword ("delete"), which needs both. Not-request cues subtract.
//   pattern a JavaScript regular expression over folded text (lower case, no diacritics, ß → ss),
//           with three shorthands that keep the tables readable:
//             {name}  a macro of the table ({my}, {data}, …), itself a pattern
//             ' ~ '   up to four other words in between ('~2' up to two, '~12' up to twelve for
//                     verb-final clauses), never across . ! ? ; : ¿ ¡
//             ' '     any run of spaces and punctuation but those (so "l'oubli" = "l oubli")
//             '(…)'   a group; groups never capture, so '(?:' need not be written
//             'x*'    a letter or group then * is a stem: any word ending ("delet*" = delete, deletion;
//                     "(?:delet|eras)*"); for a repeated group write {0,3}, not *
//           The whole pattern must stand as whole words (stems end in \w*).
import { REQUEST_TYPES, type RequestType } from '../model/request';
import type { EvidenceSignal } from './result';

/** One language's phrases: stop words for the language detector, macros, and cues. */
export interface PhraseTable {
  /** Frequent short words of the language, space separated (folded spelling). */
  readonly stop: string;
  /** Words that negate what follows ("don't delete my data"), space separated (folded spelling). */
  readonly negators: string;
  readonly macros: Readonly<Record<string, string>>;
  readonly cues: readonly string[];
  /**
   * The sentence-level combination rule (see classify.ts): a first-person reference to the
   * writer's personal data (`self`) and a right's verb or noun (`verbs`, per type) in the same
   * sentence, or the data in one sentence and the verb in the next ("My surname is misspelt. Can
   * you fix it?"), make a request of the type whose verb stands nearest the data; a look-alike
   * object (`block`: attachment, ticket, report…) in that span cancels it. Same pattern syntax.
   */
  readonly combine?: {
    readonly self: string;
    readonly block: string;
    readonly verbs: Readonly<Partial<Record<RequestType, string>>>;
  };
}

export interface CombineRules {
  readonly self: RegExp;
  readonly block: RegExp;
  readonly verbs: readonly { readonly type: RequestType; readonly re: RegExp }[];
}

export function compileCombine(table: PhraseTable): CombineRules | undefined {
  const c = table.combine;
  if (!c) return undefined;
  const re = (p: string): RegExp => new RegExp(expandPattern(p, table.macros), 'g');
  return {
    self: re(c.self),
    block: re(c.block),
    verbs: REQUEST_TYPES.flatMap((type) => (c.verbs[type] ? [{ type, re: re(c.verbs[type]!) }] : [])),
  };
}

export interface Cue {
  readonly signal: EvidenceSignal;
  readonly weight: number;
  readonly re: RegExp;
}

const SIGNAL_OF_CODE: Readonly<Record<string, EvidenceSignal>> = {
  a: 'access',
  r: 'rectification',
  e: 'erasure',
  s: 'restriction',
  p: 'portability',
  o: 'objection',
  w: 'withdraw-consent',
  d: 'personal-data',
  l: 'legal-reference',
  q: 'request-wording',
  n: 'not-request',
};

const TYPES: ReadonlySet<string> = new Set(REQUEST_TYPES);
export function isRequestType(signal: EvidenceSignal): signal is RequestType {
  return TYPES.has(signal);
}

// Word separators inside a phrase: spaces, commas, quotes, apostrophes, hyphens. A sentence or
// clause boundary (. ! ? ; : and Spanish ¿ ¡) stops a phrase: "delete the ticket. My data…" and
// "cambiar de operador: ¿pueden facilitarme mis datos?" must not join up.
const SEP = "[^\\w.!?;:¿¡]+";
const MACRO = /\{([a-z]+)\}/g;
const GAP = / ~(\d*) /g;
const STEM = /(?<!\\)([a-z)])\*/g;
const GROUP = /(?<!\\)\((?!\?)/g;

export function expandPattern(pattern: string, macros: Readonly<Record<string, string>>): string {
  let source = pattern;
  for (let depth = 0; source.search(MACRO) >= 0; depth += 1) {
    if (depth > 4) throw new Error(`macros nest too deep in "${pattern}"`);
    source = source.replace(MACRO, (_, name: string) => {
      const body = macros[name];
      if (body === undefined) throw new Error(`unknown macro {${name}} in "${pattern}"`);
      return `(?:${body})`;
    });
  }
  if (source.replace(GAP, ' ').includes('~')) throw new Error(`a gap "~" needs a space on each side in "${pattern}"`);
  source = source.replace(GROUP, '(?:').replace(STEM, '$1\\w*').replace(GAP, (_, n: string) => `${SEP}(?:\\w+${SEP}){0,${n || '4'}}?`).replace(/ /g, SEP);
  return `(?<!\\w)(?:${source})(?!\\w)`;
}

export function compileTable(table: PhraseTable): Cue[] {
  return table.cues.map((line) => {
    const head = /^([a-z])(\d(?:\.\d)?) /.exec(line);
    const signal = head && SIGNAL_OF_CODE[head[1]!];
    if (!head || !signal) throw new Error(`bad cue "${line}": expected "<code><weight> <pattern>"`);
    return { signal, weight: Number(head[2]), re: new RegExp(expandPattern(line.slice(head[0].length), table.macros), 'g') };
  });
}
