// Python's `re` pattern syntax (3.11, str patterns) as a JavaScript RegExp that
// accepts exactly the strings `re.fullmatch(pattern, s)` accepts. No Starlette
// counterpart: CORSMiddleware's allow_origin_regex is a Python pattern there,
// and users copy it over. Parsing follows re/_parser.py (its errors, at its
// positions); the output uses the `v` flag, with Python's meaning spelled out
// where JS reads the same text differently (\d \w \s \b . ^ $, octal escapes,
// a `{` that is no quantifier). Exact on strings of U+0000-U+00FF, which is
// what a latin-1 header value holds; beyond that, Unicode tables may differ by
// version. Refused, having no JS equivalent: conditional groups (?(1)a|b),
// \N{NAME}, scoped flags that switch IGNORECASE, and a backreference to a group
// that may not have taken part in the match (JS matches it as empty, Python fails).
// Also str.strip(), which Starlette's middleware apply to header values.

/** A pattern Python's re.compile refuses, or one that has no JavaScript equivalent. */
export class PatternError extends TypeError {
  constructor(
    message: string,
    readonly pos: number | null,
  ) {
    super(pos === null ? message : `${message} at position ${pos}`);
  }
}

// The flags that change matching; VERBOSE only changes parsing and is kept apart.
interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  a: boolean;
}

type FlagName = keyof Flags | "x";

interface InlineFlags {
  add: Partial<Record<FlagName, boolean>>;
  del: Partial<Record<FlagName, true>>;
  /** `(?aimsx)`, for the whole pattern, rather than `(?aimsx-imsx:...)` for a group. */
  global: boolean;
}

type SetItem = { lo: number; hi: number } | { category: "d" | "w" | "s"; negated: boolean };

type Node =
  | { t: "char"; cp: number }
  | { t: "set"; negated: boolean; items: SetItem[]; ascii: boolean }
  | { t: "any"; dotall: boolean }
  | { t: "at"; js: string } // anchors: zero width, never repeated
  | { t: "seq"; items: Node[] }
  | { t: "alt"; alts: Node[] }
  | { t: "group"; index: number | null; body: Node }
  | { t: "look"; behind: boolean; negated: boolean; body: Node }
  | { t: "atomic"; body: Node }
  | { t: "repeat"; min: number; max: number; mode: "" | "?" | "+"; body: Node }
  | { t: "ref"; group: number; pos: number };

const MAXREPEAT = 4294967295;
const DIGITS = /^[0-9]$/;
const OCTDIGITS = /^[0-7]$/;
const HEXDIGITS = /^[0-9a-fA-F]$/;
const ASCIILETTERS = /^[a-zA-Z]$/;
const WHITESPACE = new Set([" ", "\t", "\n", "\r", "\v", "\f"]);
const FLAG_CHARS = "iLmsxatu";
const ESCAPES = new Map([["a", 7], ["b", 8], ["f", 12], ["n", 10], ["r", 13], ["t", 9], ["v", 11], ["\\", 92]]);
const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;
const isDigit = (c: string | null): c is string => c !== null && DIGITS.test(c);

/** re/_parser.py's Tokenizer: a char, or a backslash with the char after it. */
class Source {
  private readonly chars: string[];
  private index = 0;
  next: string | null = null;

  constructor(pattern: string) {
    this.chars = Array.from(pattern);
    this.advance();
  }

  private advance(): void {
    let i = this.index;
    if (i >= this.chars.length) {
      this.next = null;
      return;
    }
    let c = this.chars[i];
    if (c === "\\") {
      i += 1;
      if (i >= this.chars.length) throw new PatternError("bad escape (end of pattern)", this.chars.length - 1);
      c += this.chars[i];
    }
    this.index = i + 1;
    this.next = c;
  }

  match(c: string): boolean {
    if (this.next !== c) return false;
    this.advance();
    return true;
  }

  get(): string | null {
    const c = this.next;
    this.advance();
    return c;
  }

  getwhile(n: number, set: RegExp): string {
    let out = "";
    while (out.length < n && this.next !== null && set.test(this.next)) out += this.get();
    return out;
  }

  getuntil(terminator: string, name: string): string {
    let out = "";
    for (;;) {
      const c = this.get();
      if (c === null) {
        if (!out) throw this.error(`missing ${name}`);
        throw this.error(`missing ${terminator}, unterminated name`, out.length);
      }
      if (c === terminator) {
        if (!out) throw this.error(`missing ${name}`, 1);
        return out;
      }
      out += c;
    }
  }

  tell(): number {
    return this.index - (this.next?.length ?? 0);
  }

  seek(index: number): void {
    this.index = index;
    this.advance();
  }

  error(message: string, offset = 0): PatternError {
    return new PatternError(message, this.tell() - offset);
  }
}

class State {
  groups = 1; // group 0 is the whole match
  readonly names = new Map<string, number>();
  readonly open = new Set<number>();
  readonly widths: Array<[number, number]> = [[0, 0]];
  lookbehindGroups: number | null = null;
  flags: Flags = { i: false, m: false, s: false, a: false };
  /** The compiler's error (a look-behind of variable width): Python raises it once the parse is done. */
  deferred: PatternError | null = null;
}

function checkGroupName(source: Source, name: string, offset: number): void {
  if (!IDENTIFIER.test(name)) throw source.error(`bad character in group name '${name}'`, name.length + offset);
}

function checkLookbehindGroup(state: State, group: number, source: Source): void {
  if (state.lookbehindGroups !== null && group >= state.lookbehindGroups) {
    throw source.error("cannot refer to group defined in the same lookbehind subpattern");
  }
}

/** \x \u \U \N and octal escapes; in a class \1-\7 start an octal escape too. */
function numericEscape(source: Source, escape: string, inClass: boolean): number {
  const c = escape[1];
  const hex = (n: number): number => {
    const digits = source.getwhile(n, HEXDIGITS);
    if (digits.length !== n) throw source.error(`incomplete escape ${escape}${digits}`, 2 + digits.length);
    return parseInt(digits, 16);
  };
  if (c === "x") return hex(2);
  if (c === "u") return hex(4);
  if (c === "U") {
    const code = hex(8);
    if (code > 0x10ffff) throw source.error(`bad escape ${escape}${code.toString(16).padStart(8, "0")}`, 10);
    return code;
  }
  if (c === "N") {
    if (!source.match("{")) throw source.error("missing {");
    const name = source.getuntil("}", "character name");
    throw source.error(`\\N{${name}} has no JavaScript equivalent: write the character itself`, name.length + 4);
  }
  if (inClass ? OCTDIGITS.test(c) : c === "0") {
    const more = source.getwhile(2, OCTDIGITS);
    const code = parseInt(c + more, 8);
    if (code > 0o377) throw source.error(`octal escape value ${escape}${more} outside of range 0-0o377`, 2 + more.length);
    return code;
  }
  if (DIGITS.test(c) || ASCIILETTERS.test(c)) throw source.error(`bad escape ${escape}`, 2);
  return c.codePointAt(0) as number;
}

/** re/_parser.py's _class_escape: an escape inside [...]. */
function classEscape(source: Source, escape: string): SetItem {
  const c = escape[1];
  const known = ESCAPES.get(c);
  if (known !== undefined) return { lo: known, hi: known };
  if ("dDwWsS".includes(c)) return { category: c.toLowerCase() as "d" | "w" | "s", negated: c !== c.toLowerCase() };
  const code = numericEscape(source, escape, true);
  return { lo: code, hi: code };
}

/** re/_parser.py's _escape: an escape outside [...]. */
function escapeNode(source: Source, escape: string, state: State): Node {
  const c = escape[1];
  const ascii = state.flags.a;
  if (c === "A") return { t: "at", js: "^" };
  if (c === "Z") return { t: "at", js: "$" };
  if (c === "b" || c === "B") {
    const w = wordClass(ascii, false);
    // Python 3.11's \B never matches in an empty string.
    return { t: "at", js: c === "b" ? `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))` : `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w})(?:(?<=[^])|(?=[^])))` };
  }
  if ("dDwWsS".includes(c)) return { t: "set", negated: false, items: [classEscape(source, escape)], ascii };
  const known = ESCAPES.get(c);
  if (known !== undefined) return { t: "char", cp: known };
  if (DIGITS.test(c) && c !== "0") {
    // Three octal digits make an octal escape, anything else a group reference.
    const pos = source.tell() - 2;
    let digits = c;
    if (isDigit(source.next)) {
      digits += source.get();
      if (OCTDIGITS.test(digits[0]) && OCTDIGITS.test(digits[1]) && source.next !== null && OCTDIGITS.test(source.next)) {
        digits += source.get();
        const code = parseInt(digits, 8);
        if (code > 0o377) throw source.error(`octal escape value \\${digits} outside of range 0-0o377`, digits.length + 1);
        return { t: "char", cp: code };
      }
    }
    const group = Number(digits);
    if (group < state.groups) {
      if (state.open.has(group)) throw source.error("cannot refer to an open group", digits.length + 1);
      checkLookbehindGroup(state, group, source);
      return { t: "ref", group, pos };
    }
    throw source.error(`invalid group reference ${group}`, digits.length);
  }
  return { t: "char", cp: numericEscape(source, escape, false) };
}

/** re/_parser.py's _parse_flags. */
function parseFlags(source: Source, first: string): InlineFlags {
  const flags: InlineFlags = { add: {}, del: {}, global: false };
  let char: string | null = first;
  let type = "";
  let template = false;
  if (char !== "-") {
    for (;;) {
      if (char === "L") throw source.error("bad inline flags: cannot use 'L' flag with a str pattern");
      if (char === "t") template = true;
      if (char === "a" || char === "u") {
        if (type !== "" && type !== char) throw source.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
        type = char;
      }
      // (?u) is the default of a str pattern; in a group it undoes an outer (?a).
      if (char !== "t") flags.add[char === "u" ? "a" : (char as FlagName)] = char !== "u";
      char = source.get();
      if (char === null) throw source.error("missing -, : or )");
      if (")-:".includes(char)) break;
      if (!FLAG_CHARS.includes(char)) throw source.error(/\p{L}/u.test(char) ? "unknown flag" : "missing -, : or )", char.length);
    }
  }
  if (template) {
    // Python takes (?t) (a deprecated no-op), and refuses it in a group.
    if (char === ")") throw source.error("bad inline flags: the TEMPLATE flag has no JavaScript equivalent");
    throw source.error("bad inline flags: cannot turn on global flag", 1);
  }
  if (char === ")") return { ...flags, global: true };
  if (char === "-") {
    char = source.get();
    if (char === null) throw source.error("missing flag");
    if (!FLAG_CHARS.includes(char)) throw source.error(/\p{L}/u.test(char) ? "unknown flag" : "missing flag", char.length);
    for (;;) {
      if ("aLu".includes(char)) throw source.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
      if (char === "t") template = true;
      else flags.del[char as FlagName] = true;
      char = source.get();
      if (char === null) throw source.error("missing :");
      if (char === ":") break;
      if (!FLAG_CHARS.includes(char)) throw source.error(/\p{L}/u.test(char) ? "unknown flag" : "missing :", char.length);
    }
    if (template) throw source.error("bad inline flags: cannot turn off global flag", 1);
  }
  for (const k of Object.keys(flags.add)) if (k in flags.del) throw source.error("bad inline flags: flag turned on and off", 1);
  return flags;
}

/** An alternation, a|b|c. */
function parseSub(source: Source, state: State, verbose: boolean, nested: number, global: { verbose: boolean }): Node {
  const alts: Node[] = [];
  for (;;) {
    alts.push(parse(source, state, verbose, nested + 1, nested === 0 && alts.length === 0, global));
    if (!source.match("|")) break;
    if (nested === 0) verbose = global.verbose;
  }
  return alts.length === 1 ? alts[0] : { t: "alt", alts };
}

function parseClass(source: Source, here: number, ascii: boolean): Node {
  const items: SetItem[] = [];
  const negated = source.match("^");
  const literal = (token: string): SetItem => ({ lo: token.codePointAt(0) as number, hi: token.codePointAt(0) as number });
  for (;;) {
    const token = source.get();
    if (token === null) throw new PatternError("unterminated character set", here);
    if (token === "]" && items.length > 0) break;
    const first = token[0] === "\\" ? classEscape(source, token) : literal(token);
    if (!source.match("-")) {
      items.push(first);
      continue;
    }
    const that = source.get();
    if (that === null) throw new PatternError("unterminated character set", here);
    if (that === "]") {
      items.push(first, { lo: 45, hi: 45 });
      break;
    }
    const second = that[0] === "\\" ? classEscape(source, that) : literal(that);
    if (!("lo" in first) || !("lo" in second) || second.lo < first.lo) {
      throw source.error(`bad character range ${token}-${that}`, token.length + 1 + that.length);
    }
    items.push({ lo: first.lo, hi: second.lo });
  }
  return { t: "set", negated, items, ascii };
}

/** A repeat's bounds after `*`, `+`, `?` or `{`; null for a `{` that is a literal. */
function parseRepeat(source: Source, token: string): [number, number] | null {
  if (token === "?") return [0, 1];
  if (token === "*") return [0, Infinity];
  if (token === "+") return [1, Infinity];
  const here = source.tell();
  if (source.next === "}") return null;
  let lo = "";
  let hi = "";
  while (isDigit(source.next)) lo += source.get();
  if (source.match(",")) {
    while (isDigit(source.next)) hi += source.get();
  } else {
    hi = lo;
  }
  if (!source.match("}")) {
    source.seek(here);
    return null;
  }
  const min = lo ? Number(lo) : 0;
  const max = hi ? Number(hi) : Infinity;
  if (min >= MAXREPEAT || (hi && max >= MAXREPEAT)) throw new PatternError("the repetition number is too large", null);
  if (max < min) throw source.error("min repeat greater than max repeat", source.tell() - here);
  return [min, max];
}

/** One branch of an alternation: a sequence of items. */
function parse(source: Source, state: State, verbose: boolean, nested: number, first: boolean, global: { verbose: boolean }): Node {
  const items: Node[] = [];
  for (;;) {
    const token = source.next;
    if (token === null || token === "|" || token === ")") break;
    const here = source.tell();
    source.get();
    if (verbose && WHITESPACE.has(token)) continue;
    if (verbose && token === "#") {
      for (let c = source.get(); c !== null && c !== "\n"; c = source.get());
      continue;
    }
    if (token[0] === "\\") {
      items.push(escapeNode(source, token, state));
    } else if (!".\\[{()*+?^$|".includes(token)) {
      items.push({ t: "char", cp: token.codePointAt(0) as number });
    } else if (token === "[") {
      items.push(parseClass(source, here, state.flags.a));
    } else if ("*+?{".includes(token)) {
      const bounds = parseRepeat(source, token);
      if (bounds === null) {
        items.push({ t: "char", cp: 123 });
        continue;
      }
      const item = items[items.length - 1];
      if (item === undefined || item.t === "at") throw new PatternError("nothing to repeat", here);
      if (item.t === "repeat") throw new PatternError("multiple repeat", here);
      const mode = source.match("?") ? "?" : source.match("+") ? "+" : "";
      items[items.length - 1] = { t: "repeat", min: bounds[0], max: bounds[1], mode, body: item };
    } else if (token === ".") {
      items.push({ t: "any", dotall: state.flags.s });
    } else if (token === "^") {
      items.push({ t: "at", js: state.flags.m ? "(?<![^\\x0a])" : "^" });
    } else if (token === "$") {
      items.push({ t: "at", js: state.flags.m ? "(?![^\\x0a])" : "(?=\\x0a?$)" });
    } else {
      const node = parseGroup(source, state, verbose, nested, first && items.length === 0, here, global);
      if (node === "flags") verbose = global.verbose;
      else if (node !== null) items.push(node);
    }
  }
  return items.length === 1 ? items[0] : { t: "seq", items };
}

/** After "(": a group, an assertion or a comment; null for a comment, "flags" for global flags. */
function parseGroup(source: Source, state: State, verbose: boolean, nested: number, first: boolean, start: number, global: { verbose: boolean }): Node | null | "flags" {
  let capture = true;
  let atomic = false;
  let name: string | null = null;
  let flags: InlineFlags | null = null;
  if (source.match("?")) {
    const char = source.get();
    if (char === null) throw source.error("unexpected end of pattern");
    if (char === "P") {
      if (source.match("<")) {
        name = source.getuntil(">", "group name");
        checkGroupName(source, name, 1);
      } else if (source.match("=")) {
        const ref = source.getuntil(")", "group name");
        checkGroupName(source, ref, 1);
        const group = state.names.get(ref);
        if (group === undefined) throw source.error(`unknown group name '${ref}'`, ref.length + 1);
        if (state.open.has(group)) throw source.error("cannot refer to an open group", ref.length + 1);
        checkLookbehindGroup(state, group, source);
        return { t: "ref", group, pos: start };
      } else {
        const c = source.get();
        if (c === null) throw source.error("unexpected end of pattern");
        throw source.error(`unknown extension ?P${c}`, c.length + 2);
      }
    } else if (char === ":") {
      capture = false;
    } else if (char === "#") {
      for (;;) {
        if (source.next === null) throw source.error("missing ), unterminated comment", source.tell() - start);
        if (source.get() === ")") return null;
      }
    } else if (char === "=" || char === "!" || char === "<") {
      return parseLook(source, state, verbose, nested, start, char, global);
    } else if (char === "(") {
      const cond = source.getuntil(")", "group name");
      throw source.error(`conditional groups (?(${cond})...) have no JavaScript equivalent`, cond.length + 1);
    } else if (char === ">") {
      capture = false;
      atomic = true;
    } else if (FLAG_CHARS.includes(char) || char === "-") {
      flags = parseFlags(source, char);
      if (flags.global) {
        if (!first) throw source.error("global flags not at the start of the expression", source.tell() - start);
        for (const [k, v] of Object.entries(flags.add)) {
          if (k === "x") global.verbose = true;
          else state.flags[k as keyof Flags] = v as boolean;
        }
        return "flags";
      }
      capture = false;
    } else {
      throw source.error(`unknown extension ?${char}`, char.length + 1);
    }
  }
  let group: number | null = null;
  if (capture) {
    group = state.groups++;
    if (name !== null) {
      const was = state.names.get(name);
      if (was !== undefined) throw source.error(`redefinition of group name '${name}' as group ${group}; was group ${was}`, name.length + 1);
      state.names.set(name, group);
    }
    state.open.add(group);
  }
  const outer = state.flags;
  let subVerbose = verbose;
  if (flags !== null) {
    // IGNORECASE is a flag of the whole JS RegExp: a group cannot switch it.
    if ((flags.add.i && !outer.i) || (flags.del.i && outer.i)) {
      throw source.error("a scoped (?i:...) or (?-i:...) that changes IGNORECASE has no JavaScript equivalent: set (?i) for the whole pattern", source.tell() - start);
    }
    state.flags = { ...outer };
    for (const [k, v] of Object.entries(flags.add)) if (k !== "x") state.flags[k as keyof Flags] = v as boolean;
    for (const k of Object.keys(flags.del)) if (k !== "x") state.flags[k as keyof Flags] = false;
    subVerbose = (verbose || flags.add.x === true) && !flags.del.x;
  }
  const body = parseSub(source, state, subVerbose, nested + 1, global);
  state.flags = outer;
  if (!source.match(")")) throw source.error("missing ), unterminated subpattern", source.tell() - start);
  if (group !== null) {
    state.open.delete(group);
    state.widths[group] = width(body, state);
  }
  return atomic ? { t: "atomic", body } : { t: "group", index: group, body };
}

function parseLook(source: Source, state: State, verbose: boolean, nested: number, start: number, char: string, global: { verbose: boolean }): Node {
  let kind = char;
  const behind = char === "<";
  const saved = state.lookbehindGroups;
  if (behind) {
    const c = source.get();
    if (c === null) throw source.error("unexpected end of pattern");
    if (c !== "=" && c !== "!") throw source.error(`unknown extension ?<${c}`, c.length + 2);
    kind = c;
    state.lookbehindGroups ??= state.groups;
  }
  const body = parseSub(source, state, verbose, nested + 1, global);
  state.lookbehindGroups = saved;
  if (!source.match(")")) throw source.error("missing ), unterminated subpattern", source.tell() - start);
  if (behind) {
    const [lo, hi] = width(body, state);
    if (lo !== hi) state.deferred ??= new PatternError("look-behind requires fixed-width pattern", null);
  }
  return { t: "look", behind, negated: kind === "!", body };
}

/** SubPattern.getwidth: the fewest and most characters a node matches. */
function width(node: Node, state: State): [number, number] {
  switch (node.t) {
    case "char":
    case "set":
    case "any":
      return [1, 1];
    case "at":
    case "look":
      return [0, 0];
    case "ref":
      return state.widths[node.group];
    case "group":
    case "atomic":
      return width(node.body, state);
    case "repeat": {
      const [lo, hi] = width(node.body, state);
      return [lo * node.min, node.max === Infinity ? (hi ? Infinity : 0) : hi * node.max];
    }
    case "seq":
      return node.items.reduce<[number, number]>((acc, n) => {
        const [lo, hi] = width(n, state);
        return [acc[0] + lo, acc[1] + hi];
      }, [0, 0]);
    case "alt": {
      const all = node.alts.map((n) => width(n, state));
      return [Math.min(...all.map(([lo]) => lo)), Math.max(...all.map(([, hi]) => hi))];
    }
  }
}

/**
 * Refuses a backreference whose group may not have taken part when it is
 * reached: below the two's closest common ancestor, the group sits in a branch
 * of an alternation, a repeat that may run no time, or a negative lookaround.
 */
function checkReferences(root: Node): void {
  // Paths from the root: [node, index of the child taken, whether that child may not run].
  type Step = [Node, number, boolean];
  const groups = new Map<number, Step[]>();
  const refs: Array<[number, number, Step[]]> = [];
  const walk = (node: Node, path: Step[]): void => {
    const down = (child: Node, index: number, optional: boolean): void => walk(child, [...path, [node, index, optional]]);
    switch (node.t) {
      case "ref":
        refs.push([node.group, node.pos, path]);
        break;
      case "group":
        if (node.index !== null) groups.set(node.index, path);
        down(node.body, 0, false);
        break;
      case "atomic":
      case "look":
      case "repeat":
        down(node.body, 0, (node.t === "look" && node.negated) || (node.t === "repeat" && node.min === 0));
        break;
      case "seq":
        node.items.forEach((n, i) => down(n, i, false));
        break;
      case "alt":
        node.alts.forEach((n, i) => down(n, i, true));
        break;
    }
  };
  walk(root, []);
  for (const [group, pos, path] of refs) {
    const target = groups.get(group) as Step[];
    let common = 0;
    while (common < path.length && common < target.length && path[common][0] === target[common][0] && path[common][1] === target[common][1]) common++;
    if (target.slice(common).some(([, , optional]) => optional)) {
      throw new PatternError("this backreference's group may not take part in the match, where JavaScript and Python differ", pos);
    }
  }
}

// ---------------------------------------------------------------- emitting

// str.isspace(): bidirectional class WS, B or S, or category Zs.
const SPACE = "\\x09-\\x0d\\x1c-\\x20\\x85\\xa0\\u{1680}\\u{2000}-\\u{200a}\\u{2028}\\u{2029}\\u{202f}\\u{205f}\\u{3000}";
// str.isalnum() or "_": letters, and characters with a numeric value.
const WORD = "\\p{L}\\p{N}\\x5f";
const ASCII_WORD = "a-zA-Z0-9\\x5f";

function wordClass(ascii: boolean, negated: boolean): string {
  return `[${negated ? "^" : ""}${ascii ? ASCII_WORD : WORD}]`;
}

/** One code point, written so that no context (a class, the `v` flag, a digit after \1) misreads it. */
function esc(cp: number): string {
  if ((cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122)) return String.fromCodePoint(cp);
  return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, "0")}` : `\\u{${cp.toString(16)}}`;
}

function setItem(item: SetItem, ascii: boolean): string {
  if ("lo" in item) return item.lo === item.hi ? esc(item.lo) : `${esc(item.lo)}-${esc(item.hi)}`;
  const hat = item.negated ? "^" : "";
  if (item.category === "w") return item.negated ? wordClass(ascii, true) : ascii ? ASCII_WORD : WORD;
  if (item.category === "s") return ascii ? `[${hat}\\x09-\\x0d\\x20]` : `[${hat}${SPACE}]`;
  if (ascii) return `[${hat}0-9]`;
  return item.negated ? "\\P{Nd}" : "\\p{Nd}";
}

class Emitter {
  private count = 0;
  private readonly numbers = new Map<number, number>();

  emit(node: Node): string {
    switch (node.t) {
      case "char":
        return esc(node.cp);
      case "set":
        return `[${node.negated ? "^" : ""}${node.items.map((i) => setItem(i, node.ascii)).join("")}]`;
      case "any":
        return node.dotall ? "[\\u{0}-\\u{10ffff}]" : "[^\\x0a]";
      case "at":
        return node.js;
      case "seq":
        return node.items.map((n) => this.emit(n)).join("");
      case "alt":
        return `(?:${node.alts.map((n) => this.emit(n)).join("|")})`;
      case "ref":
        return `(?:\\${this.numbers.get(node.group) as number})`;
      case "group":
        if (node.index === null) return `(?:${this.emit(node.body)})`;
        this.numbers.set(node.index, ++this.count);
        return `(${this.emit(node.body)})`;
      case "look":
        return `(?${node.behind ? "<" : ""}${node.negated ? "!" : "="}${this.emit(node.body)})`;
      case "atomic":
        return this.atomic(node.body);
      case "repeat": {
        // A possessive repeat is an atomic group around the greedy one.
        if (node.mode === "+") return this.atomic({ ...node, mode: "" });
        const { min, max } = node;
        const q = max === Infinity ? (min === 0 ? "*" : min === 1 ? "+" : `{${min},}`) : min === max ? `{${min}}` : `{${min},${max}}`;
        return `(?:${this.emit(node.body)})${q}${node.mode}`;
      }
    }
  }

  // A JS lookahead never backtracks into itself: (?=(X))\N takes what X matched first, and nothing else.
  private atomic(body: Node): string {
    const n = ++this.count;
    return `(?=(${this.emit(body)}))(?:\\${n})`;
  }
}

// Python's whitespace (str.isspace) in latin-1: JS's trim() keeps \x1c-\x1f and \x85.
const isPySpace = (c: number): boolean => (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x20) || c === 0x85 || c === 0xa0;

/** Python's str.strip() for a latin-1 string (a header value), which middleware ports apply as Starlette does. */
export function strip(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isPySpace(s.charCodeAt(start))) start++;
  while (end > start && isPySpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/**
 * A RegExp whose `test(s)` is `re.fullmatch(pattern, s) is not None`, for a
 * Python str pattern. Throws PatternError where re.compile raises re.error
 * (with its message and position), and for what JS cannot express.
 */
export function compileFullmatch(pattern: string): RegExp {
  const source = new Source(pattern);
  const state = new State();
  const global = { verbose: false };
  const tree = parseSub(source, state, false, 0, global);
  if (source.next !== null) throw source.error("unbalanced parenthesis");
  if (state.deferred !== null) throw state.deferred;
  checkReferences(tree);
  const source_ = `^(?:${new Emitter().emit(tree)})$`;
  try {
    return new RegExp(source_, state.flags.i ? "iv" : "v");
  } catch (exc) {
    // A translation V8 refuses: a limit of this port, reported as the pattern's.
    throw new PatternError(`JavaScript cannot compile the translation: ${(exc as Error).message}`, null);
  }
}
