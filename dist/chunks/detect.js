import { o as overfittingText, c as clauseReason, h as hypothesisReason, v as violationMessage, a as checklistDetail, w as warningMessage, n as notLikeForLikeText, b as checkNote, d as checkText, e as noVarianceText, u as untestedText, s as significanceWords, p as pPhrase } from './findings.js';
import { h as hiddenMarker } from './conventions.js';
import { g as getDefaultExportFromCjs } from './_commonjsHelpers.js';
import path$1 from 'node:path';
import minproc from 'node:process';
import { fileURLToPath } from 'node:url';
import { stat, readFile, lstat } from 'node:fs/promises';
import { realpathSync, readdirSync, statSync, createReadStream, openSync, constants as constants$1, fstatSync, readFileSync, closeSync, lstatSync, existsSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { H as HistoryBuilder, m as metricFromBuilt, b as builtFromColumns, p as parseMetricBytes, M as MetricFileParser } from './mlflow-metrics-file.js';
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

// The run model every source produces and every other layer consumes. Pure types and helpers.
/** An empty metadata record with the defaults every source starts from. */
function emptyMetadata() {
    return { tags: [], status: 'finished', environment: {} };
}
/** Builds a run with empty params, metrics and metadata filled in. */
function makeRun(fields) {
    return {
        params: {},
        metrics: {},
        ...fields,
        metadata: { ...emptyMetadata(), ...(fields.metadata ?? {}) }
    };
}
/** A diagnostic's location as `file:line:column (run, key)` for logs and messages. */
function formatDiagnostic(d) {
    const where = [d.file, d.line, d.line !== undefined ? d.column : undefined]
        .filter(x => x !== undefined)
        .join(':');
    const context = [d.run && `run ${JSON.stringify(d.run)}`, d.key && `key ${JSON.stringify(d.key)}`]
        .filter(Boolean)
        .join(', ');
    return `${where}${context ? ` (${context})` : ''}: ${d.message}`;
}
/** Flattens nested objects into dotted keys (`{a: {b: 1}}` → `{'a.b': 1}`); arrays become JSON text. */
function flattenParams(value, prefix = '', out = {}, depth = 0) {
    if (value === null || typeof value !== 'object') {
        if (prefix)
            out[prefix] = toParamValue(value);
        return out;
    }
    if (Array.isArray(value) || depth > 32) {
        if (prefix)
            out[prefix] = safeJson$1(value);
        return out;
    }
    for (const [k, v] of Object.entries(value)) {
        flattenParams(v, prefix ? `${prefix}.${k}` : k, out, depth + 1);
    }
    return out;
}
/** Turns any logged value into a ParamValue without losing its text. */
function toParamValue(value) {
    if (value === null || value === undefined)
        return null;
    if (typeof value === 'string' || typeof value === 'boolean')
        return value;
    if (typeof value === 'number')
        return value;
    if (typeof value === 'bigint')
        return value.toString();
    return safeJson$1(value);
}
/** The canonical text of a param value, used to tell whether two values differ. */
function paramText(value) {
    if (value === undefined)
        return '';
    if (value === null)
        return 'null';
    return String(value);
}
function safeJson$1(value) {
    try {
        return JSON.stringify(value) ?? String(value);
    }
    catch {
        return String(value);
    }
}

/** The JSON report's schema name and version. */
const REPORT_SCHEMA = { schema: 'experiment-review/report', version: 1 };
/** JSON with NaN and ±Infinity written as the strings "NaN", "Infinity", "-Infinity". */
function toJson(value) {
    return `${JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2)}\n`;
}
/** The JSON report of a comparison: its facts, with the words of the comment beside them. */
function renderJsonReport(c) {
    return toJson({ ...REPORT_SCHEMA, ...withWords(c) });
}
/** The comparison with each finding's words added: message, text, note, detail, reason. */
function withWords(c) {
    return {
        ...c,
        metrics: c.metrics.map(m => ({
            ...m,
            significance: m.significance && {
                ...m.significance,
                ...(m.significance.state === 'inconclusive' ? { inconclusive: untestedText(m.significance) } : {}),
                ...(m.significance.state === 'exact' ? { reason: noVarianceText(!!m.significance.significant) } : {})
            },
            checks: m.checks.map(check => {
                const note = checkNote(check, m.significance);
                return { ...check, text: checkText(check, m), ...(note ? { note } : {}) };
            })
        })),
        notLikeForLike: c.notLikeForLike.map(notLikeForLikeText),
        warnings: c.warnings.map(w => ({ ...w, message: warningMessage(w) })),
        reproducibility: c.reproducibility.map(r => ({
            ...r,
            items: r.items.map(i => ({ ...i, detail: checklistDetail(i) }))
        })),
        violations: c.violations.map(v => ({ ...v, message: violationMessage(v) })),
        hypotheses: c.hypotheses.map(h => ({
            ...h,
            reason: hypothesisReason(h),
            clauses: h.clauses.map(clause => ({ ...clause, reason: clauseReason(clause) }))
        })),
        overfitting: c.overfitting.map(o => ({ ...o, message: overfittingText(o) }))
    };
}
/** A CSV cell: quoted when needed, and a leading = + - @ neutralised so spreadsheets never run it as a formula. */
function csvCell(value) {
    let s = value === undefined || value === null ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s))
        s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
/** Runs as CSV: one row per run, a column per metric (final value) and per param (`param.` prefix). */
function runsToCsv(runs) {
    const metrics = [...new Set(runs.flatMap(r => Object.keys(r.metrics)))].sort();
    const params = [...new Set(runs.flatMap(r => Object.keys(r.params)))].sort();
    const header = [
        'run',
        'format',
        'path',
        'status',
        'git_commit',
        'data_version',
        'group',
        ...metrics,
        ...params.map(p => `param.${p}`)
    ];
    const rows = runs.map(r => [
        r.name,
        r.source,
        r.path,
        r.metadata.status,
        r.metadata.gitCommit,
        r.metadata.dataVersion,
        r.metadata.group,
        ...metrics.map(m => (r.metrics[m] ? (r.metrics[m].exact ?? String(r.metrics[m].value)) : '')),
        ...params.map(p => (p in r.params ? paramText(r.params[p]) : ''))
    ]);
    return `${[header, ...rows].map(row => row.map(csvCell).join(',')).join('\n')}\n`;
}
/** Runs as JSON for export. */
function runsToJson(runs) {
    return toJson({ schema: 'experiment-review/runs', version: 1, runs });
}

var json = /*#__PURE__*/Object.freeze({
    __proto__: null,
    REPORT_SCHEMA: REPORT_SCHEMA,
    csvCell: csvCell,
    renderJsonReport: renderJsonReport,
    runsToCsv: runsToCsv,
    runsToJson: runsToJson,
    toJson: toJson
});

/**
 * Count how often a character (or substring) is used in a string.
 *
 * @param {string} value
 *   Value to search in.
 * @param {string} character
 *   Character (or substring) to look for.
 * @return {number}
 *   Number of times `character` occurred in `value`.
 */
function ccount(value, character) {
  const source = String(value);

  if (typeof character !== 'string') {
    throw new TypeError('Expected character')
  }

  let count = 0;
  let index = source.indexOf(character);

  while (index !== -1) {
    count++;
    index = source.indexOf(character, index + character.length);
  }

  return count
}

function ok$1() {}

/**
 * @import {Code} from 'micromark-util-types'
 */

/**
 * Check whether the character code represents an ASCII alpha (`a` through `z`,
 * case insensitive).
 *
 * An **ASCII alpha** is an ASCII upper alpha or ASCII lower alpha.
 *
 * An **ASCII upper alpha** is a character in the inclusive range U+0041 (`A`)
 * to U+005A (`Z`).
 *
 * An **ASCII lower alpha** is a character in the inclusive range U+0061 (`a`)
 * to U+007A (`z`).
 *
 * @param code
 *   Code.
 * @returns {boolean}
 *   Whether it matches.
 */
const asciiAlpha = regexCheck(/[A-Za-z]/);

/**
 * Check whether the character code represents an ASCII alphanumeric (`a`
 * through `z`, case insensitive, or `0` through `9`).
 *
 * An **ASCII alphanumeric** is an ASCII digit (see `asciiDigit`) or ASCII alpha
 * (see `asciiAlpha`).
 *
 * @param code
 *   Code.
 * @returns {boolean}
 *   Whether it matches.
 */
const asciiAlphanumeric = regexCheck(/[\dA-Za-z]/);

/**
 * Check whether the character code represents an ASCII atext.
 *
 * atext is an ASCII alphanumeric (see `asciiAlphanumeric`), or a character in
 * the inclusive ranges U+0023 NUMBER SIGN (`#`) to U+0027 APOSTROPHE (`'`),
 * U+002A ASTERISK (`*`), U+002B PLUS SIGN (`+`), U+002D DASH (`-`), U+002F
 * SLASH (`/`), U+003D EQUALS TO (`=`), U+003F QUESTION MARK (`?`), U+005E
 * CARET (`^`) to U+0060 GRAVE ACCENT (`` ` ``), or U+007B LEFT CURLY BRACE
 * (`{`) to U+007E TILDE (`~`).
 *
 * See:
 * **\[RFC5322]**:
 * [Internet Message Format](https://tools.ietf.org/html/rfc5322).
 * P. Resnick.
 * IETF.
 *
 * @param code
 *   Code.
 * @returns {boolean}
 *   Whether it matches.
 */
const asciiAtext = regexCheck(/[#-'*+\--9=?A-Z^-~]/);

/**
 * Check whether a character code is an ASCII control character.
 *
 * An **ASCII control** is a character in the inclusive range U+0000 NULL (NUL)
 * to U+001F (US), or U+007F (DEL).
 *
 * @param {Code} code
 *   Code.
 * @returns {boolean}
 *   Whether it matches.
 */
function asciiControl(code) {
  return (
    // Special whitespace codes (which have negative values), C0 and Control
    // character DEL
    code !== null && (code < 32 || code === 127)
  );
}

/**
 * Check whether the character code represents an ASCII digit (`0` through `9`).
 *
 * An **ASCII digit** is a character in the inclusive range U+0030 (`0`) to
 * U+0039 (`9`).
 *
 * @param code
 *   Code.
 * @returns {boolean}
 *   Whether it matches.
 */
const asciiDigit = regexCheck(/\d/);

/**
 * Check whether the character code represents an ASCII hex digit (`a` through
 * `f`, case insensitive, or `0` through `9`).
 *
 * An **ASCII hex digit** is an ASCII digit (see `asciiDigit`), ASCII upper hex
 * digit, or an ASCII lower hex digit.
 *
 * An **ASCII upper hex digit** is a character in the inclusive range U+0041
 * (`A`) to U+0046 (`F`).
 *
 * An **ASCII lower hex digit** is a character in the inclusive range U+0061
 * (`a`) to U+0066 (`f`).
 *
 * @param code
 *   Code.
 * @returns {boolean}
 *   Whether it matches.
 */
const asciiHexDigit = regexCheck(/[\dA-Fa-f]/);

/**
 * Check whether the character code represents ASCII punctuation.
 *
 * An **ASCII punctuation** is a character in the inclusive ranges U+0021
 * EXCLAMATION MARK (`!`) to U+002F SLASH (`/`), U+003A COLON (`:`) to U+0040 AT
 * SIGN (`@`), U+005B LEFT SQUARE BRACKET (`[`) to U+0060 GRAVE ACCENT
 * (`` ` ``), or U+007B LEFT CURLY BRACE (`{`) to U+007E TILDE (`~`).
 *
 * @param code
 *   Code.
 * @returns {boolean}
 *   Whether it matches.
 */
const asciiPunctuation = regexCheck(/[!-/:-@[-`{-~]/);

/**
 * Check whether a character code is a markdown line ending.
 *
 * A **markdown line ending** is the virtual characters M-0003 CARRIAGE RETURN
 * LINE FEED (CRLF), M-0004 LINE FEED (LF) and M-0005 CARRIAGE RETURN (CR).
 *
 * In micromark, the actual character U+000A LINE FEED (LF) and U+000D CARRIAGE
 * RETURN (CR) are replaced by these virtual characters depending on whether
 * they occurred together.
 *
 * @param {Code} code
 *   Code.
 * @returns {boolean}
 *   Whether it matches.
 */
function markdownLineEnding(code) {
  return code !== null && code < -2;
}

/**
 * Check whether a character code is a markdown line ending (see
 * `markdownLineEnding`) or markdown space (see `markdownSpace`).
 *
 * @param {Code} code
 *   Code.
 * @returns {boolean}
 *   Whether it matches.
 */
function markdownLineEndingOrSpace(code) {
  return code !== null && (code < 0 || code === 32);
}

/**
 * Check whether a character code is a markdown space.
 *
 * A **markdown space** is the concrete character U+0020 SPACE (SP) and the
 * virtual characters M-0001 VIRTUAL SPACE (VS) and M-0002 HORIZONTAL TAB (HT).
 *
 * In micromark, the actual character U+0009 CHARACTER TABULATION (HT) is
 * replaced by one M-0002 HORIZONTAL TAB (HT) and between 0 and 3 M-0001 VIRTUAL
 * SPACE (VS) characters, depending on the column at which the tab occurred.
 *
 * @param {Code} code
 *   Code.
 * @returns {boolean}
 *   Whether it matches.
 */
function markdownSpace(code) {
  return code === -2 || code === -1 || code === 32;
}

// Size note: removing ASCII from the regex and using `asciiPunctuation` here
// In fact adds to the bundle size.
/**
 * Check whether the character code represents Unicode punctuation.
 *
 * A **Unicode punctuation** is a character in the Unicode `Pc` (Punctuation,
 * Connector), `Pd` (Punctuation, Dash), `Pe` (Punctuation, Close), `Pf`
 * (Punctuation, Final quote), `Pi` (Punctuation, Initial quote), `Po`
 * (Punctuation, Other), or `Ps` (Punctuation, Open) categories, or an ASCII
 * punctuation (see `asciiPunctuation`).
 *
 * See:
 * **\[UNICODE]**:
 * [The Unicode Standard](https://www.unicode.org/versions/).
 * Unicode Consortium.
 *
 * @param code
 *   Code.
 * @returns
 *   Whether it matches.
 */
const unicodePunctuation = regexCheck(/\p{P}|\p{S}/u);

/**
 * Check whether the character code represents Unicode whitespace.
 *
 * Note that this does handle micromark specific markdown whitespace characters.
 * See `markdownLineEndingOrSpace` to check that.
 *
 * A **Unicode whitespace** is a character in the Unicode `Zs` (Separator,
 * Space) category, or U+0009 CHARACTER TABULATION (HT), U+000A LINE FEED (LF),
 * U+000C (FF), or U+000D CARRIAGE RETURN (CR) (**\[UNICODE]**).
 *
 * See:
 * **\[UNICODE]**:
 * [The Unicode Standard](https://www.unicode.org/versions/).
 * Unicode Consortium.
 *
 * @param code
 *   Code.
 * @returns
 *   Whether it matches.
 */
const unicodeWhitespace = regexCheck(/\s/);

/**
 * Create a code check from a regex.
 *
 * @param {RegExp} regex
 *   Expression.
 * @returns {(code: Code) => boolean}
 *   Check.
 */
function regexCheck(regex) {
  return check;

  /**
   * Check whether a code matches the bound regex.
   *
   * @param {Code} code
   *   Character code.
   * @returns {boolean}
   *   Whether the character code matches the bound regex.
   */
  function check(code) {
    return code !== null && code > -1 && regex.test(String.fromCharCode(code));
  }
}

function escapeStringRegexp(string) {
	if (typeof string !== 'string') {
		throw new TypeError('Expected a string');
	}

	// Escape characters with special meaning either inside or outside character sets.
	// Use a simple backslash escape when it’s always valid, and a `\xnn` escape when the simpler form would be disallowed by Unicode patterns’ stricter grammar.
	return string
		.replace(/[|\\{}()[\]^$+*?.]/g, '\\$&')
		.replace(/-/g, '\\x2d');
}

/**
 * @import {Node, Parent} from 'unist'
 */


/**
 * Generate an assertion from a test.
 *
 * Useful if you’re going to test many nodes, for example when creating a
 * utility where something else passes a compatible test.
 *
 * The created function is a bit faster because it expects valid input only:
 * a `node`, `index`, and `parent`.
 *
 * @param {Test} test
 *   *   when nullish, checks if `node` is a `Node`.
 *   *   when `string`, works like passing `(node) => node.type === test`.
 *   *   when `function` checks if function passed the node is true.
 *   *   when `object`, checks that all keys in test are in node, and that they have (strictly) equal values.
 *   *   when `array`, checks if any one of the subtests pass.
 * @returns {Check}
 *   An assertion.
 */
const convert =
  // Note: overloads in JSDoc can’t yet use different `@template`s.
  /**
   * @type {(
   *   (<Condition extends string>(test: Condition) => (node: unknown, index?: number | null | undefined, parent?: Parent | null | undefined, context?: unknown) => node is Node & {type: Condition}) &
   *   (<Condition extends Props>(test: Condition) => (node: unknown, index?: number | null | undefined, parent?: Parent | null | undefined, context?: unknown) => node is Node & Condition) &
   *   (<Condition extends TestFunction>(test: Condition) => (node: unknown, index?: number | null | undefined, parent?: Parent | null | undefined, context?: unknown) => node is Node & Predicate<Condition, Node>) &
   *   ((test?: null | undefined) => (node?: unknown, index?: number | null | undefined, parent?: Parent | null | undefined, context?: unknown) => node is Node) &
   *   ((test?: Test) => Check)
   * )}
   */
  (
    /**
     * @param {Test} [test]
     * @returns {Check}
     */
    function (test) {
      if (test === null || test === undefined) {
        return ok
      }

      if (typeof test === 'function') {
        return castFactory(test)
      }

      if (typeof test === 'object') {
        return Array.isArray(test)
          ? anyFactory(test)
          : // Cast because `ReadonlyArray` goes into the above but `isArray`
            // narrows to `Array`.
            propertiesFactory(/** @type {Props} */ (test))
      }

      if (typeof test === 'string') {
        return typeFactory(test)
      }

      throw new Error('Expected function, string, or object as test')
    }
  );

/**
 * @param {Array<Props | TestFunction | string>} tests
 * @returns {Check}
 */
function anyFactory(tests) {
  /** @type {Array<Check>} */
  const checks = [];
  let index = -1;

  while (++index < tests.length) {
    checks[index] = convert(tests[index]);
  }

  return castFactory(any)

  /**
   * @this {unknown}
   * @type {TestFunction}
   */
  function any(...parameters) {
    let index = -1;

    while (++index < checks.length) {
      if (checks[index].apply(this, parameters)) return true
    }

    return false
  }
}

/**
 * Turn an object into a test for a node with a certain fields.
 *
 * @param {Props} check
 * @returns {Check}
 */
function propertiesFactory(check) {
  const checkAsRecord = /** @type {Record<string, unknown>} */ (check);

  return castFactory(all)

  /**
   * @param {Node} node
   * @returns {boolean}
   */
  function all(node) {
    const nodeAsRecord = /** @type {Record<string, unknown>} */ (
      /** @type {unknown} */ (node)
    );

    /** @type {string} */
    let key;

    for (key in check) {
      if (nodeAsRecord[key] !== checkAsRecord[key]) return false
    }

    return true
  }
}

/**
 * Turn a string into a test for a node with a certain type.
 *
 * @param {string} check
 * @returns {Check}
 */
function typeFactory(check) {
  return castFactory(type)

  /**
   * @param {Node} node
   */
  function type(node) {
    return node && node.type === check
  }
}

/**
 * Turn a custom test into a test for a node that passes that test.
 *
 * @param {TestFunction} testFunction
 * @returns {Check}
 */
function castFactory(testFunction) {
  return check

  /**
   * @this {unknown}
   * @type {Check}
   */
  function check(value, index, parent) {
    return Boolean(
      looksLikeANode(value) &&
        testFunction.call(
          this,
          value,
          typeof index === 'number' ? index : undefined,
          parent || undefined
        )
    )
  }
}

function ok() {
  return true
}

/**
 * @param {unknown} value
 * @returns {value is Node}
 */
function looksLikeANode(value) {
  return value !== null && typeof value === 'object' && 'type' in value
}

/**
 * Color a string.
 *
 * @param {string} d
 *   Value.
 * @returns {string}
 *   Colored value.
 */
function color(d) {
  return '\u001B[33m' + d + '\u001B[39m'
}

/**
 * @import {Node as UnistNode, Parent as UnistParent} from 'unist'
 */


/** @type {Readonly<ActionTuple>} */
const empty = [];

/**
 * Continue traversing as normal.
 */
const CONTINUE = true;

/**
 * Stop traversing immediately.
 */
const EXIT = false;

/**
 * Do not traverse this node’s children.
 * Only works when entering a node.
 */
const SKIP = 'skip';

/**
 * Visit nodes, with ancestral information.
 *
 * This algorithm performs *depth-first* *tree traversal* in *preorder*
 * (**NLR**) or if `reverse` is given,
 * in *reverse preorder* (**NRL**).
 * An `exit` visitor is called in *postorder* (**LRN**)
 * or if `reverse` is given, in *reverse postorder* (**RLN**).
 *
 * You can choose which nodes are visited by passing a `test`.
 * For complex tests, you should test yourself in a visitor, as it will be
 * faster and will have improved type information.
 *
 * Walking the tree is an intensive task.
 * Make use of the return values of the visitor when possible.
 * Instead of walking a tree multiple times, walk it once, use `unist-util-is`
 * to check if a node matches, and then perform different operations.
 *
 * You can change the tree.
 * Changes inside a node made when entering it are walked,
 * changes made when exiting it are not.
 * See `Visitor` and `VisitorExit` for more info.
 *
 * @overload
 * @param {Tree} tree
 *   Tree to traverse.
 * @param {Check} check
 *   `unist-util-is`-compatible test.
 * @param {BuildVisitor<Tree, Check>} enter
 *   Handle each node when entering it.
 * @param {boolean | null | undefined} [reverse]
 *   Walk children from last to first;
 *   for `enter`, reverse preorder (NRL) instead of preorder (NLR);
 *   for `exit`, reverse postorder (RLN) instead of postorder (LRN).
 * @returns {undefined}
 *   Nothing.
 *
 * @overload
 * @param {Tree} tree
 *   Tree to traverse.
 * @param {Check} check
 *   `unist-util-is`-compatible test.
 * @param {BuildVisitors<Tree, Check>} visitors
 *   Handle each node when exiting it, and optionally when entering it.
 * @param {boolean | null | undefined} [reverse]
 *   Walk children from last to first;
 *   for `enter`, reverse preorder (NRL) instead of preorder (NLR);
 *   for `exit`, reverse postorder (RLN) instead of postorder (LRN).
 * @returns {undefined}
 *   Nothing.
 *
 * @overload
 * @param {Tree} tree
 *   Tree to traverse.
 * @param {BuildVisitor<Tree>} enter
 *   Handle each node when entering it.
 * @param {boolean | null | undefined} [reverse]
 *   Walk children from last to first;
 *   for `enter`, reverse preorder (NRL) instead of preorder (NLR);
 *   for `exit`, reverse postorder (RLN) instead of postorder (LRN).
 * @returns {undefined}
 *   Nothing.
 *
 * @overload
 * @param {Tree} tree
 *   Tree to traverse.
 * @param {BuildVisitors<Tree>} visitors
 *   Handle each node when exiting it, and optionally when entering it.
 * @param {boolean | null | undefined} [reverse]
 *   Walk children from last to first;
 *   for `enter`, reverse preorder (NRL) instead of preorder (NLR);
 *   for `exit`, reverse postorder (RLN) instead of postorder (LRN).
 * @returns {undefined}
 *   Nothing.
 *
 * @param {UnistNode} tree
 *   Tree to traverse.
 * @param {Visitor | Visitors | Test} testOrEnterOrVisitors
 *   `unist-util-is`-compatible test, `enter`, or `visitors`.
 * @param {Visitor | Visitors | boolean | null | undefined} [enterOrVisitorsOrReverse]
 *   `enter`, `visitors`, or `reverse` after a test.
 * @param {boolean | null | undefined} [reverse]
 *   Walk children from last to first;
 *   for `enter`, reverse preorder (NRL) instead of preorder (NLR);
 *   for `exit`, reverse postorder (RLN) instead of postorder (LRN).
 * @returns {undefined}
 *   Nothing.
 *
 * @template {UnistNode} Tree
 *   Node type.
 * @template {Test} Check
 *   `unist-util-is`-compatible test.
 */
function visitParents(
  tree,
  testOrEnterOrVisitors,
  enterOrVisitorsOrReverse,
  reverse
) {
  if (!tree || typeof tree !== 'object') {
    throw new Error('Unexpected value `' + tree + '` for `tree`, expected node')
  }

  let preorder = true;
  /** @type {Test} */
  let check;
  /** @type {Visitors | Visitor} */
  let visitors;
  /** @type {Visitor | null | undefined} */
  let enter;
  /** @type {VisitorExit | null | undefined} */
  let exit;

  // Third parameter is an enter visitor or a visitors object, so expect a `test` too.
  if (
    typeof enterOrVisitorsOrReverse === 'function' ||
    (enterOrVisitorsOrReverse && typeof enterOrVisitorsOrReverse === 'object')
  ) {
    check = /** @type {Test} */ (testOrEnterOrVisitors);
    visitors = enterOrVisitorsOrReverse;
    if (reverse) preorder = false;
  }
  // Assume no test.
  else {
    visitors = /** @type {Visitors | Visitor} */ (testOrEnterOrVisitors);
    if (enterOrVisitorsOrReverse) preorder = false;
  }

  if (typeof visitors === 'function') {
    enter = visitors;
  } else if (visitors && typeof visitors === 'object') {
    if (visitors.enter === null || visitors.enter === undefined) ; else if (typeof visitors.enter === 'function') {
      enter = visitors.enter;
    } else {
      throw new Error(
        'Unexpected value `' +
          visitors.enter +
          '` for `visitors.enter`, expected optional visitor'
      )
    }

    if (typeof visitors.exit === 'function') {
      exit = visitors.exit;
    } else {
      throw new Error(
        'Unexpected value `' +
          visitors.exit +
          '` for `visitors.exit`, expected visitor (pass a visitor directly if you only want an enter visitor)'
      )
    }
  } else {
    throw new Error(
      'Unexpected value `' +
        visitors +
        '` for `enter` or `visitors`, expected visitor or object with visitors'
    )
  }

  const is = convert(check);
  const step = preorder ? 1 : -1;

  factory(tree, undefined, [])();

  /**
   * Create a function to visit a node.
   *
   * @param {UnistNode} node
   *   Node to visit.
   * @param {number | undefined} index
   *   Index of `node` in its parent.
   * @param {Array<UnistParent>} parents
   *   Ancestors of `node`.
   * @returns {() => Readonly<ActionTuple>}
   *   Visit `node`.
   */
  function factory(node, index, parents) {
    const value = /** @type {Record<string, unknown>} */ (
      node && typeof node === 'object' ? node : {}
    );

    if (typeof value.type === 'string') {
      const name =
        // `hast`
        typeof value.tagName === 'string'
          ? value.tagName
          : // `xast`
            typeof value.name === 'string'
            ? value.name
            : undefined;

      Object.defineProperty(visit, 'name', {
        value:
          'node (' + color(node.type + (name ? '<' + name + '>' : '')) + ')'
      });
    }

    return visit

    function visit() {
      const matches =
        !check || is(node, index, parents[parents.length - 1] || undefined);
      /** @type {Readonly<ActionTuple>} */
      let result = empty;

      if (enter && matches) {
        result = toResult(enter(node, parents, index));

        if (result[0] === EXIT) {
          return result
        }
      }

      if ('children' in node && node.children) {
        const nodeAsParent = /** @type {UnistParent} */ (node);

        if (nodeAsParent.children && result[0] !== SKIP) {
          let offset = (preorder ? -1 : nodeAsParent.children.length) + step;
          const grandparents = [...parents, nodeAsParent];

          while (offset > -1 && offset < nodeAsParent.children.length) {
            const child = nodeAsParent.children[offset];

            const subresult = factory(child, offset, grandparents)();

            if (subresult[0] === EXIT) {
              return subresult
            }

            offset =
              typeof subresult[1] === 'number' ? subresult[1] : offset + step;
          }
        }
      }

      if (exit && matches) {
        const exitResult = toResult(exit(node, parents, index));

        if (exitResult[0] === SKIP) {
          throw new Error(
            'Unexpected value `' +
              exitResult[0] +
              '` from `exit`, expected `CONTINUE`, `EXIT`, index, or nothing'
          )
        }

        // Prefer a result from `exit` over `enter`.
        if (exitResult[0] === EXIT || typeof exitResult[1] === 'number') {
          return exitResult
        }
      }

      return result
    }
  }
}

/**
 * Turn a return value into a clean result.
 *
 * @param {VisitorResult} value
 *   Valid return values from visitors.
 * @returns {Readonly<ActionTuple>}
 *   Clean result.
 */
function toResult(value) {
  if (Array.isArray(value)) {
    return value
  }

  if (typeof value === 'number') {
    return [CONTINUE, value]
  }

  return value === null || value === undefined ? empty : [value]
}

/**
 * @import {Nodes, Parents, PhrasingContent, Root, Text} from 'mdast'
 * @import {BuildVisitor, Test, VisitorResult} from 'unist-util-visit-parents'
 */


/**
 * Find patterns in a tree and replace them.
 *
 * The algorithm searches the tree in *preorder* for complete values in `Text`
 * nodes.
 * Partial matches are not supported.
 *
 * @param {Nodes} tree
 *   Tree to change.
 * @param {FindAndReplaceList | FindAndReplaceTuple} list
 *   Patterns to find.
 * @param {Options | null | undefined} [options]
 *   Configuration (optional).
 * @returns {undefined}
 *   Nothing.
 */
function findAndReplace(tree, list, options) {
  const settings = options || {};
  const ignored = convert(settings.ignore || []);
  const pairs = toPairs(list);
  let pairIndex = -1;

  while (++pairIndex < pairs.length) {
    visitParents(tree, visitor);
  }

  /**
   * Handle text nodes and skip ignored nodes.
   *
   * @type {BuildVisitor<Root>}
   */
  function visitor(node, parents, index) {
    if (node.type === 'text' && typeof index === 'number') {
      return handler(node, parents, index)
    }

    if (ignored(node, index, parents[parents.length - 1])) return SKIP
  }

  /**
   * Handle a text node which is not in an ignored parent.
   *
   * @param {Text} node
   *   Text node to search in.
   * @param {Array<Parents>} parents
   *   Ancestors of `node`.
   * @param {number} index
   *   Index of `node` in its parent.
   * @returns {VisitorResult}
   *   Where to continue visiting.
   */
  function handler(node, parents, index) {
    const parent = parents[parents.length - 1];
    const find = pairs[pairIndex][0];
    const replace = pairs[pairIndex][1];
    let start = 0;
    let change = false;
    /** @type {Array<PhrasingContent>} */
    let nodes = [];

    find.lastIndex = 0;

    let match = find.exec(node.value);

    while (match) {
      const position = match.index;
      /** @type {RegExpMatchObject} */
      const matchObject = {
        index: match.index,
        input: match.input,
        stack: [...parents, node]
      };
      let value = replace(...match, matchObject);

      if (typeof value === 'string') {
        value = value.length > 0 ? {type: 'text', value} : undefined;
      }

      // It wasn’t a match after all.
      if (value === false) {
        // False acts as if there was no match.
        // So we need to reset `lastIndex`, which currently being at the end of
        // the current match, to the beginning.
        find.lastIndex = position + 1;
      } else {
        if (start !== position) {
          add({type: 'text', value: node.value.slice(start, position)});
        }

        if (Array.isArray(value)) {
          for (const child of value) add(child);
        } else if (value) {
          add(value);
        }

        start = position + match[0].length;
        change = true;
      }

      if (!find.global) {
        break
      }

      match = find.exec(node.value);
    }

    if (change) {
      if (start < node.value.length) {
        add({type: 'text', value: node.value.slice(start)});
      }

      parent.children.splice(index, 1, ...nodes);
    } else {
      nodes = [node];
    }

    return index + nodes.length

    /**
     * Add a node.
     *
     * @param {PhrasingContent} child
     *   Node to add.
     * @returns {undefined}
     *   Nothing.
     */
    function add(child) {
      const previous = nodes[nodes.length - 1];

      if (previous && previous.type === 'text' && child.type === 'text') {
        previous.value += child.value;
      } else {
        nodes.push(child);
      }
    }
  }
}

/**
 * Turn a tuple or a list of tuples into pairs.
 *
 * @param {FindAndReplaceList | FindAndReplaceTuple} tupleOrList
 *   Schema.
 * @returns {Pairs}
 *   Clean pairs.
 */
function toPairs(tupleOrList) {
  if (!Array.isArray(tupleOrList)) {
    throw new TypeError('Expected find and replace tuple or list of tuples')
  }

  /** @type {Pairs} */
  const result = [];

  const list =
    !tupleOrList[0] || Array.isArray(tupleOrList[0])
      ? /** @type {FindAndReplaceList} */ (tupleOrList)
      : [/** @type {FindAndReplaceTuple} */ (tupleOrList)];

  let index = -1;

  while (++index < list.length) {
    const tuple = list[index];
    result.push([toExpression(tuple[0]), toFunction(tuple[1])]);
  }

  return result
}

/**
 * Turn a find into an expression.
 *
 * @param {Find} find
 *   Pattern to find.
 * @returns {RegExp}
 *   Global expression.
 */
function toExpression(find) {
  return typeof find === 'string' ? new RegExp(escapeStringRegexp(find), 'g') : find
}

/**
 * Turn a replace into a function.
 *
 * @param {Replace} replace
 *   Thing to replace with.
 * @returns {ReplaceFunction}
 *   Function that returns that thing.
 */
function toFunction(replace) {
  return typeof replace === 'function'
    ? replace
    : function () {
        return replace
      }
}

/**
 * @import {RegExpMatchObject, ReplaceFunction} from 'mdast-util-find-and-replace'
 * @import {CompileContext, Extension as FromMarkdownExtension, Handle as FromMarkdownHandle, Transform as FromMarkdownTransform} from 'mdast-util-from-markdown'
 * @import {ConstructName, Options as ToMarkdownExtension} from 'mdast-util-to-markdown'
 * @import {Link, PhrasingContent} from 'mdast'
 */


/** @type {ConstructName} */
const inConstruct = 'phrasing';
/** @type {Array<ConstructName>} */
const notInConstruct = ['autolink', 'link', 'image', 'label'];

/**
 * Create an extension for `mdast-util-from-markdown` to enable GFM autolink
 * literals in markdown.
 *
 * @returns {FromMarkdownExtension}
 *   Extension for `mdast-util-to-markdown` to enable GFM autolink literals.
 */
function gfmAutolinkLiteralFromMarkdown() {
  return {
    transforms: [transformGfmAutolinkLiterals],
    enter: {
      literalAutolink: enterLiteralAutolink,
      literalAutolinkEmail: enterLiteralAutolinkValue,
      literalAutolinkHttp: enterLiteralAutolinkValue,
      literalAutolinkWww: enterLiteralAutolinkValue
    },
    exit: {
      literalAutolink: exitLiteralAutolink,
      literalAutolinkEmail: exitLiteralAutolinkEmail,
      literalAutolinkHttp: exitLiteralAutolinkHttp,
      literalAutolinkWww: exitLiteralAutolinkWww
    }
  }
}

/**
 * Create an extension for `mdast-util-to-markdown` to enable GFM autolink
 * literals in markdown.
 *
 * @returns {ToMarkdownExtension}
 *   Extension for `mdast-util-to-markdown` to enable GFM autolink literals.
 */
function gfmAutolinkLiteralToMarkdown() {
  return {
    unsafe: [
      {
        character: '@',
        before: '[+\\-.\\w]',
        after: '[\\-.\\w]',
        inConstruct,
        notInConstruct
      },
      {
        character: '.',
        before: '[Ww]',
        after: '[\\-.\\w]',
        inConstruct,
        notInConstruct
      },
      {
        character: ':',
        before: '[ps]',
        after: '\\/',
        inConstruct,
        notInConstruct
      }
    ]
  }
}

/**
 * Handle the start of an autolink literal.
 *
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function enterLiteralAutolink(token) {
  this.enter(
    {type: 'link', title: null, url: '', children: [], position: undefined},
    token
  );
}

/**
 * Handle the start of an autolink literal value.
 *
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function enterLiteralAutolinkValue(token) {
  this.config.enter.autolinkProtocol.call(this, token);
}

/**
 * Handle the end of an HTTP autolink literal value.
 *
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function exitLiteralAutolinkHttp(token) {
  this.config.exit.autolinkProtocol.call(this, token);
}

/**
 * Handle the end of a `www` autolink literal value.
 *
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function exitLiteralAutolinkWww(token) {
  this.config.exit.data.call(this, token);
  const node = this.stack[this.stack.length - 1];
  ok$1(node.type === 'link');
  node.url = 'http://' + this.sliceSerialize(token);
}

/**
 * Handle the end of an email autolink literal value.
 *
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function exitLiteralAutolinkEmail(token) {
  this.config.exit.autolinkEmail.call(this, token);
}

/**
 * Handle the end of an autolink literal.
 *
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function exitLiteralAutolink(token) {
  this.exit(token);
}

/**
 * Find autolink literals in text and turn them into links.
 *
 * @type {FromMarkdownTransform}
 */
function transformGfmAutolinkLiterals(tree) {
  findAndReplace(
    tree,
    [
      [
        /(?<![\da-z])(https?:\/\/|www(?=\.))([\w-]*\.[\w\-.]*)([^\t\n\r ]*)/gi,
        findUrl
      ],
      [
        /(?<![\w+\-.@])xmpp:([\w+\-.]+)@([\w-]+(?:\.[\w-]+)+)(\/(?:[\w\-/]|\.(?=[\dA-Za-z]))*)?/g,
        findXmpp
      ],
      [/(?<![\w+\-.@])mailto:([\w+\-.]+)@([\w-]+(?:\.[\w-]+)+)/g, findMailto],
      [
        /(?<![\w+\-.]|(?:^|[^\d@A-Za-z])(?:mailto|xmpp):)([\w+\-.]+)@([\w-]+(?:\.[\w-]+)+)/g,
        findEmail
      ]
    ],
    {ignore: ['link', 'linkReference']}
  );
}

/**
 * Turn a URL match into a link.
 *
 * @type {ReplaceFunction}
 * @param {string} _
 *   Whole match.
 * @param {string} protocol
 *   Protocol (`http://`, `https://`) or `www`.
 * @param {string} domain
 *   Host name, up to the path.
 * @param {string} path
 *   Path, query, and fragment.
 * @param {RegExpMatchObject} match
 *   Match object.
 * @returns {Array<PhrasingContent> | Link | false}
 *   Link, link and trailing text, or `false` if not a URL.
 */
function findUrl(_, protocol, domain, path, match) {
  // Not an expected previous character.
  if (!previous(match)) {
    return false
  }

  let prefix = '';

  // Treat `www` as part of the domain.
  if (/^w/i.test(protocol)) {
    domain = protocol + domain;
    protocol = '';
    prefix = 'http://';
  }

  if (unicodePunctuation(domain.charCodeAt(0)) || !isCorrectDomain(domain)) {
    return false
  }

  const parts = splitUrl(domain + path);

  /** @type {Link} */
  const result = {
    type: 'link',
    title: null,
    url: prefix + protocol + parts[0],
    children: [{type: 'text', value: protocol + parts[0], position: undefined}],
    position: undefined
  };

  if (parts[1]) {
    return [result, {type: 'text', value: parts[1], position: undefined}]
  }

  return result
}

/**
 * Turn an email match into a link.
 *
 * @type {ReplaceFunction}
 * @param {string} _
 *   Whole match.
 * @param {string} atext
 *   Local part.
 * @param {string} label
 *   Domain.
 * @returns {Link | false}
 *   Link, or `false` if not an email.
 */
function findEmail(_, atext, label) {
  if (/[\d\-_]$/.test(label)) {
    return false
  }

  return {
    type: 'link',
    title: null,
    url: 'mailto:' + atext + '@' + label,
    children: [{type: 'text', value: atext + '@' + label, position: undefined}],
    position: undefined
  }
}

/**
 * Turn a `mailto:` email match into a link.
 *
 * @type {ReplaceFunction}
 * @param {string} _
 *   Whole match.
 * @param {string} atext
 *   Local part.
 * @param {string} label
 *   Domain.
 * @returns {Link | false}
 *   Link, or `false` if not an email.
 */
function findMailto(_, atext, label) {
  if (/[\d\-_]$/.test(label)) {
    return false
  }

  const value = 'mailto:' + atext + '@' + label;

  return {
    type: 'link',
    title: null,
    url: value,
    children: [{type: 'text', value, position: undefined}],
    position: undefined
  }
}

/**
 * Turn an `xmpp:` address match into a link.
 *
 * @type {ReplaceFunction}
 * @param {string} matchValue
 *   Whole match.
 * @param {string} atext
 *   Local part.
 * @param {string} label
 *   Domain.
 * @param {string | undefined} resource
 *   Resource (`/` and more), if any.
 * @param {RegExpMatchObject} match
 *   Match object.
 * @returns {Link | false}
 *   Link, or `false` if not an address.
 */
function findXmpp(matchValue, atext, label, resource, match) {
  if (
    /[\d\-_]$/.test(label) ||
    (resource &&
      (!/[A-Za-z]$/.test(resource) ||
        match.input.charAt(match.index + matchValue.length) === '@'))
  ) {
    return false
  }

  const value = 'xmpp:' + atext + '@' + label + (resource || '');

  return {
    type: 'link',
    title: null,
    url: value,
    children: [{type: 'text', value, position: undefined}],
    position: undefined
  }
}

/**
 * Check if a domain is valid.
 *
 * @param {string} domain
 *   Host name to check.
 * @returns {boolean}
 *   Whether the domain is valid.
 */
function isCorrectDomain(domain) {
  const parts = domain.split('.');

  if (
    parts.length < 2 ||
    (parts[parts.length - 1] &&
      (/_/.test(parts[parts.length - 1]) ||
        !/[\dA-Za-z]/.test(parts[parts.length - 1]))) ||
    (parts[parts.length - 2] &&
      (/_/.test(parts[parts.length - 2]) ||
        !/[\dA-Za-z]/.test(parts[parts.length - 2])))
  ) {
    return false
  }

  return true
}

/**
 * Split trailing punctuation off a URL.
 *
 * @param {string} url
 *   Value to split.
 * @returns {[string, string | undefined]}
 *   URL and trailing punctuation, if any.
 */
function splitUrl(url) {
  let index = url.length;

  while (index > 0) {
    const code = url.charCodeAt(index - 1);

    if (
      code === 33 /* `!` */ ||
      code === 34 /* `"` */ ||
      code === 38 /* `&` */ ||
      code === 39 /* `'` */ ||
      code === 41 /* `)` */ ||
      code === 44 /* `,` */ ||
      code === 46 /* `.` */ ||
      code === 58 /* `:` */ ||
      code === 59 /* `;` */ ||
      code === 60 /* `<` */ ||
      code === 62 /* `>` */ ||
      code === 63 /* `?` */ ||
      code === 93 /* `]` */ ||
      code === 125 /* `}` */
    ) {
      index--;
    } else {
      break
    }
  }

  if (index === url.length) {
    return [url, undefined]
  }

  let trail = url.slice(index);
  url = url.slice(0, index);
  let closingParenIndex = trail.indexOf(')');
  const openingParens = ccount(url, '(');
  let closingParens = ccount(url, ')');

  while (closingParenIndex !== -1 && openingParens > closingParens) {
    url += trail.slice(0, closingParenIndex + 1);
    trail = trail.slice(closingParenIndex + 1);
    closingParenIndex = trail.indexOf(')');
    closingParens++;
  }

  return [url, trail]
}

/**
 * Check if the character before a match is allowed.
 *
 * @param {RegExpMatchObject} match
 *   Match object.
 * @returns {boolean}
 *   Whether the previous character is allowed.
 */
function previous(match) {
  const code = match.input.charCodeAt(match.index - 1);

  return (
    match.index === 0 || unicodeWhitespace(code) || unicodePunctuation(code)
  )
}

/**
 * Normalize an identifier (as found in references, definitions).
 *
 * Collapses markdown whitespace, trim, and then lower- and uppercase.
 *
 * Some characters are considered “uppercase”, such as U+03F4 (`ϴ`), but if their
 * lowercase counterpart (U+03B8 (`θ`)) is uppercased will result in a different
 * uppercase character (U+0398 (`Θ`)).
 * So, to get a canonical form, we perform both lower- and uppercase.
 *
 * Using uppercase last makes sure keys will never interact with default
 * prototypal values (such as `constructor`): nothing in the prototype of
 * `Object` is uppercase.
 *
 * @param {string} value
 *   Identifier to normalize.
 * @returns {string}
 *   Normalized identifier.
 */
function normalizeIdentifier(value) {
  return value
  // Collapse markdown whitespace.
  .replace(/[\t\n\r ]+/g, " ")
  // Trim.
  .replace(/^ | $/g, '')
  // Some characters are considered “uppercase”, but if their lowercase
  // counterpart is uppercased will result in a different uppercase
  // character.
  // Hence, to get that form, we perform both lower- and uppercase.
  // Upper case makes sure keys will not interact with default prototypal
  // methods: no method is uppercase.
  .toLowerCase().toUpperCase();
}

/**
 * @import {
 *   CompileContext,
 *   Extension as FromMarkdownExtension,
 *   Handle as FromMarkdownHandle
 * } from 'mdast-util-from-markdown'
 * @import {ToMarkdownOptions} from 'mdast-util-gfm-footnote'
 * @import {
 *   Handle as ToMarkdownHandle,
 *   Map,
 *   Options as ToMarkdownExtension
 * } from 'mdast-util-to-markdown'
 * @import {FootnoteDefinition, FootnoteReference} from 'mdast'
 */


footnoteReference.peek = footnoteReferencePeek;

/**
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function enterFootnoteCallString() {
  this.buffer();
}

/**
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function enterFootnoteCall(token) {
  this.enter({type: 'footnoteReference', identifier: '', label: ''}, token);
}

/**
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function enterFootnoteDefinitionLabelString() {
  this.buffer();
}

/**
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function enterFootnoteDefinition(token) {
  this.enter(
    {type: 'footnoteDefinition', identifier: '', label: '', children: []},
    token
  );
}

/**
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function exitFootnoteCallString(token) {
  const label = this.resume();
  const node = this.stack[this.stack.length - 1];
  ok$1(node.type === 'footnoteReference');
  node.identifier = normalizeIdentifier(
    this.sliceSerialize(token)
  ).toLowerCase();
  node.label = label;
}

/**
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function exitFootnoteCall(token) {
  this.exit(token);
}

/**
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function exitFootnoteDefinitionLabelString(token) {
  const label = this.resume();
  const node = this.stack[this.stack.length - 1];
  ok$1(node.type === 'footnoteDefinition');
  node.identifier = normalizeIdentifier(
    this.sliceSerialize(token)
  ).toLowerCase();
  node.label = label;
}

/**
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function exitFootnoteDefinition(token) {
  this.exit(token);
}

/** @type {ToMarkdownHandle} */
function footnoteReferencePeek() {
  return '['
}

/**
 * @type {ToMarkdownHandle}
 * @param {FootnoteReference} node
 */
function footnoteReference(node, _, state, info) {
  const tracker = state.createTracker(info);
  let value = tracker.move('[^');
  const exit = state.enter('footnoteReference');
  const subexit = state.enter('reference');
  value += tracker.move(
    state.safe(state.associationId(node), {after: ']', before: value})
  );
  subexit();
  exit();
  value += tracker.move(']');
  return value
}

/**
 * Create an extension for `mdast-util-from-markdown` to enable GFM footnotes
 * in markdown.
 *
 * @returns {FromMarkdownExtension}
 *   Extension for `mdast-util-from-markdown`.
 */
function gfmFootnoteFromMarkdown() {
  return {
    enter: {
      gfmFootnoteCallString: enterFootnoteCallString,
      gfmFootnoteCall: enterFootnoteCall,
      gfmFootnoteDefinitionLabelString: enterFootnoteDefinitionLabelString,
      gfmFootnoteDefinition: enterFootnoteDefinition
    },
    exit: {
      gfmFootnoteCallString: exitFootnoteCallString,
      gfmFootnoteCall: exitFootnoteCall,
      gfmFootnoteDefinitionLabelString: exitFootnoteDefinitionLabelString,
      gfmFootnoteDefinition: exitFootnoteDefinition
    }
  }
}

/**
 * Create an extension for `mdast-util-to-markdown` to enable GFM footnotes
 * in markdown.
 *
 * @param {ToMarkdownOptions | null | undefined} [options]
 *   Configuration (optional).
 * @returns {ToMarkdownExtension}
 *   Extension for `mdast-util-to-markdown`.
 */
function gfmFootnoteToMarkdown(options) {
  // To do: next major: change default.
  let firstLineBlank = false;

  if (options && options.firstLineBlank) {
    firstLineBlank = true;
  }

  return {
    handlers: {footnoteDefinition, footnoteReference},
    // This is on by default already.
    unsafe: [{character: '[', inConstruct: ['label', 'phrasing', 'reference']}]
  }

  /**
   * @type {ToMarkdownHandle}
   * @param {FootnoteDefinition} node
   */
  function footnoteDefinition(node, _, state, info) {
    const tracker = state.createTracker(info);
    let value = tracker.move('[^');
    const exit = state.enter('footnoteDefinition');
    const subexit = state.enter('label');
    value += tracker.move(
      state.safe(state.associationId(node), {before: value, after: ']'})
    );
    subexit();

    value += tracker.move(']:');

    if (node.children && node.children.length > 0) {
      tracker.shift(4);

      value += tracker.move(
        (firstLineBlank ? '\n' : ' ') +
          state.indentLines(
            state.containerFlow(node, tracker.current()),
            firstLineBlank ? mapAll : mapExceptFirst
          )
      );
    }

    exit();

    return value
  }
}

/** @type {Map} */
function mapExceptFirst(line, index, blank) {
  return index === 0 ? line : mapAll(line, index, blank)
}

/** @type {Map} */
function mapAll(line, index, blank) {
  return (blank ? '' : '    ') + line
}

/**
 * @import {Delete} from 'mdast'
 * @import {
 *   CompileContext,
 *   Extension as FromMarkdownExtension,
 *   Handle as FromMarkdownHandle
 * } from 'mdast-util-from-markdown'
 * @import {
 *   Attention,
 *   ConstructName,
 *   Handle as ToMarkdownHandle,
 *   Options as ToMarkdownExtension
 * } from 'mdast-util-to-markdown'
 */

/**
 * List of constructs that occur in phrasing (paragraphs, headings), but cannot
 * contain strikethrough.
 * So they sort of cancel each other out.
 * Note: could use a better name.
 *
 * Note: keep in sync with: <https://github.com/syntax-tree/mdast-util-to-markdown/blob/8ce8dbf/lib/unsafe.js#L14>
 *
 * @type {Array<ConstructName>}
 */
const constructsWithoutStrikethrough = [
  'autolink',
  'destinationLiteral',
  'destinationRaw',
  'reference',
  'titleQuote',
  'titleApostrophe'
];

handleDelete.attention = attentionDelete;
handleDelete.peek = peekDelete;

/**
 * Create an extension for `mdast-util-from-markdown` to enable GFM
 * strikethrough in markdown.
 *
 * @returns {FromMarkdownExtension}
 *   Extension for `mdast-util-from-markdown` to enable GFM strikethrough.
 */
function gfmStrikethroughFromMarkdown() {
  return {
    canContainEols: ['delete'],
    enter: {strikethrough: enterStrikethrough},
    exit: {strikethrough: exitStrikethrough}
  }
}

/**
 * Create an extension for `mdast-util-to-markdown` to enable GFM
 * strikethrough in markdown.
 *
 * @returns {ToMarkdownExtension}
 *   Extension for `mdast-util-to-markdown` to enable GFM strikethrough.
 */
function gfmStrikethroughToMarkdown() {
  return {
    handlers: {delete: handleDelete},
    unsafe: [
      {
        character: '~',
        inConstruct: 'phrasing',
        notInConstruct: constructsWithoutStrikethrough
      }
    ]
  }
}

/**
 * Enter strikethrough.
 *
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function enterStrikethrough(token) {
  this.enter({type: 'delete', children: [], position: undefined}, token);
}

/**
 * Exit strikethrough.
 *
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function exitStrikethrough(token) {
  this.exit(token);
}

/**
 * Serialize a delete node.
 *
 * @type {ToMarkdownHandle}
 * @param {Delete} node
 *   Node to serialize.
 */
function handleDelete(node, _, state, info) {
  // To do: next major: empty this function, like emphasis and strong handlers,
  // this is no longer needed.
  const tracker = state.createTracker(info);
  const sequence = state.stack.includes('strikethrough') ? '~' : '~~';
  const exit = state.enter('strikethrough');
  let value = tracker.move(sequence);
  value += state.containerPhrasing(node, {
    ...tracker.current(),
    before: value,
    after: '~'
  });
  value += tracker.move(sequence);
  exit();
  return value
}

/**
 * Serialize a delete node as attention.
 *
 * @type {Attention}
 */
function attentionDelete() {
  return {construct: 'strikethrough', markers: ['~'], sizes: [2, 1]}
}

/**
 * Peek the first character of a delete node.
 *
 * @type {ToMarkdownHandle}
 */
function peekDelete() {
  return '~'
}

// To do: next major: remove.
/**
 * @typedef {Options} MarkdownTableOptions
 *   Configuration.
 */

/**
 * @typedef Options
 *   Configuration.
 * @property {boolean | null | undefined} [alignDelimiters=true]
 *   Whether to align the delimiters (default: `true`);
 *   they are aligned by default:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   Pass `false` to make them staggered:
 *
 *   ```markdown
 *   | Alpha | B |
 *   | - | - |
 *   | C | Delta |
 *   ```
 * @property {ReadonlyArray<string | null | undefined> | string | null | undefined} [align]
 *   How to align columns (default: `''`);
 *   one style for all columns or styles for their respective columns;
 *   each style is either `'l'` (left), `'r'` (right), or `'c'` (center);
 *   other values are treated as `''`, which doesn’t place the colon in the
 *   alignment row but does align left;
 *   *only the lowercased first character is used, so `Right` is fine.*
 * @property {boolean | null | undefined} [delimiterEnd=true]
 *   Whether to end each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B
 *   | ----- | -----
 *   | C     | Delta
 *   ```
 * @property {boolean | null | undefined} [fillRows=true]
 *   Whether to fill rows with empty cells up to the most cells in a row
 *   (default: `true`).
 *
 *   When `true`, all rows have as many cells as the longest row:
 *
 *   ```markdown
 *   | Alpha | B    |   |
 *   | ----- | ---- | - |
 *   | C     |      |   |
 *   | D     | Echo | F |
 *   ```
 *
 *   When `false`, rows keep their cells,
 *   and the delimiter row has as many cells as the header row:
 *
 *   ```markdown
 *   | Alpha | B    |
 *   | ----- | ---- |
 *   | C     |
 *   | D     | Echo | F |
 *   ```
 * @property {boolean | null | undefined} [delimiterStart=true]
 *   Whether to begin each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are starting delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no starting delimiters:
 *
 *   ```markdown
 *   Alpha | B     |
 *   ----- | ----- |
 *   C     | Delta |
 *   ```
 * @property {boolean | null | undefined} [padding=true]
 *   Whether to add a space of padding between delimiters and cells
 *   (default: `true`).
 *
 *   When `true`, there is padding:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there is no padding:
 *
 *   ```markdown
 *   |Alpha|B    |
 *   |-----|-----|
 *   |C    |Delta|
 *   ```
 * @property {((value: string) => number) | null | undefined} [stringLength]
 *   Function to detect the length of table cell content (optional);
 *   this is used when aligning the delimiters (`|`) between table cells;
 *   full-width characters and emoji mess up delimiter alignment when viewing
 *   the markdown source;
 *   to fix this, you can pass this function,
 *   which receives the cell content and returns its “visible” size;
 *   note that what is and isn’t visible depends on where the text is displayed.
 *
 *   Without such a function, the following:
 *
 *   ```js
 *   markdownTable([
 *     ['Alpha', 'Bravo'],
 *     ['中文', 'Charlie'],
 *     ['👩‍❤️‍👩', 'Delta']
 *   ])
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo |
 *   | - | - |
 *   | 中文 | Charlie |
 *   | 👩‍❤️‍👩 | Delta |
 *   ```
 *
 *   With [`string-width`](https://github.com/sindresorhus/string-width):
 *
 *   ```js
 *   import stringWidth from 'string-width'
 *
 *   markdownTable(
 *     [
 *       ['Alpha', 'Bravo'],
 *       ['中文', 'Charlie'],
 *       ['👩‍❤️‍👩', 'Delta']
 *     ],
 *     {stringLength: stringWidth}
 *   )
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo   |
 *   | ----- | ------- |
 *   | 中文  | Charlie |
 *   | 👩‍❤️‍👩    | Delta   |
 *   ```
 */

/**
 * Get the length of a cell.
 *
 * @param {string} value
 *   Cell value.
 * @returns {number}
 *   Cell size.
 */
function defaultStringLength(value) {
  return value.length
}

/**
 * Generate a markdown
 * ([GFM](https://docs.github.com/en/github/writing-on-github/working-with-advanced-formatting/organizing-information-with-tables))
 * table.
 *
 * @param {ReadonlyArray<ReadonlyArray<string | null | undefined>>} table
 *   Table data (matrix of strings).
 * @param {Readonly<Options> | null | undefined} [options]
 *   Configuration (optional).
 * @returns {string}
 *   Result.
 */
function markdownTable(table, options) {
  const settings = options || {};
  // To do: next major: change to spread.
  // eslint-disable-next-line unicorn/prefer-spread -- `align` can be a string.
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  /** @type {Array<number>} Character codes as symbols for alignment per column. */
  const alignments = [];
  /** @type {Array<Array<string>>} Cells per row. */
  const cellMatrix = [];
  /** @type {Array<Array<number>>} Sizes of each cell per row. */
  const sizeMatrix = [];
  /** @type {Array<number>} */
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;

  // This is a superfluous loop if we don’t align delimiters, but otherwise we’d
  // do superfluous work when aligning, so optimize for aligning.
  while (++rowIndex < table.length) {
    /** @type {Array<string>} */
    const row = [];
    /** @type {Array<number>} */
    const sizes = [];
    let columnIndex = -1;

    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length;
    }

    while (++columnIndex < table[rowIndex].length) {
      const cell = serialize$1(table[rowIndex][columnIndex]);

      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes[columnIndex] = size;

        if (
          longestCellByColumn[columnIndex] === undefined ||
          size > longestCellByColumn[columnIndex]
        ) {
          longestCellByColumn[columnIndex] = size;
        }
      }

      row.push(cell);
    }

    cellMatrix[rowIndex] = row;
    sizeMatrix[rowIndex] = sizes;
  }

  // Figure out which alignments to use.
  let columnIndex = -1;

  if (typeof align === 'object' && 'length' in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code = toAlignment(align);

    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }

  // Inject the alignment row.
  columnIndex = -1;
  /** @type {Array<string>} */
  const row = [];
  /** @type {Array<number>} */
  const sizes = [];

  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = '';
    let after = '';

    if (code === 99 /* `c` */) {
      before = ':';
      after = ':';
    } else if (code === 108 /* `l` */) {
      before = ':';
    } else if (code === 114 /* `r` */) {
      after = ':';
    }

    // There *must* be at least one hyphen-minus in each alignment cell.
    let size =
      settings.alignDelimiters === false
        ? 1
        : Math.max(
            1,
            longestCellByColumn[columnIndex] - before.length - after.length
          );

    const cell = before + '-'.repeat(size) + after;

    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;

      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }

      sizes[columnIndex] = size;
    }

    row[columnIndex] = cell;
  }

  // Inject the alignment row.
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);

  rowIndex = -1;
  /** @type {Array<string>} */
  const lines = [];

  while (++rowIndex < cellMatrix.length) {
    const row = cellMatrix[rowIndex];
    const sizes = sizeMatrix[rowIndex];
    const cellsInRow =
      settings.fillRows === false
        ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length)
        : mostCellsPerRow;
    columnIndex = -1;
    /** @type {Array<string>} */
    const line = [];

    while (++columnIndex < cellsInRow) {
      const cell = row[columnIndex] || '';
      let before = '';
      let after = '';

      if (settings.alignDelimiters !== false) {
        const size =
          longestCellByColumn[columnIndex] - (sizes[columnIndex] || 0);
        const code = alignments[columnIndex];

        if (code === 114 /* `r` */) {
          before = ' '.repeat(size);
        } else if (code === 99 /* `c` */) {
          const half = size / 2;

          if (size % 2) {
            before = ' '.repeat(half + 0.5);
            after = ' '.repeat(half - 0.5);
          } else {
            before = ' '.repeat(half);
            after = before;
          }
        } else {
          after = ' '.repeat(size);
        }
      }

      if (settings.delimiterStart !== false && !columnIndex) {
        line.push('|');
      }

      if (
        settings.padding !== false &&
        // Don’t add the opening space if we’re not aligning and the cell is
        // empty: there will be a closing space.
        !(settings.alignDelimiters === false && cell === '') &&
        (settings.delimiterStart !== false || columnIndex)
      ) {
        line.push(' ');
      }

      if (settings.alignDelimiters !== false) {
        line.push(before);
      }

      line.push(cell);

      if (settings.alignDelimiters !== false) {
        line.push(after);
      }

      if (settings.padding !== false) {
        line.push(' ');
      }

      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push('|');
      }
    }

    lines.push(
      settings.delimiterEnd === false
        ? line.join('').replace(/ +$/, '')
        : line.join('')
    );
  }

  return lines.join('\n')
}

/**
 * Serialize a cell value.
 *
 * @param {string | null | undefined} [value]
 *   Value to serialize.
 * @returns {string}
 *   Result.
 */
function serialize$1(value) {
  return value === null || value === undefined ? '' : String(value)
}

/**
 * Get the alignment character code from a value.
 *
 * @param {string | null | undefined} value
 *   Value.
 * @returns {number}
 *   Alignment.
 */
function toAlignment(value) {
  const code = typeof value === 'string' ? value.codePointAt(0) : 0;

  return code === 67 /* `C` */ || code === 99 /* `c` */
    ? 99 /* `c` */
    : code === 76 /* `L` */ || code === 108 /* `l` */
      ? 108 /* `l` */
      : code === 82 /* `R` */ || code === 114 /* `r` */
        ? 114 /* `r` */
        : 0
}

/**
 * @typedef {import('mdast').Html} Html
 * @typedef {import('mdast').PhrasingContent} PhrasingContent
 */


/**
 * Check if the given value is *phrasing content*.
 *
 * > 👉 **Note**: Excludes `html`, which can be both phrasing or flow.
 *
 * @param node
 *   Thing to check, typically `Node`.
 * @returns
 *   Whether `value` is phrasing content.
 */

const phrasing$1 =
  /** @type {(node?: unknown) => node is Exclude<PhrasingContent, Html>} */
  (
    convert([
      'break',
      'delete',
      'emphasis',
      // To do: next major: removed since footnotes were added to GFM.
      'footnote',
      'footnoteReference',
      'image',
      'imageReference',
      'inlineCode',
      // Enabled by `mdast-util-math`:
      'inlineMath',
      'link',
      'linkReference',
      // Enabled by `mdast-util-mdx`:
      'mdxJsxTextElement',
      // Enabled by `mdast-util-mdx`:
      'mdxTextExpression',
      'strong',
      'text',
      // Enabled by `mdast-util-directive`:
      'textDirective'
    ])
  );

/**
 * @callback Handler
 *   Handle a value, with a certain ID field set to a certain value.
 *   The ID field is passed to `zwitch`, and it’s value is this function’s
 *   place on the `handlers` record.
 * @param {...any} parameters
 *   Arbitrary parameters passed to the zwitch.
 *   The first will be an object with a certain ID field set to a certain value.
 * @returns {any}
 *   Anything!
 */

/**
 * @callback UnknownHandler
 *   Handle values that do have a certain ID field, but it’s set to a value
 *   that is not listed in the `handlers` record.
 * @param {unknown} value
 *   An object with a certain ID field set to an unknown value.
 * @param {...any} rest
 *   Arbitrary parameters passed to the zwitch.
 * @returns {any}
 *   Anything!
 */

/**
 * @callback InvalidHandler
 *   Handle values that do not have a certain ID field.
 * @param {unknown} value
 *   Any unknown value.
 * @param {...any} rest
 *   Arbitrary parameters passed to the zwitch.
 * @returns {void|null|undefined|never}
 *   This should crash or return nothing.
 */

/**
 * @template {InvalidHandler} [Invalid=InvalidHandler]
 * @template {UnknownHandler} [Unknown=UnknownHandler]
 * @template {Record<string, Handler>} [Handlers=Record<string, Handler>]
 * @typedef Options
 *   Configuration (required).
 * @property {Invalid} [invalid]
 *   Handler to use for invalid values.
 * @property {Unknown} [unknown]
 *   Handler to use for unknown values.
 * @property {Handlers} [handlers]
 *   Handlers to use.
 */

const own$5 = {}.hasOwnProperty;

/**
 * Handle values based on a field.
 *
 * @template {InvalidHandler} [Invalid=InvalidHandler]
 * @template {UnknownHandler} [Unknown=UnknownHandler]
 * @template {Record<string, Handler>} [Handlers=Record<string, Handler>]
 * @param {string} key
 *   Field to switch on.
 * @param {Options<Invalid, Unknown, Handlers>} [options]
 *   Configuration (required).
 * @returns {{unknown: Unknown, invalid: Invalid, handlers: Handlers, (...parameters: Parameters<Handlers[keyof Handlers]>): ReturnType<Handlers[keyof Handlers]>, (...parameters: Parameters<Unknown>): ReturnType<Unknown>}}
 */
function zwitch(key, options) {
  const settings = options || {};

  /**
   * Handle one value.
   *
   * Based on the bound `key`, a respective handler will be called.
   * If `value` is not an object, or doesn’t have a `key` property, the special
   * “invalid” handler will be called.
   * If `value` has an unknown `key`, the special “unknown” handler will be
   * called.
   *
   * All arguments, and the context object, are passed through to the handler,
   * and it’s result is returned.
   *
   * @this {unknown}
   *   Any context object.
   * @param {unknown} [value]
   *   Any value.
   * @param {...unknown} parameters
   *   Arbitrary parameters passed to the zwitch.
   * @property {Handler} invalid
   *   Handle for values that do not have a certain ID field.
   * @property {Handler} unknown
   *   Handle values that do have a certain ID field, but it’s set to a value
   *   that is not listed in the `handlers` record.
   * @property {Handlers} handlers
   *   Record of handlers.
   * @returns {unknown}
   *   Anything.
   */
  function one(value, ...parameters) {
    /** @type {Handler|undefined} */
    let fn = one.invalid;
    const handlers = one.handlers;

    if (value && own$5.call(value, key)) {
      // @ts-expect-error Indexable.
      const id = String(value[key]);
      // @ts-expect-error Indexable.
      fn = own$5.call(handlers, id) ? handlers[id] : one.unknown;
    }

    if (fn) {
      return fn.call(this, value, ...parameters)
    }
  }

  one.handlers = settings.handlers || {};
  one.invalid = settings.invalid;
  one.unknown = settings.unknown;

  // @ts-expect-error: matches!
  return one
}

/**
 * @import {Options, State} from './types.js'
 */

const own$4 = {}.hasOwnProperty;

/**
 * Configure a base state w/ an extension.
 *
 * @param {State} base
 *   Base state to configure.
 * @param {Options} extension
 *   Extension to apply.
 * @returns {State}
 *   Given `base`.
 */
function configure(base, extension) {
  let index = -1;
  /** @type {keyof Options} */
  let key;

  // First do subextensions.
  if (extension.extensions) {
    while (++index < extension.extensions.length) {
      configure(base, extension.extensions[index]);
    }
  }

  for (key in extension) {
    if (own$4.call(extension, key)) {
      switch (key) {
        case 'extensions': {
          // Empty.
          break
        }

        /* c8 ignore next 4 */
        case 'unsafe': {
          list$1(base[key], extension[key]);
          break
        }

        case 'join': {
          list$1(base[key], extension[key]);
          break
        }

        case 'handlers': {
          map$2(base[key], extension[key]);
          break
        }

        default: {
          // @ts-expect-error: matches.
          base.options[key] = extension[key];
        }
      }
    }
  }

  return base
}

/**
 * Merge arrays from the extension into the base state.
 *
 * @template T
 *   Kind.
 * @param {Array<T>} left
 *   List to merge into.
 * @param {Array<T> | null | undefined} right
 *   List to merge from.
 * @returns {undefined}
 *   Nothing.
 */
function list$1(left, right) {
  if (right) {
    left.push(...right);
  }
}

/**
 * Merge objects from the extension into the base state.
 *
 * @template T
 *   Kind.
 * @param {Record<string, T>} left
 *   Object to merge into.
 * @param {Record<string, T> | null | undefined} right
 *   Object to merge from.
 * @returns {undefined}
 *   Nothing.
 */
function map$2(left, right) {
  if (right) {
    Object.assign(left, right);
  }
}

/**
 * @import {Blockquote, Parents} from 'mdast'
 * @import {Info, Map, State} from 'mdast-util-to-markdown'
 */

/**
 * Serialize a blockquote node.
 *
 * @param {Blockquote} node
 *   Node to serialize.
 * @param {Parents | undefined} _
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @param {Info} info
 *   Info on surrounding context.
 * @returns {string}
 *   Serialized markdown.
 */
function blockquote(node, _, state, info) {
  const exit = state.enter('blockquote');
  const tracker = state.createTracker(info);
  tracker.move('> ');
  tracker.shift(2);
  const value = state.indentLines(
    state.containerFlow(node, tracker.current()),
    map$1
  );
  exit();
  return value
}

/**
 * Indent lines w/ blockquote markers.
 *
 * @type {Map}
 */
function map$1(line, _, blank) {
  return '>' + (blank ? '' : ' ') + line
}

/**
 * @import {ConstructName, Unsafe} from 'mdast-util-to-markdown'
 */

/**
 * Check if a pattern is in scope based on the current stack of constructs.
 *
 * @param {Array<ConstructName>} stack
 *   Current stack of constructs.
 * @param {Unsafe} pattern
 *   Pattern to check.
 * @returns {boolean}
 *   Whether the pattern is in scope.
 */
function patternInScope(stack, pattern) {
  return (
    listInScope(stack, pattern.inConstruct, true) &&
    !listInScope(stack, pattern.notInConstruct, false)
  )
}

/**
 * Check if any of the constructs in the list are present in the stack.
 *
 * @param {Array<ConstructName>} stack
 *   Current stack of constructs.
 * @param {Unsafe['inConstruct']} list
 *   List of constructs to check for in the stack.
 * @param {boolean} none
 *   Value to return if the list is empty or not provided.
 * @returns {boolean}
 *   Whether any of the constructs in the list are present in the stack.
 */
function listInScope(stack, list, none) {
  if (typeof list === 'string') {
    list = [list];
  }

  if (!list || list.length === 0) {
    return none
  }

  let index = -1;

  while (++index < list.length) {
    if (stack.includes(list[index])) {
      return true
    }
  }

  return false
}

/**
 * @import {Break, Parents} from 'mdast'
 * @import {Info, State} from 'mdast-util-to-markdown'
 */


/**
 * Serialize a break node.
 *
 * @param {Break} _
 *   Node to serialize.
 * @param {Parents | undefined} _1
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @param {Info} info
 *   Info on surrounding context.
 * @returns {string}
 *   Serialized markdown.
 */
function hardBreak(_, _1, state, info) {
  let index = -1;

  while (++index < state.unsafe.length) {
    const pattern = state.unsafe[index];

    // If we can’t put unconditional eols in this construct (setext headings,
    // tables), use a space instead.
    if (
      pattern.character === '\n' &&
      !pattern.before &&
      !pattern.after &&
      patternInScope(state.stack, pattern)
    ) {
      return /[\t ]/.test(info.before) ? '' : ' '
    }
  }

  return '\\\n'
}

/**
 * Get the count of the longest repeating streak of `substring` in `value`.
 *
 * @param {string} value
 *   Content to search in.
 * @param {string} substring
 *   Substring to look for, typically one character.
 * @returns {number}
 *   Count of most frequent adjacent `substring`s in `value`.
 */
function longestStreak(value, substring) {
  const source = String(value);
  let index = source.indexOf(substring);
  let expected = index;
  let count = 0;
  let max = 0;

  if (typeof substring !== 'string') {
    throw new TypeError('Expected substring')
  }

  while (index !== -1) {
    if (index === expected) {
      if (++count > max) {
        max = count;
      }
    } else {
      count = 1;
    }

    expected = index + substring.length;
    index = source.indexOf(substring, expected);
  }

  return max
}

/**
 * @import {State} from 'mdast-util-to-markdown'
 * @import {Code} from 'mdast'
 */

/**
 * Checks if a code block can be formatted as an indented code block.
 *
 * @param {Code} node
 *   Node to check.
 * @param {State} state
 *   Info passed around.
 * @returns {boolean}
 *   Whether the code can be formatted as an indented code block.
 */
function formatCodeAsIndented(node, state) {
  return Boolean(
    state.options.fences === false &&
    node.value &&
    // If there’s no info…
    !node.lang &&
    // And there’s a non-whitespace character…
    /[^\n\r ]/.test(node.value) &&
    // And the value doesn’t start or end in a blank…
    !/^[\t ]*(?:[\n\r]|$)|(?:^|[\n\r])[\t ]*$/.test(node.value)
  )
}

/**
 * @import {Options, State} from 'mdast-util-to-markdown'
 */

/**
 * Checks the preferred fence option.
 *
 * @param {State} state
 *   Info passed around.
 * @returns {Exclude<Options['fence'], null | undefined>}
 *   Preferred fence marker.
 */
function checkFence(state) {
  const marker = state.options.fence || '`';

  if (marker !== '`' && marker !== '~') {
    throw new Error(
      'Cannot serialize code with `' +
        marker +
        '` for `options.fence`, expected `` ` `` or `~`'
    )
  }

  return marker
}

/**
 * @import {Info, Map, State} from 'mdast-util-to-markdown'
 * @import {Code, Parents} from 'mdast'
 */


/**
 * Serialize a code node.
 *
 * @param {Code} node
 *   Node to serialize.
 * @param {Parents | undefined} _
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @param {Info} info
 *   Info on surrounding context.
 * @returns {string}
 *   Serialized markdown.
 */
function code$3(node, _, state, info) {
  const marker = checkFence(state);
  const raw = node.value || '';

  if (formatCodeAsIndented(node, state)) {
    const exit = state.enter('codeIndented');
    const value = state.indentLines(raw, map);
    exit();
    return value
  }

  const tracker = state.createTracker(info);
  const sequence = marker.repeat(Math.max(longestStreak(raw, marker) + 1, 3));
  const exit = state.enter('codeFenced');
  const suffix = marker === '`' ? 'GraveAccent' : 'Tilde';
  let value = tracker.move(sequence);

  if (node.lang) {
    const subexit = state.enter(`codeFencedLang${suffix}`);
    value += tracker.move(
      state.safe(node.lang, {
        before: value,
        after: ' ',
        encode: ['`'],
        ...tracker.current()
      })
    );
    subexit();
  }

  if (node.lang && node.meta) {
    const subexit = state.enter(`codeFencedMeta${suffix}`);
    value += tracker.move(' ');
    value += tracker.move(
      state.safe(node.meta, {
        before: value,
        after: '\n',
        encode: ['`'],
        ...tracker.current()
      })
    );
    subexit();
  }

  value += tracker.move('\n');

  if (raw) {
    value += tracker.move(raw + '\n');
  }

  value += tracker.move(sequence);
  exit();
  return value
}

/**
 * Indent lines w/ code indent.
 *
 * @type {Map}
 */
function map(line, _, blank) {
  return (blank ? '' : '    ') + line
}

/**
 * @import {Options, State} from 'mdast-util-to-markdown'
 */

/**
 * Checks the preferred quote option.
 *
 * @param {State} state
 *   Info passed around.
 * @returns {Exclude<Options['quote'], null | undefined>}
 *   Preferred quote.
 */
function checkQuote(state) {
  const marker = state.options.quote || '"';

  if (marker !== '"' && marker !== "'") {
    throw new Error(
      'Cannot serialize title with `' +
        marker +
        '` for `options.quote`, expected `"`, or `\'`'
    )
  }

  return marker
}

/**
 * @import {Info, State} from 'mdast-util-to-markdown'
 * @import {Definition, Parents} from 'mdast'
 */


/**
 * Serialize a definition node.
 *
 * @param {Definition} node
 *   Node to serialize.
 * @param {Parents | undefined} _
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @param {Info} info
 *   Info on surrounding context.
 * @returns {string}
 *   Serialized markdown.
 */
function definition(node, _, state, info) {
  const quote = checkQuote(state);
  const suffix = quote === '"' ? 'Quote' : 'Apostrophe';
  const exit = state.enter('definition');
  let subexit = state.enter('label');
  const tracker = state.createTracker(info);
  let value = tracker.move('[');
  value += tracker.move(
    state.safe(state.associationId(node), {
      before: value,
      after: ']',
      ...tracker.current()
    })
  );
  value += tracker.move(']: ');

  subexit();

  if (
    // If there’s no url, or…
    !node.url ||
    // If there are control characters or whitespace.
    /[\0- \u007F]/.test(node.url)
  ) {
    subexit = state.enter('destinationLiteral');
    value += tracker.move('<');
    value += tracker.move(
      state.safe(node.url, {before: value, after: '>', ...tracker.current()})
    );
    value += tracker.move('>');
  } else {
    // No whitespace, raw is prettier.
    subexit = state.enter('destinationRaw');
    value += tracker.move(
      state.safe(node.url, {
        before: value,
        after: node.title ? ' ' : '\n',
        ...tracker.current()
      })
    );
  }

  subexit();

  if (node.title) {
    subexit = state.enter(`title${suffix}`);
    value += tracker.move(' ' + quote);
    value += tracker.move(
      state.safe(node.title, {
        before: value,
        after: quote,
        ...tracker.current()
      })
    );
    value += tracker.move(quote);
    subexit();
  }

  exit();

  return value
}

/**
 * @import {Options, State} from 'mdast-util-to-markdown'
 */

/**
 * Checks the preferred emphasis option.
 *
 * @param {State} state
 *   Info passed around.
 * @returns {Exclude<Options['emphasis'], null | undefined>}
 *   Preferred emphasis marker.
 */
function checkEmphasis(state) {
  const marker = state.options.emphasis || '*';

  if (marker !== '*' && marker !== '_') {
    throw new Error(
      'Cannot serialize emphasis with `' +
        marker +
        '` for `options.emphasis`, expected `*`, or `_`'
    )
  }

  return marker
}

/**
 * @import {Code} from 'micromark-util-types'
 */

/**
 * Classify whether a code represents whitespace, punctuation, or something
 * else.
 *
 * Used for attention (emphasis, strong), whose sequences can open or close
 * based on the class of surrounding characters.
 *
 * > 👉 **Note**: eof (`null`) is seen as whitespace.
 *
 * @param {Code} code
 *   Code.
 * @returns {typeof constants.characterGroupWhitespace | typeof constants.characterGroupPunctuation | undefined}
 *   Group.
 */
function classifyCharacter(code) {
  if (code === null || markdownLineEndingOrSpace(code) || unicodeWhitespace(code)) {
    return 1;
  }
  if (unicodePunctuation(code)) {
    return 2;
  }
}

/**
 * Get the first character of a value.
 *
 * Is aware of astral characters (such as emoji).
 *
 * @param {string} value
 *   Value.
 * @returns {string}
 *   First character; empty if `value` is empty.
 */
function firstCharacter(value) {
  const code = value.codePointAt(0);
  return code === undefined ? '' : String.fromCodePoint(code)
}

/**
 * Get the last character of a value.
 *
 * Is aware of astral characters (such as emoji).
 *
 * @param {string} value
 *   Value.
 * @returns {string}
 *   Last character; empty if `value` is empty.
 */
function lastCharacter(value) {
  // Only a surrogate pair gives a code point above the BMP.
  const code = value.codePointAt(value.length - 2);
  return code !== undefined && code > 0xff_ff
    ? value.slice(-2)
    : value.slice(-1)
}

/**
 * Encode a code point as a character reference.
 *
 * @param {number} code
 *   Code point to encode.
 * @returns {string}
 *   Encoded character reference.
 */
function encodeCharacterReference(code) {
  return '&#x' + code.toString(16).toUpperCase() + ';'
}

/**
 * @import {EncodeSides} from '../types.js'
 */


/**
 * Check whether to encode (as a character reference) the characters
 * surrounding an attention run.
 *
 * Which characters are around an attention run influence whether it works or
 * not.
 *
 * See <https://github.com/orgs/syntax-tree/discussions/60> for more info.
 * See this markdown in a particular renderer to see what works:
 *
 * ```markdown
 * |                         | A (letter inside) | B (punctuation inside) | C (whitespace inside) | D (nothing inside) |
 * | ----------------------- | ----------------- | ---------------------- | --------------------- | ------------------ |
 * | 1 (letter outside)      | x*y*z             | x*.*z                  | x* *z                 | x**z               |
 * | 2 (punctuation outside) | .*y*.             | .*.*.                  | .* *.                 | .**.               |
 * | 3 (whitespace outside)  | x *y* z           | x *.* z                | x * * z               | x ** z             |
 * | 4 (nothing outside)     | *x*               | *.*                    | * *                   | **                 |
 * ```
 *
 * @param {number} outside
 *   Code point on the outer side of the run.
 * @param {number} inside
 *   Code point on the inner side of the run.
 * @param {string} marker
 *   Marker of the run.
 *   Underscores are handled more strictly (they form less often) than
 *   asterisks.
 * @returns {EncodeSides}
 *   Whether to encode characters.
 */
// Important: punctuation must never be encoded.
// Punctuation is solely used by markdown constructs.
// And by encoding itself.
// Encoding them will break constructs or double encode things.
function encodeInfo(outside, inside, marker) {
  const outsideKind = classifyCharacter(outside);
  const insideKind = classifyCharacter(inside);

  // Letter outside:
  if (outsideKind === undefined) {
    return insideKind === undefined
      ? // Letter inside:
        // we have to encode *both* letters for `_` as it is looser.
        // it already forms for `*` (and GFMs `~`).
        marker === '_'
        ? {inside: true, outside: true}
        : {inside: false, outside: false}
      : insideKind === 1
        ? // Whitespace inside: encode both (letter, whitespace).
          {inside: true, outside: true}
        : // Punctuation inside: encode outer (letter)
          {inside: false, outside: true}
  }

  // Whitespace outside:
  if (outsideKind === 1) {
    return insideKind === undefined
      ? // Letter inside: already forms.
        {inside: false, outside: false}
      : insideKind === 1
        ? // Whitespace inside: encode both (whitespace).
          {inside: true, outside: true}
        : // Punctuation inside: already forms.
          {inside: false, outside: false}
  }

  // Punctuation outside:
  return insideKind === undefined
    ? // Letter inside: already forms.
      {inside: false, outside: false}
    : insideKind === 1
      ? // Whitespace inside: encode inner (whitespace).
        {inside: true, outside: false}
      : // Punctuation inside: already forms.
        {inside: false, outside: false}
}

/**
 * List of lowercase HTML “block” tag names.
 *
 * The list, when parsing HTML (flow), results in more relaxed rules (condition
 * 6).
 * Because they are known blocks, the HTML-like syntax doesn’t have to be
 * strictly parsed.
 * For tag names not in this list, a more strict algorithm (condition 7) is used
 * to detect whether the HTML-like syntax is seen as HTML (flow) or not.
 *
 * This is copied from:
 * <https://spec.commonmark.org/0.30/#html-blocks>.
 *
 * > 👉 **Note**: `search` was added in `CommonMark@0.31`.
 */
const htmlBlockNames = [
  'address',
  'article',
  'aside',
  'base',
  'basefont',
  'blockquote',
  'body',
  'caption',
  'center',
  'col',
  'colgroup',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'frame',
  'frameset',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'hr',
  'html',
  'iframe',
  'legend',
  'li',
  'link',
  'main',
  'menu',
  'menuitem',
  'nav',
  'noframes',
  'ol',
  'optgroup',
  'option',
  'p',
  'param',
  'search',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'title',
  'tr',
  'track',
  'ul'
];

/**
 * List of lowercase HTML “raw” tag names.
 *
 * The list, when parsing HTML (flow), results in HTML that can include lines
 * without exiting, until a closing tag also in this list is found (condition
 * 1).
 *
 * This module is copied from:
 * <https://spec.commonmark.org/0.30/#html-blocks>.
 *
 * > 👉 **Note**: `textarea` was added in `CommonMark@0.30`.
 */
const htmlRawNames = ['pre', 'script', 'style', 'textarea'];

/**
 * @typedef {1 | 2 | 3 | 4 | 5 | 6 | 7} Kind
 *   Kind of HTML (flow) element.
 */

/**
 * Infer the kind of HTML that `value` is.
 *
 * This works on valid trees as produced by `micromark`.
 * Kinds:
 *
 * 1. raw
 * 2. comment
 * 3. instruction
 * 4. declaration
 * 5. cdata
 * 6. block
 * 7. other
 *
 * See: <https://spec.commonmark.org/0.31.2/#html-blocks>.
 *
 * @param {string} value
 *   HTML.
 * @returns {Kind | undefined}
 *   Kind; `undefined` if unknown.
 */
function htmlKind(value) {
  if (value.charCodeAt(0) !== 60 /* `<` */) return

  const next = value.charCodeAt(1);

  if (next === 33 /* `!` */) {
    const code = value.charCodeAt(2);
    if (code === 45 /* `-` */) return 2
    if (code === 91 /* `[` */) return 5
    if (asciiAlpha(code)) return 4
    return
  }

  if (next === 63 /* `?` */) return 3

  const closing = next === 47; /* `/` */
  const start = closing ? 2 : 1;
  let end = start;
  let code = value.charCodeAt(end);

  if (!asciiAlpha(code)) return

  while (code === 45 /* `-` */ || asciiAlphanumeric(code)) {
    code = value.charCodeAt(++end);
  }

  const name = value.slice(start, end).toLowerCase();

  if (!closing && code !== 47 /* `/` */ && htmlRawNames.includes(name)) {
    return 1
  }

  return htmlBlockNames.includes(name) ? 6 : 7
}

/**
 * @import {Attention, Handle, Info, State, Tracker} from 'mdast-util-to-markdown'
 * @import {PhrasingParents} from '../types.js'
 */


/**
 * Markers for builtin attention (emphasis, strong) to whether they are stricter:
 * whether they cannot open and close inside words.
 *
 * Builtin runs pair following CommonMark rules for emphasis and strong:
 * they are split,
 * using one or two markers at a time,
 * with the rule of 3.
 * Other markers pair like GFM strikethrough:
 * whole runs pair with a run of the same size.
 *
 * @type {Map<string, boolean>}
 */
const builtins = new Map([
  ['*', false],
  ['_', true]
]);

/**
 * @typedef AttentionResult
 *   Attention, of which the sequence is chosen later.
 * @property {Array<Item>} children
 *   Serialized children.
 * @property {Array<string>} sequences
 *   Sequences that can be used, in order of preference.
 */

/**
 * @typedef Improvement
 *   Improvement of attention sequences.
 * @property {Map<AttentionResult, string>} chosen
 *   Chosen sequences for each attention.
 * @property {Array<Token>} tokens
 *   Tokens involved in the improvement.
 * @property {Mistake | undefined} mistake
 *   Mistake that led to this improvement, if any.
 */

/**
 * @typedef {AttentionResult | string} Item
 *   Serialized phrasing.
 */

/**
 * @typedef Mistake
 *   Sequence that does not form its attention.
 * @property {Array<AttentionResult>} attention
 *   Attention to try other sequences for.
 * @property {number} index
 *   Index of the token.
 */

/**
 * @typedef Run
 *   Sequences next to each other with the same marker.
 * @property {boolean} close
 *   Whether it can close.
 * @property {number} end
 *   Index after the last marker not used (to open).
 * @property {Array<Token>} markers
 *   Sequence of each marker.
 * @property {boolean} open
 *   Whether it can open.
 * @property {boolean} split
 *   Whether it can be split (built-in attention).
 * @property {number} start
 *   Index of the first marker not used (to close).
 * @property {Array<Token>} tokens
 *   Sequences.
 */

/**
 * @typedef Token
 *   Rendered phrasing.
 * @property {AttentionResult | undefined} attention
 *   Attention, if this is one of its sequences.
 * @property {string} value
 *   Value.
 */

/**
 * Get candidates for a mistake:
 * attention to try other sequences for,
 * later first.
 *
 * @param {Array<Token>} tokens
 *   Tokens.
 * @param {Array<Token>} involved
 *   Sequences involved in the mistake.
 * @param {Map<Token, Run>} runOf
 *   Run of each sequence.
 * @returns {Array<AttentionResult>}
 *   Candidates.
 */
function candidates(tokens, involved, runOf) {
  /** @type {Set<AttentionResult | undefined>} */
  const related = new Set();

  // The attention involved, and attention in runs with its sequences.
  for (const token of tokens) {
    const siblings = runOf.get(token);
    if (
      siblings &&
      token.attention &&
      involved.some((d) => d.attention === token.attention)
    ) {
      for (const sibling of siblings.tokens) {
        related.add(sibling.attention);
      }
    }
  }

  /** @type {Array<AttentionResult>} */
  const ordered = [];

  for (const token of tokens) {
    if (token.attention && related.delete(token.attention)) {
      ordered.push(token.attention);
    }
  }

  // Later first: attention that opens later is inner or next.
  ordered.reverse();
  return ordered
}

/**
 * Check whether sequences form their attention, like `micromark`.
 *
 * Sequences of `*` and `_` pair like emphasis and strong in CommonMark,
 * others like strikethrough in GFM.
 *
 * @param {Array<Token>} tokens
 *   Tokens.
 * @param {string} before
 *   Characters before.
 * @param {string} after
 *   Characters after.
 * @returns {Mistake | undefined}
 *   First mistake, if any.
 */
function check(tokens, before, after) {
  /** @type {Array<Run>} */
  const runs = [];
  /** @type {Map<Token, Array<Token>>} */
  const wrong = new Map();
  /** @type {Map<Token, Run>} */
  const runOf = new Map();
  let index = 0;

  while (index < tokens.length) {
    if (!tokens[index].attention) {
      index++;
      continue
    }

    const marker = tokens[index].value.charAt(0);
    const strict = builtins.get(marker);
    let end = index + 1;

    while (
      end < tokens.length &&
      tokens[end].attention &&
      tokens[end].value.charAt(0) === marker
    ) {
      end++;
    }

    const head = index ? tokens[index - 1].value : before;
    const previous = classifyCharacter(head.charCodeAt(head.length - 1));
    const next = classifyCharacter(
      (end < tokens.length ? tokens[end].value : after).charCodeAt(0)
    );
    const open = !next || (next === 2 && Boolean(previous));
    const close = !previous || (previous === 2 && Boolean(next));
    /** @type {Run} */
    const run = {
      tokens: tokens.slice(index, end),
      markers: [],
      start: 0,
      end: 0,
      // Underscores are strict, they cannot open or close inside words.
      open: strict ? open && (Boolean(previous) || !close) : open,
      close: strict ? close && (Boolean(next) || !open) : close,
      // All builtins can split runs.
      split: strict !== undefined
    };

    for (const token of run.tokens) {
      // Every sequence is wrong until it pairs with its other sequence.
      wrong.set(token, [...run.tokens]);
      runOf.set(token, run);
      let size = token.value.length;
      while (size--) run.markers.push(token);
    }

    run.end = run.markers.length;
    runs.push(run);
    index = end;
  }

  pair(runs, wrong);

  index = -1;

  while (++index < tokens.length) {
    const involved = wrong.get(tokens[index]);
    if (involved) return {attention: candidates(tokens, involved, runOf), index}
  }
}

/**
 * Serialize the children of a parent that contains phrasing children.
 *
 * @param {PhrasingParents} parent
 *   Parent of phrasing nodes.
 * @param {State} state
 *   Info passed around about the current state.
 * @param {Info} info
 *   Info on where we are in the document we are generating.
 * @returns {string}
 *   Serialized result.
 */
function containerPhrasing(parent, state, info) {
  return serialize(phrasing(parent, state, info), info.before, info.after)
}

/**
 * Encode the first or last character of tokens as a character reference,
 * if it is text.
 *
 * @param {Array<Token>} tokens
 *   Tokens.
 * @param {boolean} start
 *   Whether to encode the first or last character.
 * @returns {undefined}
 *   Nothing.
 */
function encode(tokens, start) {
  const token = tokens[start ? 0 : tokens.length - 1];

  if (!token || token.attention) return

  const character = start
    ? firstCharacter(token.value)
    : lastCharacter(token.value);
  const reference = encodeCharacterReference(
    /** @type {number} */ (character.codePointAt(0))
  );

  if (start) {
    token.value = reference + token.value.slice(character.length);
  } else {
    let value = token.value.slice(0, token.value.length - character.length);
    let escapes = 0;

    while (value.charCodeAt(value.length - 1 - escapes) === 92 /* `\` */) {
      escapes++;
    }

    // Odd number would escape the `&` again.
    if (escapes % 2) value += '\\';
    token.value = value + reference;
  }
}

/**
 * Try other sequences for the candidates of a mistake and use the first that
 * moves the mistake further.
 *
 * @param {Array<Item>} items
 *   Items.
 * @param {Map<AttentionResult, string>} chosen
 *   Sequences to use instead of preferred sequences.
 * @param {Mistake} mistake
 *   Mistake.
 * @param {string} before
 *   Characters before.
 * @param {string} after
 *   Characters after.
 * @returns {Improvement | undefined}
 *   Result if better.
 */
function improve(items, chosen, mistake, before, after) {
  for (const attention of mistake.attention) {
    const current = chosen.get(attention) || attention.sequences[0];

    for (const sequence of attention.sequences) {
      if (sequence === current) continue
      const trial = new Map(chosen);
      trial.set(attention, sequence);
      const tokens = render(items, trial, before, after);
      const next = check(tokens, before, after);

      if (!next || next.index > mistake.index) {
        return {chosen: trial, mistake: next, tokens}
      }
    }
  }
}

/**
 * Pair runs like `micromark` and mark sequences that do form their attention
 * as fine.
 *
 * Each pair uses markers from the end of an opener and the start of a closer.
 * It forms the intended attention if those markers are exactly the whole
 * opening and closing sequence of one attention.
 * Otherwise attention is mixed up:
 * either sequences of different attention pair,
 * part of a sequence is used (such as `**` of strong as `*`),
 * or several sequences are used together (such as `*` and `*` as `**`).
 * Then the sequences involved are recorded with each other.
 *
 * @param {Array<Run>} runs
 *   Runs.
 * @param {Map<Token, Array<Token>>} wrong
 *   Sequences that are wrong, with the sequences involved.
 * @returns {undefined}
 *   Nothing, `wrong` is changed.
 */
function pair(runs, wrong) {
  /** @type {Map<string, Array<Run>>} */
  const openersByMarker = new Map();

  for (const closer of runs) {
    const marker = closer.tokens[0].value.charAt(0);
    let openers = openersByMarker.get(marker);

    if (!openers) {
      openers = [];
      openersByMarker.set(marker, openers);
    }

    let open = closer.close ? openers.length : 0;

    while (open-- && closer.start < closer.end) {
      const opener = openers[open];
      const openerSize = opener.end - opener.start;
      const closerSize = closer.end - closer.start;

      if (
        closer.split
          ? // The rule of 3, on the sizes that are left.
            (opener.close || closer.open) &&
            closerSize % 3 &&
            !((openerSize + closerSize) % 3)
          : // Others pair whole runs of the same size.
            openerSize !== opener.markers.length || openerSize !== closerSize
      ) {
        continue
      }

      const size = closer.split
        ? openerSize > 1 && closerSize > 1
          ? 2
          : 1
        : closerSize;
      const opening = opener.markers.slice(opener.end - size, opener.end);
      const closing = closer.markers.slice(closer.start, closer.start + size);
      const openToken = opening[0];
      const closeToken = closing[0];

      if (
        // Whole sequences:
        // the markers of a sequence are next to each other,
        // so if the first and last marker are of one sequence of that size,
        // all markers are exactly that sequence.
        openToken === opening[size - 1] &&
        openToken.value.length === size &&
        closeToken === closing[size - 1] &&
        closeToken.value.length === size &&
        // Of the same attention, so its opening and closing sequence.
        openToken.attention === closeToken.attention
      ) {
        wrong.delete(openToken);
        wrong.delete(closeToken);
      } else {
        const involved = [...new Set([...opening, ...closing])];
        // Add to what is involved already: a sequence can be in several pairs.
        for (const token of involved) {
          const list = wrong.get(token);
          if (list) list.push(...involved);
        }
      }

      opener.end -= size;
      closer.start += size;

      if (opener.start === opener.end) openers.splice(open, 1);

      // Search again from the start, as this run may close more.
      open = openers.length;
    }

    if (closer.open && closer.start < closer.end) openers.push(closer);
  }
}

/**
 * Get the sequences that can be used for attention, in order of preference.
 *
 * @param {string} type
 *   Node type.
 * @param {Array<string>} markers
 *   Markers.
 * @param {Array<number>} sizes
 *   Sizes.
 * @returns {Array<string>}
 *   Sequences.
 */
function attentionSequences(type, markers, sizes) {
  if (markers.length === 0) {
    throw new Error(
      'Cannot serialize `' +
        type +
        '` as attention without markers, expected one or more markers'
    )
  }

  if (sizes.length === 0) {
    throw new Error(
      'Cannot serialize `' +
        type +
        '` as attention without sizes, expected one or more sizes'
    )
  }

  for (const size of sizes) {
    if (!Number.isSafeInteger(size) || size < 1) {
      throw new Error(
        'Cannot serialize `' +
          type +
          '` as attention with `' +
          size +
          '` as size, expected positive integer'
      )
    }
  }

  /** @type {Array<string>} */
  const sequences = [];

  for (const marker of markers) {
    if (marker.length !== 1) {
      throw new Error(
        'Cannot serialize `' +
          type +
          '` as attention with `' +
          marker +
          '` as marker, expected a single ascii character'
      )
    }

    if (!asciiPunctuation(marker.charCodeAt(0))) {
      throw new Error(
        'Cannot serialize `' +
          type +
          '` as attention with `' +
          marker +
          '` as marker, expected ascii punctuation'
      )
    }

    for (const size of sizes) {
      sequences.push(marker.repeat(size));
    }
  }

  return sequences
}

/**
 * Serialize the children of a parent that contains phrasing children,
 * keeping attention separate,
 * so that its markers can be chosen later.
 *
 * @param {PhrasingParents} parent
 *   Parent of phrasing nodes.
 * @param {State} state
 *   Info passed around about the current state.
 * @param {Info} info
 *   Info on where we are in the document we are generating.
 * @returns {Array<Item>}
 *   Items.
 */
function phrasing(parent, state, info) {
  const indexStack = state.indexStack;
  const children = parent.children || [];
  /** @type {Array<Item>} */
  const results = [];
  let index = -1;
  let before = info.before;

  indexStack.push(-1);
  let tracker = state.createTracker(info);

  while (++index < children.length) {
    const child = children[index];
    /** @type {string} */
    let after;

    indexStack[indexStack.length - 1] = index;

    if (index + 1 < children.length) {
      /** @type {Handle} */
      // @ts-expect-error: hush, it’s actually a `zwitch`.
      let handle = state.handle.handlers[children[index + 1].type];
      // @ts-expect-error: hush, it’s actually a `zwitch`.
      if (handle && handle.peek) handle = handle.peek;
      after = handle
        ? firstCharacter(
            handle(children[index + 1], parent, state, {
              before: '',
              after: '',
              ...tracker.current()
            })
          )
        : '';
    } else {
      after = info.after;
    }

    // In some cases, html (text) can be found in phrasing right after an eol.
    // When we’d serialize that, it could be seen as html (flow): all its kinds
    // except 7 can interrupt a paragraph.
    // As we can’t escape or so to prevent it from happening,
    // we take a somewhat reasonable approach:
    // replace that eol with a space.
    // See: <https://github.com/syntax-tree/mdast-util-to-markdown/issues/15>
    const previous = results[results.length - 1];

    if (
      typeof previous === 'string' &&
      (before === '\r' || before === '\n') &&
      child.type === 'html' &&
      htmlKind(child.value) !== 7
    ) {
      results[results.length - 1] = previous.replace(/(\r?\n|\r)$/, ' ');
      before = ' ';

      // To do: does this work to reset tracker?
      tracker = state.createTracker(info);
      tracker.move(serialize(results, info.before, info.after));
    }

    /** @type {(Handle & {attention?: Attention | undefined}) | undefined} */
    // @ts-expect-error: hush, it’s actually a `zwitch`.
    const handle = state.handle.handlers[child.type];

    if (handle && handle.attention) {
      const item = attentionItem(
        /** @type {PhrasingParents} */ (child),
        handle.attention,
        state,
        tracker
      );
      if (!item) continue
      results.push(item);
      before = lastCharacter(item.sequences[0]);
    } else {
      const value = state.handle(child, parent, state, {
        ...tracker.current(),
        after,
        before
      });

      if (!value) continue
      tracker.move(value);
      results.push(value);
      before = lastCharacter(value);
    }
  }

  indexStack.pop();

  return results
}

/**
 * Serialize a node as attention,
 * with its sequence chosen later.
 *
 * @param {PhrasingParents} node
 *   Node.
 * @param {Attention} attention
 *   Attention of the node.
 * @param {State} state
 *   Info passed around about the current state.
 * @param {Tracker} tracker
 *   Tracker.
 * @returns {AttentionResult | undefined}
 *   Attention or nothing.
 */
function attentionItem(node, attention, state, tracker) {
  const {construct, markers, sizes} = attention(node, state);
  const sequences = attentionSequences(node.type, markers, sizes);
  const sequence = sequences[0];
  const exit = state.enter(construct);
  const inside = state.createTracker(tracker.current());
  inside.move(sequence);
  const children = phrasing(node, state, {
    ...inside.current(),
    before: sequence,
    after: sequence
  });
  exit();

  // Empty attention cannot form.
  if (children.length === 0) return

  tracker.move(sequence);
  tracker.move(serialize(children, sequence, sequence));
  tracker.move(sequence);
  return {children, sequences}
}

/**
 * Fix mistakes one at a time.
 *
 * @param {Array<Item>} items
 *   Phrasing items.
 * @param {Map<AttentionResult, string>} chosen
 *   Sequences to start with.
 * @param {string} before
 *   Characters before.
 * @param {string} after
 *   Characters after.
 * @returns {Array<Token> | undefined}
 *   Tokens, if all mistakes could be fixed.
 */
function fix(items, chosen, before, after) {
  let tokens = render(items, chosen, before, after);
  let mistake = check(tokens, before, after);

  while (mistake) {
    const next = improve(items, chosen, mistake, before, after);
    if (!next) return
    chosen = next.chosen;
    tokens = next.tokens;
    mistake = next.mistake;
  }

  return tokens
}

/**
 * Guess sequences for attention so that few mistakes are left to fix because
 * each fix is slow.
 *
 * Prefers another marker when a sequence would touch one with the same marker
 * of a sibling or parent (`**a**` and `*b*` as `**a***b*`).
 * Except for an only child with a longer builtin sequence,
 * as that forms (`***a***`).
 *
 * @param {Array<Item>} items
 *   Phrasing items.
 * @param {Map<AttentionResult, string>} chosen
 *   Guesses that are not the preferred sequence.
 * @param {string} before
 *   Sequence of the parent or characters before.
 * @param {string} after
 *   Sequence of the parent or characters after.
 * @returns {undefined}
 *   Nothing.
 */
function guess(items, chosen, before, after) {
  let previous = before;
  let index = -1;

  while (++index < items.length) {
    const item = items[index];

    if (typeof item === 'string') {
      previous = '';
      continue
    }

    const next = index === items.length - 1 ? after : '';
    const sequence =
      item.sequences.find(function (value) {
        const marker = value.charAt(0);
        return (
          (marker !== previous.charAt(0) && marker !== next.charAt(0)) ||
          (items.length === 1 &&
            builtins.has(marker) &&
            value.length > before.length)
        )
      }) || item.sequences[0];
    if (sequence !== item.sequences[0]) chosen.set(item, sequence);
    guess(item.children, chosen, sequence, sequence);
    previous = sequence;
  }
}

/**
 * Render items with sequences;
 * encoding characters around attention where needed.
 *
 * @param {Array<Item>} items
 *   Serialized phrasing.
 * @param {Map<AttentionResult, string>} chosen
 *   Sequences to use instead of preferred sequences.
 * @param {string} before
 *   Characters before.
 * @param {string} after
 *   Characters after.
 * @returns {Array<Token>}
 *   Tokens.
 */
function render(items, chosen, before, after) {
  /** @type {Array<Token>} */
  const tokens = [];
  /** @type {string | undefined} */
  let encodeAfter;
  let previous = lastCharacter(before);
  let index = -1;

  while (++index < items.length) {
    const item = items[index];

    if (typeof item === 'string') {
      /** @type {Token} */
      const token = {value: item, attention: undefined};

      // If attention before had to encode the character after it, encode it.
      if (encodeAfter && encodeAfter === firstCharacter(item)) {
        encode([token], true);
      }

      encodeAfter = undefined;
      tokens.push(token);
      if (token.value) previous = lastCharacter(token.value);
      continue
    }

    const sequence = chosen.get(item) || item.sequences[0];
    const marker = sequence.charAt(0);
    const next = items[index + 1];
    const outsideBefore = previous;
    const outsideAfter = firstCharacter(
      next === undefined
        ? after
        : typeof next === 'string'
          ? next
          : chosen.get(next) || next.sequences[0]
    );
    const inside = render(item.children, chosen, sequence, sequence);
    const head = inside[0].value;
    const open = encodeInfo(
      outsideBefore.charCodeAt(outsideBefore.length - 1),
      head.charCodeAt(0),
      marker
    );

    if (open.inside) encode(inside, true);

    const tail = lastCharacter(inside[inside.length - 1].value);
    const close = encodeInfo(
      outsideAfter.charCodeAt(0),
      tail.charCodeAt(tail.length - 1),
      marker
    );

    if (close.inside) encode(inside, false);

    if (open.outside && outsideBefore !== '\n' && outsideBefore !== '\r') {
      encode(tokens, false);
    }

    if (close.outside) encodeAfter = outsideAfter;

    tokens.push({value: sequence, attention: item}, ...inside, {
      value: sequence,
      attention: item
    });
    previous = sequence.charAt(sequence.length - 1);
  }

  return tokens
}

/**
 * Serialize phrasing with attention.
 *
 * Whether attention forms depends on everything around it.
 * This checks that it does and tries other sequences if not.
 *
 * @param {Array<Item>} items
 *   Phrasing items.
 * @param {string} before
 *   Characters before.
 * @param {string} after
 *   Characters after.
 * @returns {string}
 *   Serialized markdown.
 */
function serialize(items, before, after) {
  /** @type {Map<AttentionResult, string>} */
  const guessed = new Map();
  guess(items, guessed, before, after);
  const tokens =
    // Start from guesses (based on the preferred sequences).
    (guessed.size > 0 ? fix(items, guessed, before, after) : undefined) ||
    // If stuck, start from the preferred sequences instead.
    fix(items, new Map(), before, after) ||
    // If stuck again, use the preferred sequences as they are.
    render(items, new Map(), before, after);

  // Join the tokens.
  let result = '';
  for (const token of tokens) result += token.value;
  return result
}

/**
 * @import {AttentionInfo, Info, State} from 'mdast-util-to-markdown'
 * @import {Emphasis, Parents} from 'mdast'
 */


emphasis.attention = attention$1;
emphasis.peek = peek$1;

/**
 * Serialize an emphasis node.
 *
 * Attention is properly handled by `containerPhrasing`.
 *
 * @param {Emphasis} node
 *   Node to serialize.
 * @param {Parents | undefined} _
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @param {Info} info
 *   Info on surrounding context.
 * @returns {string}
 *   Serialized markdown.
 */
function emphasis(node, _, state, info) {
  const exit = state.enter('phrasing');
  const item = attentionItem(node, attention$1, state, state.createTracker(info));
  const value = item ? serialize([item], info.before, info.after) : '';
  exit();
  return value
}

/**
 * Serialize an emphasis node as attention.
 *
 * @param {Emphasis} _
 *   Node to serialize.
 * @param {State} state
 *   Info passed around.
 * @returns {AttentionInfo}
 *   Info on how to serialize the node.
 */
function attention$1(_, state) {
  const marker = checkEmphasis(state);
  return {
    construct: 'emphasis',
    markers: marker === '*' ? ['*', '_'] : ['_', '*'],
    sizes: [1]
  }
}

/**
 * Peek at this node.
 *
 * @param {Emphasis} _
 *   Node to serialize.
 * @param {Parents | undefined} _1
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @returns {string}
 *   Start of the serialized markdown.
 */
function peek$1(_, _1, state) {
  return state.options.emphasis || '*'
}

/**
 * @import {Node as UnistNode, Parent as UnistParent} from 'unist'
 * @import {
 *   InclusiveDescendant,
 *   Matches,
 *   Visitors as ParentsVisitors,
 *   VisitorResult,
 *   VisitorResultExit
 * } from 'unist-util-visit-parents'
 */


/**
 * Visit nodes.
 *
 * This algorithm performs *depth-first* *tree traversal* in *preorder*
 * (**NLR**) or if `reverse` is given,
 * in *reverse preorder* (**NRL**).
 * An `exit` visitor is called in *postorder* (**LRN**)
 * or if `reverse` is given, in *reverse postorder* (**RLN**).
 *
 * You can choose which nodes are visited by passing a `test`.
 * For complex tests, you should test yourself in a visitor, as it will be
 * faster and will have improved type information.
 *
 * Walking the tree is an intensive task.
 * Make use of the return values of the visitor when possible.
 * Instead of walking a tree multiple times, walk it once, use `unist-util-is`
 * to check if a node matches, and then perform different operations.
 *
 * You can change the tree.
 * Changes inside a node made when entering it are walked,
 * changes made when exiting it are not.
 * See `Visitor` and `VisitorExit` for more info.
 *
 * @overload
 * @param {Tree} tree
 *   Tree to traverse.
 * @param {Check} check
 *   `unist-util-is`-compatible test.
 * @param {BuildVisitor<Tree, Check> | BuildVisitors<Tree, Check>} visitors
 *   Handle each node when entering it,
 *   or `{enter, exit}` to also handle it when exiting it.
 * @param {boolean | null | undefined} [reverse]
 *   Walk children from last to first;
 *   for `enter`, reverse preorder (NRL) instead of preorder (NLR);
 *   for `exit`, reverse postorder (RLN) instead of postorder (LRN).
 * @returns {undefined}
 *   Nothing.
 *
 * @overload
 * @param {Tree} tree
 *   Tree to traverse.
 * @param {BuildVisitor<Tree> | BuildVisitors<Tree>} visitors
 *   Handle each node when entering it,
 *   or `{enter, exit}` to also handle it when exiting it.
 * @param {boolean | null | undefined} [reverse]
 *   Walk children from last to first;
 *   for `enter`, reverse preorder (NRL) instead of preorder (NLR);
 *   for `exit`, reverse postorder (RLN) instead of postorder (LRN).
 * @returns {undefined}
 *   Nothing.
 *
 * @param {UnistNode} tree
 *   Tree to traverse.
 * @param {Visitor | Visitors | Test} testOrEnterOrVisitors
 *   `unist-util-is`-compatible test, `enter`, or `visitors`.
 * @param {Visitor | Visitors | boolean | null | undefined} [enterOrVisitorsOrReverse]
 *   `enter`, `visitors`, or `reverse` after a test.
 * @param {boolean | null | undefined} [maybeReverse]
 *   Walk children from last to first;
 *   for `enter`, reverse preorder (NRL) instead of preorder (NLR);
 *   for `exit`, reverse postorder (RLN) instead of postorder (LRN).
 * @returns {undefined}
 *   Nothing.
 *
 * @template {UnistNode} Tree
 *   Node type.
 * @template {Test} Check
 *   `unist-util-is`-compatible test.
 */
function visit(
  tree,
  testOrEnterOrVisitors,
  enterOrVisitorsOrReverse,
  maybeReverse
) {
  /** @type {Test} */
  let check;
  /** @type {Visitor | Visitors} */
  let visitors;
  /** @type {boolean | null | undefined} */
  let reverse;

  // Third parameter is an enter visitor or a visitors object, so expect a `test` too.
  {
    visitors = /** @type {Visitor | Visitors} */ (testOrEnterOrVisitors);
    reverse = enterOrVisitorsOrReverse;
  }

  if (typeof visitors === 'function') {
    visitParents(tree, check, wrap$1(visitors), reverse);
  } else {
    visitParents(tree, check, wrapVisitors(visitors), reverse);
  }
}

/**
 * Turn `visit` visitors into `visitParents` visitors.
 *
 * @param {Visitors} visitors
 *   Visitors for `visit`.
 * @returns {ParentsVisitors}
 *   Visitors for `visitParents`.
 */
function wrapVisitors(visitors) {
  // Pass anything else straight to `visitParents` to get its errors.
  if (!visitors || typeof visitors !== 'object') return visitors

  return {
    enter:
      typeof visitors.enter === 'function'
        ? wrap$1(visitors.enter)
        : visitors.enter,
    exit:
      typeof visitors.exit === 'function' ? wrap$1(visitors.exit) : visitors.exit
  }
}

/**
 * Turn a `visit` visitor into a `visitParents` one.
 *
 * @template {VisitorResult} Result
 *   Result type.
 * @param {(node: UnistNode, index: number | undefined, parent: UnistParent | undefined) => Result} visitor
 *   Visitor for `visit`.
 * @returns {(node: UnistNode, parents: Array<UnistParent>, index: number | undefined) => Result}
 *   Visitor for `visitParents`.
 */
function wrap$1(visitor) {
  return overload

  /**
   * Call `visitor` with `index` and `parent` instead of `parents`.
   *
   * @param {UnistNode} node
   *   Visited node.
   * @param {Array<UnistParent>} parents
   *   Ancestors of `node`.
   * @param {number | undefined} index
   *   Index of `node` in its parent.
   * @returns {Result}
   *   What to do next.
   */
  function overload(node, parents, index) {
    return visitor(node, index, parents[parents.length - 1])
  }
}

/**
 * @typedef {import('mdast').Nodes} Nodes
 *
 * @typedef Options
 *   Configuration (optional).
 * @property {boolean | null | undefined} [includeImageAlt=true]
 *   Whether to use `alt` for `image`s (default: `true`).
 * @property {boolean | null | undefined} [includeHtml=true]
 *   Whether to use `value` of HTML (default: `true`).
 */

/** @type {Options} */
const emptyOptions$1 = {};

/**
 * Get the text content of a node or list of nodes.
 *
 * Prefers the node’s plain-text fields, otherwise serializes its children,
 * and if the given value is an array, serialize the nodes in it.
 *
 * @param {unknown} [value]
 *   Thing to serialize, typically `Node`.
 * @param {Options | null | undefined} [options]
 *   Configuration (optional).
 * @returns {string}
 *   Serialized `value`.
 */
function toString(value, options) {
  const settings = emptyOptions$1;
  const includeImageAlt =
    typeof settings.includeImageAlt === 'boolean'
      ? settings.includeImageAlt
      : true;
  const includeHtml =
    typeof settings.includeHtml === 'boolean' ? settings.includeHtml : true;

  return one(value, includeImageAlt, includeHtml)
}

/**
 * One node or several nodes.
 *
 * @param {unknown} value
 *   Thing to serialize.
 * @param {boolean} includeImageAlt
 *   Include image `alt`s.
 * @param {boolean} includeHtml
 *   Include HTML.
 * @returns {string}
 *   Serialized node.
 */
function one(value, includeImageAlt, includeHtml) {
  if (node(value)) {
    if ('value' in value) {
      return value.type === 'html' && !includeHtml ? '' : value.value
    }

    if (includeImageAlt && 'alt' in value && value.alt) {
      return value.alt
    }

    if ('children' in value) {
      return all(value.children, includeImageAlt, includeHtml)
    }
  }

  if (Array.isArray(value)) {
    return all(value, includeImageAlt, includeHtml)
  }

  return ''
}

/**
 * Serialize a list of nodes.
 *
 * @param {Array<unknown>} values
 *   Thing to serialize.
 * @param {boolean} includeImageAlt
 *   Include image `alt`s.
 * @param {boolean} includeHtml
 *   Include HTML.
 * @returns {string}
 *   Serialized nodes.
 */
function all(values, includeImageAlt, includeHtml) {
  /** @type {Array<string>} */
  const result = [];
  let index = -1;

  while (++index < values.length) {
    result[index] = one(values[index], includeImageAlt, includeHtml);
  }

  return result.join('')
}

/**
 * Check if `value` looks like a node.
 *
 * @param {unknown} value
 *   Thing.
 * @returns {value is Nodes}
 *   Whether `value` is a node.
 */
function node(value) {
  return Boolean(value && typeof value === 'object')
}

/**
 * @import {State} from 'mdast-util-to-markdown'
 * @import {Heading} from 'mdast'
 */


/**
 * Checks if a heading can be formatted as a setext heading.
 *
 * @param {Heading} node
 *   Node to check.
 * @param {State} state
 *   Info passed around.
 * @returns {boolean}
 *   Whether the heading can be formatted as a setext heading.
 */
function formatHeadingAsSetext$1(node, state) {
  let literalWithBreak = false;

  // Look for literals with a line break.
  // Note that this also
  visit(node, function (node) {
    if (
      ('value' in node && /\r?\n|\r/.test(node.value)) ||
      node.type === 'break'
    ) {
      literalWithBreak = true;
      return EXIT
    }
  });

  return Boolean(
    (!node.depth || node.depth < 3) &&
    toString(node) &&
    (state.options.setext || literalWithBreak)
  )
}

/**
 * @import {Info, State} from 'mdast-util-to-markdown'
 * @import {Heading, Parents} from 'mdast'
 */


/**
 * Serialize a heading node.
 *
 * @param {Heading} node
 *   Node to serialize.
 * @param {Parents | undefined} _
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @param {Info} info
 *   Info on surrounding context.
 * @returns {string}
 *   Serialized markdown.
 */
function heading$1(node, _, state, info) {
  const rank = Math.max(Math.min(6, node.depth || 1), 1);
  const tracker = state.createTracker(info);

  if (formatHeadingAsSetext$1(node, state)) {
    const exit = state.enter('headingSetext');
    const subexit = state.enter('phrasing');
    const value = state.containerPhrasing(node, {
      ...tracker.current(),
      before: '\n',
      after: '\n'
    });
    subexit();
    exit();

    return (
      value +
      '\n' +
      (rank === 1 ? '=' : '-').repeat(
        // The whole size…
        value.length -
          // Minus the position of the character after the last EOL (or
          // 0 if there is none)…
          (Math.max(value.lastIndexOf('\r'), value.lastIndexOf('\n')) + 1)
      )
    )
  }

  const sequence = '#'.repeat(rank);
  const exit = state.enter('headingAtx');
  const subexit = state.enter('phrasing');

  // Note: for proper tracking, we should reset the output positions when there
  // is no content returned, because then the space is not output.
  // Practically, in that case, there is no content, so it doesn’t matter that
  // we’ve tracked one too many characters.
  tracker.move(sequence + ' ');

  let value = state.containerPhrasing(node, {
    before: '# ',
    after: '\n',
    ...tracker.current()
  });

  const head = value.charCodeAt(0);

  if (head === 9 /* `\t` */ || head === 32 /* ` ` */) {
    // To do: what effect has the character reference on tracking?
    value = encodeCharacterReference(head) + value.slice(1);
  }

  value = value ? sequence + ' ' + value : sequence;

  if (state.options.closeAtx) {
    value += ' ' + sequence;
  }

  subexit();
  exit();

  return value
}

/**
 * @import {Html} from 'mdast'
 */

html.peek = htmlPeek;

/**
 * Serialize an HTML node.
 *
 * @param {Html} node
 *   Node to serialize.
 * @returns {string}
 *   Serialized markdown.
 */
function html(node) {
  return node.value || ''
}

/**
 * Peek at this node.
 *
 * @returns {string}
 *   Start of the serialized markdown.
 */
function htmlPeek() {
  return '<'
}

/**
 * @import {Info, State} from 'mdast-util-to-markdown'
 * @import {Image, Parents} from 'mdast'
 */


image.peek = imagePeek;

/**
 * Serialize an image node.
 *
 * @param {Image} node
 *   Node to serialize.
 * @param {Parents | undefined} _
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @param {Info} info
 *   Info on surrounding context.
 * @returns {string}
 *   Serialized markdown.
 */
function image(node, _, state, info) {
  const quote = checkQuote(state);
  const suffix = quote === '"' ? 'Quote' : 'Apostrophe';
  const exit = state.enter('image');
  let subexit = state.enter('label');
  const tracker = state.createTracker(info);
  let value = tracker.move('![');
  value += tracker.move(
    state.safe(node.alt, {before: value, after: ']', ...tracker.current()})
  );
  value += tracker.move('](');

  subexit();

  if (
    // If there’s no url but there is a title…
    (!node.url && node.title) ||
    // If there are control characters or whitespace.
    /[\0- \u007F]/.test(node.url)
  ) {
    subexit = state.enter('destinationLiteral');
    value += tracker.move('<');
    value += tracker.move(
      state.safe(node.url, {before: value, after: '>', ...tracker.current()})
    );
    value += tracker.move('>');
  } else {
    // No whitespace, raw is prettier.
    subexit = state.enter('destinationRaw');
    value += tracker.move(
      state.safe(node.url, {
        before: value,
        after: node.title ? ' ' : ')',
        ...tracker.current()
      })
    );
  }

  subexit();

  if (node.title) {
    subexit = state.enter(`title${suffix}`);
    value += tracker.move(' ' + quote);
    value += tracker.move(
      state.safe(node.title, {
        before: value,
        after: quote,
        ...tracker.current()
      })
    );
    value += tracker.move(quote);
    subexit();
  }

  value += tracker.move(')');
  exit();

  return value
}

/**
 * Peek at this node.
 *
 * @returns {string}
 *   Start of the serialized markdown.
 */
function imagePeek() {
  return '!'
}

/**
 * @import {Info, State} from 'mdast-util-to-markdown'
 * @import {ImageReference, Parents} from 'mdast'
 */

imageReference.peek = imageReferencePeek;

/**
 * Serialize an image reference node.
 *
 * @param {ImageReference} node
 *   Node to serialize.
 * @param {Parents | undefined} _
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @param {Info} info
 *   Info on surrounding context.
 * @returns {string}
 *   Serialized markdown.
 */
function imageReference(node, _, state, info) {
  const type = node.referenceType;
  const exit = state.enter('imageReference');
  let subexit = state.enter('label');
  const tracker = state.createTracker(info);
  let value = tracker.move('![');
  const alt = state.safe(node.alt, {
    before: value,
    after: ']',
    ...tracker.current()
  });
  value += tracker.move(alt + '][');

  subexit();
  // Hide that we’re in phrasing as things like attention or code cannot form
  // in references.
  // Character escapes and references *do* work.
  // It is important to know about other constructs, such as table cells.
  const stack = state.stack;
  state.stack = stack.filter(function (d) {
    return d !== 'phrasing'
  });
  subexit = state.enter('reference');
  // Note: for proper tracking, we should reset the output positions when we end
  // up making a `shortcut` reference, because then there is no brace output.
  // Practically, in that case, there is no content, so it doesn’t matter that
  // we’ve tracked one too many characters.
  const reference = state.safe(state.associationId(node), {
    before: value,
    after: ']',
    ...tracker.current()
  });
  subexit();
  state.stack = stack;
  exit();

  if (type === 'full' || !alt || alt !== reference) {
    value += tracker.move(reference + ']');
  } else if (type === 'shortcut') {
    // Remove the unwanted `[`.
    value = value.slice(0, -1);
  } else {
    value += tracker.move(']');
  }

  return value
}

/**
 * Peek at this node.
 *
 * @returns {string}
 *   Start of the serialized markdown.
 */
function imageReferencePeek() {
  return '!'
}

/**
 * @import {State} from 'mdast-util-to-markdown'
 * @import {InlineCode, Parents} from 'mdast'
 */

inlineCode.peek = inlineCodePeek;

/**
 * Serialize an inline code node.
 *
 * @param {InlineCode} node
 *   Node to serialize.
 * @param {Parents | undefined} _
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @returns {string}
 *   Serialized markdown.
 */
function inlineCode(node, _, state) {
  let value = node.value || '';
  let sequence = '`';
  let index = -1;

  // If there is a single grave accent on its own in the code, use a fence of
  // two.
  // If there are two in a row, use one.
  while (new RegExp('(^|[^`])' + sequence + '([^`]|$)').test(value)) {
    sequence += '`';
  }

  // If this is not just spaces or eols (tabs don’t count), and either the
  // first or last character are a space, eol, or tick, then pad with spaces.
  if (
    /[^\n\r ]/.test(value) &&
    ((/^[\n\r ]/.test(value) && /[\n\r ]$/.test(value)) || /^`|`$/.test(value))
  ) {
    value = ' ' + value + ' ';
  }

  // We have a potential problem: certain characters after eols could result in
  // blocks being seen.
  // For example, if someone injected the string `'\n# b'`, then that would
  // result in an ATX heading.
  // We can’t escape characters in `inlineCode`, but because eols are
  // transformed to spaces when going from markdown to HTML anyway, we can swap
  // them out.
  while (++index < state.unsafe.length) {
    const pattern = state.unsafe[index];
    const expression = state.compilePattern(pattern);

    // Only look for `atBreak`s.
    // Btw: note that `atBreak` patterns will always start the regex at LF or
    // CR.
    if (!pattern.atBreak) continue

    /** @type {RegExpExecArray | null} */
    let match;

    while ((match = expression.exec(value))) {
      let position = match.index;

      // Support CRLF (patterns only look for one of the characters).
      if (
        value.charCodeAt(position) === 10 /* `\n` */ &&
        value.charCodeAt(position - 1) === 13 /* `\r` */
      ) {
        position--;
      }

      value = value.slice(0, position) + ' ' + value.slice(match.index + 1);
    }
  }

  return sequence + value + sequence
}

/**
 * Peek at this node.
 *
 * @returns {string}
 *   Start of the serialized markdown.
 */
function inlineCodePeek() {
  return '`'
}

/**
 * @import {State} from 'mdast-util-to-markdown'
 * @import {Link} from 'mdast'
 */


/**
 * Checks if a link can be formatted as an autolink.
 *
 * @param {Link} node
 *   Node to check.
 * @param {State} state
 *   Info passed around.
 * @returns {boolean}
 *   Whether the link can be formatted as an autolink.
 */
function formatLinkAsAutolink(node, state) {
  const raw = toString(node);

  return Boolean(
    !state.options.resourceLink &&
    // If there’s a url…
    node.url &&
    // And there’s no title…
    !node.title &&
    // And the content of `node` is a single text node…
    node.children &&
    node.children.length === 1 &&
    node.children[0].type === 'text' &&
    // And if the url is the same as the content…
    (raw === node.url || 'mailto:' + raw === node.url) &&
    // And that starts w/ a protocol…
    /^[a-z][+\-.a-z]+:/i.test(node.url) &&
    // And that doesn’t contain ASCII control codes (character escapes and
    // references don’t work), space, or angle brackets…
    !/[\0- <>\u007F]/.test(node.url)
  )
}

/**
 * @import {Info, State} from 'mdast-util-to-markdown'
 * @import {Link, Parents} from 'mdast'
 * @import {Exit} from '../types.js'
 */


link$1.peek = linkPeek;

/**
 * Serialize a link node.
 *
 * @param {Link} node
 *   Node to serialize.
 * @param {Parents | undefined} _
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @param {Info} info
 *   Info on surrounding context.
 * @returns {string}
 *   Serialized markdown.
 */
function link$1(node, _, state, info) {
  const quote = checkQuote(state);
  const suffix = quote === '"' ? 'Quote' : 'Apostrophe';
  const tracker = state.createTracker(info);

  if (formatLinkAsAutolink(node, state)) {
    // Hide that we’re in phrasing as things like attention or code cannot form
    // in autolinks.
    // Character escapes also don’t work (nor character references),
    // but that is a different matter, which `safe.js` handles for `autolink`.
    // It is important to know about other constructs, such as table cells.
    const stack = state.stack;
    state.stack = stack.filter(function (d) {
      return d !== 'phrasing'
    });
    const exit = state.enter('autolink');
    let value = tracker.move('<');
    value += tracker.move(
      state.containerPhrasing(node, {
        before: value,
        after: '>',
        ...tracker.current()
      })
    );
    value += tracker.move('>');
    exit();
    state.stack = stack;
    return value
  }

  const exit = state.enter('link');
  let subexit = state.enter('label');
  let value = tracker.move('[');
  const text = state.containerPhrasing(node, {
    before: value,
    after: '](',
    ...tracker.current()
  });
  value += tracker.move(text);
  subexit();
  value += tracker.move('](');

  // A link could accidentally turn into a definition in certain contexts:
  // at the start of a line, without title, when its text has a `]` that
  // cannot be escaped (such as in code).
  //
  // We can prevent that with an empty title:
  //
  // ```
  // [`a]:`](b)
  // ```
  //
  // …is a definition with `` `](b) `` as its destination.
  //
  // Using:
  //
  // ```
  // [`a]:`](b "")
  // ```
  //
  // …instead fixes it.
  //
  // Control characters or whitespace in the url need an enclosed destination,
  // which also prevents this.
  const enclose = /[\0- \u007F]/.test(node.url);
  const last = info.before.charAt(info.before.length - 1);
  let title = node.title || undefined;

  if (!title && !enclose && (last === '\n' || last === '\r')) {
    let index = 0;

    while (index < text.length && text.charCodeAt(index) !== 93 /* `]` */) {
      index += text.charCodeAt(index) === 92 /* `\` */ ? 2 : 1;
    }

    if (text.charCodeAt(index + 1) === 58 /* `:` */) title = '';
  }

  if (
    // If there’s no url but there is a title…
    (!node.url && typeof title === 'string') ||
    // If there are control characters or whitespace.
    enclose
  ) {
    subexit = state.enter('destinationLiteral');
    value += tracker.move('<');
    value += tracker.move(
      state.safe(node.url, {before: value, after: '>', ...tracker.current()})
    );
    value += tracker.move('>');
  } else {
    // No whitespace, raw is prettier.
    subexit = state.enter('destinationRaw');
    value += tracker.move(
      state.safe(node.url, {
        before: value,
        after: typeof title === 'string' ? ' ' : ')',
        ...tracker.current()
      })
    );
  }

  subexit();

  if (typeof title === 'string') {
    subexit = state.enter(`title${suffix}`);
    value += tracker.move(' ' + quote);
    value += tracker.move(
      state.safe(title, {
        before: value,
        after: quote,
        ...tracker.current()
      })
    );
    value += tracker.move(quote);
    subexit();
  }

  value += tracker.move(')');

  exit();
  return value
}

/**
 * Peek at this node.
 *
 * @param {Link} node
 *   Node to peek at.
 * @param {Parents | undefined} _
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @returns {string}
 *   Start of the serialized markdown.
 */
function linkPeek(node, _, state) {
  return formatLinkAsAutolink(node, state) ? '<' : '['
}

/**
 * @import {Info, State} from 'mdast-util-to-markdown'
 * @import {LinkReference, Parents} from 'mdast'
 */

linkReference.peek = linkReferencePeek;

/**
 * Serialize a link reference node.
 *
 * @param {LinkReference} node
 *   Node to serialize.
 * @param {Parents | undefined} _
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @param {Info} info
 *   Info on surrounding context.
 * @returns {string}
 *   Serialized markdown.
 */
function linkReference(node, _, state, info) {
  const type = node.referenceType;
  const exit = state.enter('linkReference');
  let subexit = state.enter('label');
  const tracker = state.createTracker(info);
  let value = tracker.move('[');
  const text = state.containerPhrasing(node, {
    before: value,
    after: ']',
    ...tracker.current()
  });
  value += tracker.move(text + '][');

  subexit();
  // Hide that we’re in phrasing as things like attention or code cannot form
  // in references.
  // Character escapes and references *do* work.
  // It is important to know about other constructs, such as table cells.
  const stack = state.stack;
  state.stack = stack.filter(function (d) {
    return d !== 'phrasing'
  });
  subexit = state.enter('reference');
  // Note: for proper tracking, we should reset the output positions when we end
  // up making a `shortcut` reference, because then there is no brace output.
  // Practically, in that case, there is no content, so it doesn’t matter that
  // we’ve tracked one too many characters.
  const reference = state.safe(state.associationId(node), {
    before: value,
    after: ']',
    ...tracker.current()
  });
  subexit();
  state.stack = stack;
  exit();

  if (type === 'full' || !text || text !== reference) {
    value += tracker.move(reference + ']');
  } else if (type === 'shortcut') {
    // Remove the unwanted `[`.
    value = value.slice(0, -1);
  } else {
    value += tracker.move(']');
  }

  return value
}

/**
 * Peek at this node.
 *
 * @returns {string}
 *   Start of the serialized markdown.
 */
function linkReferencePeek() {
  return '['
}

/**
 * @import {Options, State} from 'mdast-util-to-markdown'
 */

/**
 * Checks the preferred list bullet option.
 *
 * @param {State} state
 *   Info passed around.
 * @returns {Exclude<Options['bullet'], null | undefined>}
 *   Preferred list bullet.
 */
function checkBullet(state) {
  const marker = state.options.bullet || '*';

  if (marker !== '*' && marker !== '+' && marker !== '-') {
    throw new Error(
      'Cannot serialize items with `' +
        marker +
        '` for `options.bullet`, expected `*`, `+`, or `-`'
    )
  }

  return marker
}

/**
 * @import {Options, State} from 'mdast-util-to-markdown'
 */


/**
 * Checks the preferred alternate list bullet option.
 *
 * @param {State} state
 *   Info passed around.
 * @returns {Exclude<Options['bullet'], null | undefined>}
 *   Preferred alternate list bullet.
 */
function checkBulletOther(state) {
  const bullet = checkBullet(state);
  const bulletOther = state.options.bulletOther;

  if (!bulletOther) {
    return bullet === '*' ? '-' : '*'
  }

  if (bulletOther !== '*' && bulletOther !== '+' && bulletOther !== '-') {
    throw new Error(
      'Cannot serialize items with `' +
        bulletOther +
        '` for `options.bulletOther`, expected `*`, `+`, or `-`'
    )
  }

  if (bulletOther === bullet) {
    throw new Error(
      'Expected `bullet` (`' +
        bullet +
        '`) and `bulletOther` (`' +
        bulletOther +
        '`) to be different'
    )
  }

  return bulletOther
}

/**
 * @import {Options, State} from 'mdast-util-to-markdown'
 */

/**
 * Checks the preferred ordered list bullet option.
 *
 * @param {State} state
 *   Info passed around.
 * @returns {Exclude<Options['bulletOrdered'], null | undefined>}
 *   Preferred ordered list bullet.
 */
function checkBulletOrdered(state) {
  const marker = state.options.bulletOrdered || '.';

  if (marker !== '.' && marker !== ')') {
    throw new Error(
      'Cannot serialize items with `' +
        marker +
        '` for `options.bulletOrdered`, expected `.` or `)`'
    )
  }

  return marker
}

/**
 * @import {Options, State} from 'mdast-util-to-markdown'
 */

/**
 * Checks the preferred rule option.
 *
 * @param {State} state
 *   Info passed around.
 * @returns {Exclude<Options['rule'], null | undefined>}
 *   Preferred rule marker.
 */
function checkRule(state) {
  const marker = state.options.rule || '*';

  if (marker !== '*' && marker !== '-' && marker !== '_') {
    throw new Error(
      'Cannot serialize rules with `' +
        marker +
        '` for `options.rule`, expected `*`, `-`, or `_`'
    )
  }

  return marker
}

/**
 * @import {Info, State} from 'mdast-util-to-markdown'
 * @import {List, Parents} from 'mdast'
 */


/**
 * Serialize a list node.
 *
 * @param {List} node
 *   Node to serialize.
 * @param {Parents | undefined} parent
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @param {Info} info
 *   Info on surrounding context.
 * @returns {string}
 *   Serialized markdown.
 */
function list(node, parent, state, info) {
  const exit = state.enter('list');
  const bulletCurrent = state.bulletCurrent;
  /** @type {string} */
  let bullet = node.ordered ? checkBulletOrdered(state) : checkBullet(state);
  /** @type {string} */
  const bulletOther = node.ordered
    ? bullet === '.'
      ? ')'
      : '.'
    : checkBulletOther(state);
  let useDifferentMarker =
    parent && state.bulletLastUsed ? bullet === state.bulletLastUsed : false;

  if (!node.ordered) {
    const firstListItem = node.children ? node.children[0] : undefined;

    // If there’s an empty first list item directly in two list items,
    // we have to use a different bullet:
    //
    // ```markdown
    // * - *
    // ```
    //
    // …because otherwise it would become one big thematic break.
    if (
      // Bullet could be used as a thematic break marker:
      (bullet === '*' || bullet === '-') &&
      // Empty first list item:
      firstListItem &&
      (!firstListItem.children || !firstListItem.children[0]) &&
      // Directly in two other list items:
      state.stack[state.stack.length - 1] === 'list' &&
      state.stack[state.stack.length - 2] === 'listItem' &&
      state.stack[state.stack.length - 3] === 'list' &&
      state.stack[state.stack.length - 4] === 'listItem' &&
      // That are each the first child.
      state.indexStack[state.indexStack.length - 1] === 0 &&
      state.indexStack[state.indexStack.length - 2] === 0 &&
      state.indexStack[state.indexStack.length - 3] === 0
    ) {
      useDifferentMarker = true;
    }

    // If there’s a thematic break at the start of the first list item,
    // we have to use a different bullet:
    //
    // ```markdown
    // * ---
    // ```
    //
    // …because otherwise it would become one big thematic break.
    if (checkRule(state) === bullet && firstListItem) {
      let index = -1;

      while (++index < node.children.length) {
        const item = node.children[index];

        if (
          item &&
          item.type === 'listItem' &&
          item.children &&
          item.children[0] &&
          item.children[0].type === 'thematicBreak'
        ) {
          useDifferentMarker = true;
          break
        }
      }
    }
  }

  if (useDifferentMarker) {
    bullet = bulletOther;
  }

  state.bulletCurrent = bullet;
  const value = state.containerFlow(node, info);
  state.bulletLastUsed = bullet;
  state.bulletCurrent = bulletCurrent;
  exit();
  return value
}

/**
 * @import {Options, State} from 'mdast-util-to-markdown'
 */

/**
 * Checks the preferred list item indent option.
 *
 * @param {State} state
 *   Info passed around.
 * @returns {Exclude<Options['listItemIndent'], null | undefined>}
 *   Preferred list item indent.
 */
function checkListItemIndent(state) {
  const style = state.options.listItemIndent || 'one';

  if (style !== 'tab' && style !== 'one' && style !== 'mixed') {
    throw new Error(
      'Cannot serialize items with `' +
        style +
        '` for `options.listItemIndent`, expected `tab`, `one`, or `mixed`'
    )
  }

  return style
}

/**
 * @import {Info, Map, State} from 'mdast-util-to-markdown'
 * @import {ListItem, Parents} from 'mdast'
 */


/**
 * Serialize a list item node.
 *
 * @param {ListItem} node
 *   Node to serialize.
 * @param {Parents | undefined} parent
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @param {Info} info
 *   Info on surrounding context.
 * @returns {string}
 *   Serialized markdown.
 */
function listItem(node, parent, state, info) {
  const listItemIndent = checkListItemIndent(state);
  let bullet = state.bulletCurrent || checkBullet(state);

  // Add the marker value for ordered lists.
  if (parent && parent.type === 'list' && parent.ordered) {
    bullet =
      (typeof parent.start === 'number' && parent.start > -1
        ? parent.start
        : 1) +
      (state.options.incrementListMarker === false
        ? 0
        : parent.children.indexOf(node)) +
      bullet;
  }

  let size = bullet.length + 1;

  if (
    listItemIndent === 'tab' ||
    (listItemIndent === 'mixed' &&
      ((parent && parent.type === 'list' && parent.spread) || node.spread))
  ) {
    size = Math.ceil(size / 4) * 4;
  }

  const tracker = state.createTracker(info);
  tracker.move(bullet + ' '.repeat(size - bullet.length));
  tracker.shift(size);
  const exit = state.enter('listItem');
  const value = state.indentLines(
    state.containerFlow(node, tracker.current()),
    map
  );
  exit();

  return value

  /**
   * Indent lines of the list item.
   *
   * @type {Map}
   */
  function map(line, index, blank) {
    if (index) {
      return (blank ? '' : ' '.repeat(size)) + line
    }

    return (blank ? bullet : bullet + ' '.repeat(size - bullet.length)) + line
  }
}

/**
 * @import {Info, State} from 'mdast-util-to-markdown'
 * @import {Paragraph, Parents} from 'mdast'
 */

/**
 * Serialize a paragraph node.
 *
 * @param {Paragraph} node
 *   Node to serialize.
 * @param {Parents | undefined} _
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @param {Info} info
 *   Info on surrounding context.
 * @returns {string}
 *   Serialized markdown.
 */
function paragraph$1(node, _, state, info) {
  const exit = state.enter('paragraph');
  const subexit = state.enter('phrasing');
  const value = state.containerPhrasing(node, info);
  subexit();
  exit();
  return value
}

/**
 * @import {Info, State} from 'mdast-util-to-markdown'
 * @import {Parents, Root} from 'mdast'
 */


/**
 * Serialize a root node.
 *
 * @param {Root} node
 *   Node to serialize.
 * @param {Parents | undefined} _
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @param {Info} info
 *   Info on surrounding context.
 * @returns {string}
 *   Serialized markdown.
 */
function root$1(node, _, state, info) {
  // Note: `html` nodes are ambiguous.
  const hasPhrasing = node.children.some(function (d) {
    return phrasing$1(d)
  });

  if (!hasPhrasing) return state.containerFlow(node, info)

  const exit = state.enter('phrasing');
  const value = state.containerPhrasing(node, info);
  exit();
  return value
}

/**
 * @import {Options, State} from 'mdast-util-to-markdown'
 */

/**
 * Checks the preferred strong option.
 *
 * @param {State} state
 *   Info passed around.
 * @returns {Exclude<Options['strong'], null | undefined>}
 *   Preferred strong marker.
 */
function checkStrong(state) {
  const marker = state.options.strong || '*';

  if (marker !== '*' && marker !== '_') {
    throw new Error(
      'Cannot serialize strong with `' +
        marker +
        '` for `options.strong`, expected `*`, or `_`'
    )
  }

  return marker
}

/**
 * @import {AttentionInfo, Info, State} from 'mdast-util-to-markdown'
 * @import {Parents, Strong} from 'mdast'
 */


strong$1.attention = attention;
strong$1.peek = peek;

/**
 * Serialize a strong node.
 *
 * Attention is properly handled by `containerPhrasing`.
 *
 * @param {Strong} node
 *   Node to serialize.
 * @param {Parents | undefined} _
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @param {Info} info
 *   Info on surrounding context.
 * @returns {string}
 *   Serialized markdown.
 */
function strong$1(node, _, state, info) {
  const exit = state.enter('phrasing');
  const item = attentionItem(node, attention, state, state.createTracker(info));
  const value = item ? serialize([item], info.before, info.after) : '';
  exit();
  return value
}

/**
 * Serialize a strong node as attention.
 *
 * @param {Strong} _
 *   Node to serialize.
 * @param {State} state
 *   Info passed around.
 * @returns {AttentionInfo}
 *   Info on how to serialize the node.
 */
function attention(_, state) {
  const marker = checkStrong(state);
  return {
    construct: 'strong',
    markers: marker === '*' ? ['*', '_'] : ['_', '*'],
    sizes: [2]
  }
}

/**
 * Peek at this node.
 *
 * @param {Strong} _
 *   Node to serialize.
 * @param {Parents | undefined} _1
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @returns {string}
 *   Start of the serialized markdown.
 */
function peek(_, _1, state) {
  return state.options.strong || '*'
}

/**
 * @import {Info, State} from 'mdast-util-to-markdown'
 * @import {Parents, Text} from 'mdast'
 */

/**
 * Serialize a text node.
 *
 * @param {Text} node
 *   Node to serialize.
 * @param {Parents | undefined} parent
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @param {Info} info
 *   Info on surrounding context.
 * @returns {string}
 *   Serialized markdown.
 */
function text$4(node, parent, state, info) {
  /* c8 ignore next -- parent always passed */
  const siblings = parent ? parent.children : [];
  const index = state.indexStack[state.indexStack.length - 1];

  return state.safe(node.value, {
    ...info,
    afterNode: siblings[index + 1],
    beforeNode: siblings[index - 1]
  })
}

/**
 * @import {Options, State} from 'mdast-util-to-markdown'
 */

/**
 * Checks the preferred rule repetition option.
 *
 * @param {State} state
 *   Info passed around.
 * @returns {Exclude<Options['ruleRepetition'], null | undefined>}
 *   Preferred rule repetition.
 */
function checkRuleRepetition(state) {
  const repetition = state.options.ruleRepetition || 3;

  if (repetition < 3) {
    throw new Error(
      'Cannot serialize rules with repetition `' +
        repetition +
        '` for `options.ruleRepetition`, expected `3` or more'
    )
  }

  return repetition
}

/**
 * @import {State} from 'mdast-util-to-markdown'
 * @import {Parents, ThematicBreak} from 'mdast'
 */


/**
 * Serialize a thematic break node.
 *
 * @param {ThematicBreak} _
 *   Node to serialize.
 * @param {Parents | undefined} _1
 *   Parent node.
 * @param {State} state
 *   Info passed around.
 * @returns {string}
 *   Serialized markdown.
 */
function thematicBreak(_, _1, state) {
  const value = (
    checkRule(state) + (state.options.ruleSpaces ? ' ' : '')
  ).repeat(checkRuleRepetition(state));

  return state.options.ruleSpaces ? value.slice(0, -1) : value
}

/**
 * Default (CommonMark) handlers.
 */
const handle = {
  blockquote,
  break: hardBreak,
  code: code$3,
  definition,
  emphasis,
  hardBreak,
  heading: heading$1,
  html,
  image,
  imageReference,
  inlineCode,
  link: link$1,
  linkReference,
  list,
  listItem,
  paragraph: paragraph$1,
  root: root$1,
  strong: strong$1,
  text: text$4,
  thematicBreak
};

/**
 * @import {Join} from 'mdast-util-to-markdown'
 */


/** @type {Array<Join>} */
const join = [joinDefaults];

/**
 * Default join function.
 *
 * @type {Join}
 */
function joinDefaults(left, right, parent, state) {
  // Indented code after list or another indented code.
  if (
    right.type === 'code' &&
    formatCodeAsIndented(right, state) &&
    (left.type === 'list' ||
      (left.type === right.type && formatCodeAsIndented(left, state)))
  ) {
    return false
  }

  // Join children of a list or an item.
  // In which case, `parent` has a `spread` field.
  if ('spread' in parent && typeof parent.spread === 'boolean') {
    if (parent.spread) return 1

    // HTML that only ends at a blank line.
    if (left.type === 'html') {
      const kind = htmlKind(left.value);
      if (kind === undefined || kind === 6 || kind === 7) return 1
    }

    if (left.type === 'blockquote' && right.type === 'blockquote') return 1

    // Lists with non-1 start would turn into a paragraph.
    if (
      (left.type === 'definition' || left.type === 'paragraph') &&
      right.type === 'list' &&
      ((right.ordered &&
        typeof right.start === 'number' &&
        right.start !== 1) ||
        (right.children.length > 0 && right.children[0].children.length === 0))
    ) {
      return 1
    }

    // Thematic break with dashes would turn into a setext heading.
    if (
      left.type === 'paragraph' &&
      right.type === 'thematicBreak' &&
      checkRule(state) === '-' &&
      !state.options.ruleSpaces
    ) {
      return 1
    }

    // We have to “delve” into containers that form from the left margin.
    let tail = left;

    while (
      (tail.type === 'blockquote' ||
        tail.type === 'list' ||
        tail.type === 'listItem') &&
      tail.children.length > 0
    ) {
      tail = tail.children[tail.children.length - 1];
    }

    if (tail.type !== 'definition' && tail.type !== 'paragraph') return 0

    // Indented code would turn into a paragraph.
    if (right.type === 'code' && formatCodeAsIndented(right, state)) return 1

    // Kind 7 HTML would turn into a paragraph.
    if (right.type === 'html') {
      const kind = htmlKind(right.value);
      if (kind === undefined || kind === 7) return 1
    }

    // Text joins the paragraph before it, also one at the end of a container.
    // Not a definition before it: definitions are parsed out of the start of
    // a paragraph, so they and the text after them are read back the same.
    if (
      (left.type === 'paragraph' || left !== tail) &&
      (right.type === 'definition' ||
        (right.type === 'heading' && formatHeadingAsSetext$1(right, state)) ||
        right.type === 'paragraph')
    ) {
      return 1
    }

    return 0
  }
}

/**
 * @import {ConstructName, Unsafe} from 'mdast-util-to-markdown'
 */

/**
 * List of constructs that occur in phrasing (paragraphs, headings), but cannot
 * contain things like attention (emphasis, strong), images, or links.
 * So they sort of cancel each other out.
 * Note: could use a better name.
 *
 * @type {Array<ConstructName>}
 */
const fullPhrasingSpans = [
  'autolink',
  'destinationLiteral',
  'destinationRaw',
  'reference',
  'titleQuote',
  'titleApostrophe'
];

/** @type {Array<Unsafe>} */
const unsafe = [
  {character: '\t', after: '[\\r\\n]', inConstruct: 'phrasing'},
  {character: '\t', before: '[\\r\\n]', inConstruct: 'phrasing'},
  {
    character: '\t',
    inConstruct: ['codeFencedLangGraveAccent', 'codeFencedLangTilde']
  },
  {
    character: '\r',
    inConstruct: [
      'codeFencedLangGraveAccent',
      'codeFencedLangTilde',
      'codeFencedMetaGraveAccent',
      'codeFencedMetaTilde',
      'destinationLiteral',
      'headingAtx'
    ]
  },
  {
    character: '\n',
    inConstruct: [
      'codeFencedLangGraveAccent',
      'codeFencedLangTilde',
      'codeFencedMetaGraveAccent',
      'codeFencedMetaTilde',
      'destinationLiteral',
      'headingAtx'
    ]
  },
  {character: '\r', before: '[\\r\\n]', inConstruct: 'phrasing'},
  {character: '\r', after: '\\r', inConstruct: 'phrasing'},
  {character: '\n', before: '\\n', inConstruct: 'phrasing'},
  {character: '\n', after: '[\\r\\n]', inConstruct: 'phrasing'},
  {character: ' ', after: '[\\r\\n]', inConstruct: 'phrasing'},
  {character: ' ', before: '[\\r\\n]', inConstruct: 'phrasing'},
  {
    character: ' ',
    inConstruct: ['codeFencedLangGraveAccent', 'codeFencedLangTilde']
  },
  // An exclamation mark can start an image, if it is followed by a link or
  // a link reference.
  {
    character: '!',
    after: '\\[',
    inConstruct: 'phrasing',
    notInConstruct: fullPhrasingSpans
  },
  // A quote can break out of a title.
  {character: '"', inConstruct: 'titleQuote'},
  // A number sign could start an ATX heading if it starts a line.
  {atBreak: true, character: '#'},
  {character: '#', inConstruct: 'headingAtx', after: '(?:[\r\n]|$)'},
  // Dollar sign and percentage are not used in markdown.
  // An ampersand could start a character reference.
  // Labels match on their source.
  {
    character: '&',
    after: '[#A-Za-z]',
    inConstruct: [
      'codeFencedLangGraveAccent',
      'codeFencedLangTilde',
      'codeFencedMetaGraveAccent',
      'codeFencedMetaTilde',
      'destinationLiteral',
      'destinationRaw',
      'phrasing',
      'titleApostrophe',
      'titleQuote'
    ]
  },
  // An apostrophe can break out of a title.
  {character: "'", inConstruct: 'titleApostrophe'},
  // A left paren could break out of a destination raw.
  {character: '(', inConstruct: 'destinationRaw'},
  // A left paren followed by `]` could make something into a link or image.
  {
    before: '\\]',
    character: '(',
    inConstruct: 'phrasing',
    notInConstruct: fullPhrasingSpans
  },
  // A right paren could start a list item or break out of a destination
  // raw.
  {atBreak: true, before: '\\d+', character: ')'},
  {character: ')', inConstruct: 'destinationRaw'},
  // An asterisk can start thematic breaks, list items, emphasis, strong.
  {atBreak: true, character: '*', after: '(?:[ \t\r\n*])'},
  {character: '*', inConstruct: 'phrasing', notInConstruct: fullPhrasingSpans},
  // A plus sign could start a list item.
  {atBreak: true, character: '+', after: '(?:[ \t\r\n])'},
  // A dash can start thematic breaks, list items, and setext heading
  // underlines.
  {atBreak: true, character: '-', after: '(?:[ \t\r\n-])'},
  // A dot could start a list item.
  {atBreak: true, before: '\\d+', character: '.', after: '(?:[ \t\r\n]|$)'},
  // Slash, colon, and semicolon are not used in markdown for constructs.
  // A less than can start html (flow or text) or an autolink.
  // HTML could start with an exclamation mark (declaration, cdata, comment),
  // slash (closing tag), question mark (instruction), or a letter (tag).
  // An autolink also starts with a letter.
  // Finally, it could break out of a destination literal.
  {atBreak: true, character: '<', after: '[!/?A-Za-z]'},
  {
    character: '<',
    after: '[!/?A-Za-z]',
    inConstruct: 'phrasing',
    notInConstruct: fullPhrasingSpans
  },
  {character: '<', inConstruct: 'destinationLiteral'},
  // An equals to can start setext heading underlines.
  {atBreak: true, character: '='},
  // A greater than can start block quotes and it can break out of a
  // destination literal.
  {atBreak: true, character: '>'},
  {character: '>', inConstruct: 'destinationLiteral'},
  // Question mark and at sign are not used in markdown for constructs.
  // A left bracket can start definitions, references, labels,
  {atBreak: true, character: '['},
  {character: '[', inConstruct: 'phrasing', notInConstruct: fullPhrasingSpans},
  {character: '[', inConstruct: ['label', 'reference']},
  // A backslash can start an escape (when followed by punctuation) or a
  // hard break (when followed by an eol).
  // Note: typical escapes are handled in `safe`!
  {character: '\\', after: '[\\r\\n]', inConstruct: 'phrasing'},
  // A right bracket can exit labels.
  {character: ']', inConstruct: ['label', 'reference']},
  // Caret is not used in markdown for constructs.
  // An underscore can start emphasis, strong, or a thematic break.
  {atBreak: true, character: '_'},
  {character: '_', inConstruct: 'phrasing', notInConstruct: fullPhrasingSpans},
  // A grave accent can start code (fenced or text), or it can break out of
  // a grave accent code fence.
  {atBreak: true, character: '`'},
  {
    character: '`',
    inConstruct: ['codeFencedLangGraveAccent', 'codeFencedMetaGraveAccent']
  },
  {character: '`', inConstruct: 'phrasing', notInConstruct: fullPhrasingSpans},
  // Left brace, vertical bar, right brace are not used in markdown for
  // constructs.
  // A tilde can start code (fenced).
  {atBreak: true, character: '~'},
  {character: '<', inConstruct: 'autolink'},
  {character: '>', inConstruct: 'autolink'},
  {character: '\u007F', inConstruct: 'autolink'}
];

// Also the low ASCII control characters including space.
let code$2 = -1;

while (++code$2 < 33) {
  unsafe.push({character: String.fromCharCode(code$2), inConstruct: 'autolink'});
}

/**
 * Map of named character references.
 *
 * @type {Record<string, string>}
 */
const characterEntities = {
  AElig: 'Æ',
  AMP: '&',
  Aacute: 'Á',
  Abreve: 'Ă',
  Acirc: 'Â',
  Acy: 'А',
  Afr: '𝔄',
  Agrave: 'À',
  Alpha: 'Α',
  Amacr: 'Ā',
  And: '⩓',
  Aogon: 'Ą',
  Aopf: '𝔸',
  ApplyFunction: '⁡',
  Aring: 'Å',
  Ascr: '𝒜',
  Assign: '≔',
  Atilde: 'Ã',
  Auml: 'Ä',
  Backslash: '∖',
  Barv: '⫧',
  Barwed: '⌆',
  Bcy: 'Б',
  Because: '∵',
  Bernoullis: 'ℬ',
  Beta: 'Β',
  Bfr: '𝔅',
  Bopf: '𝔹',
  Breve: '˘',
  Bscr: 'ℬ',
  Bumpeq: '≎',
  CHcy: 'Ч',
  COPY: '©',
  Cacute: 'Ć',
  Cap: '⋒',
  CapitalDifferentialD: 'ⅅ',
  Cayleys: 'ℭ',
  Ccaron: 'Č',
  Ccedil: 'Ç',
  Ccirc: 'Ĉ',
  Cconint: '∰',
  Cdot: 'Ċ',
  Cedilla: '¸',
  CenterDot: '·',
  Cfr: 'ℭ',
  Chi: 'Χ',
  CircleDot: '⊙',
  CircleMinus: '⊖',
  CirclePlus: '⊕',
  CircleTimes: '⊗',
  ClockwiseContourIntegral: '∲',
  CloseCurlyDoubleQuote: '”',
  CloseCurlyQuote: '’',
  Colon: '∷',
  Colone: '⩴',
  Congruent: '≡',
  Conint: '∯',
  ContourIntegral: '∮',
  Copf: 'ℂ',
  Coproduct: '∐',
  CounterClockwiseContourIntegral: '∳',
  Cross: '⨯',
  Cscr: '𝒞',
  Cup: '⋓',
  CupCap: '≍',
  DD: 'ⅅ',
  DDotrahd: '⤑',
  DJcy: 'Ђ',
  DScy: 'Ѕ',
  DZcy: 'Џ',
  Dagger: '‡',
  Darr: '↡',
  Dashv: '⫤',
  Dcaron: 'Ď',
  Dcy: 'Д',
  Del: '∇',
  Delta: 'Δ',
  Dfr: '𝔇',
  DiacriticalAcute: '´',
  DiacriticalDot: '˙',
  DiacriticalDoubleAcute: '˝',
  DiacriticalGrave: '`',
  DiacriticalTilde: '˜',
  Diamond: '⋄',
  DifferentialD: 'ⅆ',
  Dopf: '𝔻',
  Dot: '¨',
  DotDot: '⃜',
  DotEqual: '≐',
  DoubleContourIntegral: '∯',
  DoubleDot: '¨',
  DoubleDownArrow: '⇓',
  DoubleLeftArrow: '⇐',
  DoubleLeftRightArrow: '⇔',
  DoubleLeftTee: '⫤',
  DoubleLongLeftArrow: '⟸',
  DoubleLongLeftRightArrow: '⟺',
  DoubleLongRightArrow: '⟹',
  DoubleRightArrow: '⇒',
  DoubleRightTee: '⊨',
  DoubleUpArrow: '⇑',
  DoubleUpDownArrow: '⇕',
  DoubleVerticalBar: '∥',
  DownArrow: '↓',
  DownArrowBar: '⤓',
  DownArrowUpArrow: '⇵',
  DownBreve: '̑',
  DownLeftRightVector: '⥐',
  DownLeftTeeVector: '⥞',
  DownLeftVector: '↽',
  DownLeftVectorBar: '⥖',
  DownRightTeeVector: '⥟',
  DownRightVector: '⇁',
  DownRightVectorBar: '⥗',
  DownTee: '⊤',
  DownTeeArrow: '↧',
  Downarrow: '⇓',
  Dscr: '𝒟',
  Dstrok: 'Đ',
  ENG: 'Ŋ',
  ETH: 'Ð',
  Eacute: 'É',
  Ecaron: 'Ě',
  Ecirc: 'Ê',
  Ecy: 'Э',
  Edot: 'Ė',
  Efr: '𝔈',
  Egrave: 'È',
  Element: '∈',
  Emacr: 'Ē',
  EmptySmallSquare: '◻',
  EmptyVerySmallSquare: '▫',
  Eogon: 'Ę',
  Eopf: '𝔼',
  Epsilon: 'Ε',
  Equal: '⩵',
  EqualTilde: '≂',
  Equilibrium: '⇌',
  Escr: 'ℰ',
  Esim: '⩳',
  Eta: 'Η',
  Euml: 'Ë',
  Exists: '∃',
  ExponentialE: 'ⅇ',
  Fcy: 'Ф',
  Ffr: '𝔉',
  FilledSmallSquare: '◼',
  FilledVerySmallSquare: '▪',
  Fopf: '𝔽',
  ForAll: '∀',
  Fouriertrf: 'ℱ',
  Fscr: 'ℱ',
  GJcy: 'Ѓ',
  GT: '>',
  Gamma: 'Γ',
  Gammad: 'Ϝ',
  Gbreve: 'Ğ',
  Gcedil: 'Ģ',
  Gcirc: 'Ĝ',
  Gcy: 'Г',
  Gdot: 'Ġ',
  Gfr: '𝔊',
  Gg: '⋙',
  Gopf: '𝔾',
  GreaterEqual: '≥',
  GreaterEqualLess: '⋛',
  GreaterFullEqual: '≧',
  GreaterGreater: '⪢',
  GreaterLess: '≷',
  GreaterSlantEqual: '⩾',
  GreaterTilde: '≳',
  Gscr: '𝒢',
  Gt: '≫',
  HARDcy: 'Ъ',
  Hacek: 'ˇ',
  Hat: '^',
  Hcirc: 'Ĥ',
  Hfr: 'ℌ',
  HilbertSpace: 'ℋ',
  Hopf: 'ℍ',
  HorizontalLine: '─',
  Hscr: 'ℋ',
  Hstrok: 'Ħ',
  HumpDownHump: '≎',
  HumpEqual: '≏',
  IEcy: 'Е',
  IJlig: 'Ĳ',
  IOcy: 'Ё',
  Iacute: 'Í',
  Icirc: 'Î',
  Icy: 'И',
  Idot: 'İ',
  Ifr: 'ℑ',
  Igrave: 'Ì',
  Im: 'ℑ',
  Imacr: 'Ī',
  ImaginaryI: 'ⅈ',
  Implies: '⇒',
  Int: '∬',
  Integral: '∫',
  Intersection: '⋂',
  InvisibleComma: '⁣',
  InvisibleTimes: '⁢',
  Iogon: 'Į',
  Iopf: '𝕀',
  Iota: 'Ι',
  Iscr: 'ℐ',
  Itilde: 'Ĩ',
  Iukcy: 'І',
  Iuml: 'Ï',
  Jcirc: 'Ĵ',
  Jcy: 'Й',
  Jfr: '𝔍',
  Jopf: '𝕁',
  Jscr: '𝒥',
  Jsercy: 'Ј',
  Jukcy: 'Є',
  KHcy: 'Х',
  KJcy: 'Ќ',
  Kappa: 'Κ',
  Kcedil: 'Ķ',
  Kcy: 'К',
  Kfr: '𝔎',
  Kopf: '𝕂',
  Kscr: '𝒦',
  LJcy: 'Љ',
  LT: '<',
  Lacute: 'Ĺ',
  Lambda: 'Λ',
  Lang: '⟪',
  Laplacetrf: 'ℒ',
  Larr: '↞',
  Lcaron: 'Ľ',
  Lcedil: 'Ļ',
  Lcy: 'Л',
  LeftAngleBracket: '⟨',
  LeftArrow: '←',
  LeftArrowBar: '⇤',
  LeftArrowRightArrow: '⇆',
  LeftCeiling: '⌈',
  LeftDoubleBracket: '⟦',
  LeftDownTeeVector: '⥡',
  LeftDownVector: '⇃',
  LeftDownVectorBar: '⥙',
  LeftFloor: '⌊',
  LeftRightArrow: '↔',
  LeftRightVector: '⥎',
  LeftTee: '⊣',
  LeftTeeArrow: '↤',
  LeftTeeVector: '⥚',
  LeftTriangle: '⊲',
  LeftTriangleBar: '⧏',
  LeftTriangleEqual: '⊴',
  LeftUpDownVector: '⥑',
  LeftUpTeeVector: '⥠',
  LeftUpVector: '↿',
  LeftUpVectorBar: '⥘',
  LeftVector: '↼',
  LeftVectorBar: '⥒',
  Leftarrow: '⇐',
  Leftrightarrow: '⇔',
  LessEqualGreater: '⋚',
  LessFullEqual: '≦',
  LessGreater: '≶',
  LessLess: '⪡',
  LessSlantEqual: '⩽',
  LessTilde: '≲',
  Lfr: '𝔏',
  Ll: '⋘',
  Lleftarrow: '⇚',
  Lmidot: 'Ŀ',
  LongLeftArrow: '⟵',
  LongLeftRightArrow: '⟷',
  LongRightArrow: '⟶',
  Longleftarrow: '⟸',
  Longleftrightarrow: '⟺',
  Longrightarrow: '⟹',
  Lopf: '𝕃',
  LowerLeftArrow: '↙',
  LowerRightArrow: '↘',
  Lscr: 'ℒ',
  Lsh: '↰',
  Lstrok: 'Ł',
  Lt: '≪',
  Map: '⤅',
  Mcy: 'М',
  MediumSpace: ' ',
  Mellintrf: 'ℳ',
  Mfr: '𝔐',
  MinusPlus: '∓',
  Mopf: '𝕄',
  Mscr: 'ℳ',
  Mu: 'Μ',
  NJcy: 'Њ',
  Nacute: 'Ń',
  Ncaron: 'Ň',
  Ncedil: 'Ņ',
  Ncy: 'Н',
  NegativeMediumSpace: '​',
  NegativeThickSpace: '​',
  NegativeThinSpace: '​',
  NegativeVeryThinSpace: '​',
  NestedGreaterGreater: '≫',
  NestedLessLess: '≪',
  NewLine: '\n',
  Nfr: '𝔑',
  NoBreak: '⁠',
  NonBreakingSpace: ' ',
  Nopf: 'ℕ',
  Not: '⫬',
  NotCongruent: '≢',
  NotCupCap: '≭',
  NotDoubleVerticalBar: '∦',
  NotElement: '∉',
  NotEqual: '≠',
  NotEqualTilde: '≂̸',
  NotExists: '∄',
  NotGreater: '≯',
  NotGreaterEqual: '≱',
  NotGreaterFullEqual: '≧̸',
  NotGreaterGreater: '≫̸',
  NotGreaterLess: '≹',
  NotGreaterSlantEqual: '⩾̸',
  NotGreaterTilde: '≵',
  NotHumpDownHump: '≎̸',
  NotHumpEqual: '≏̸',
  NotLeftTriangle: '⋪',
  NotLeftTriangleBar: '⧏̸',
  NotLeftTriangleEqual: '⋬',
  NotLess: '≮',
  NotLessEqual: '≰',
  NotLessGreater: '≸',
  NotLessLess: '≪̸',
  NotLessSlantEqual: '⩽̸',
  NotLessTilde: '≴',
  NotNestedGreaterGreater: '⪢̸',
  NotNestedLessLess: '⪡̸',
  NotPrecedes: '⊀',
  NotPrecedesEqual: '⪯̸',
  NotPrecedesSlantEqual: '⋠',
  NotReverseElement: '∌',
  NotRightTriangle: '⋫',
  NotRightTriangleBar: '⧐̸',
  NotRightTriangleEqual: '⋭',
  NotSquareSubset: '⊏̸',
  NotSquareSubsetEqual: '⋢',
  NotSquareSuperset: '⊐̸',
  NotSquareSupersetEqual: '⋣',
  NotSubset: '⊂⃒',
  NotSubsetEqual: '⊈',
  NotSucceeds: '⊁',
  NotSucceedsEqual: '⪰̸',
  NotSucceedsSlantEqual: '⋡',
  NotSucceedsTilde: '≿̸',
  NotSuperset: '⊃⃒',
  NotSupersetEqual: '⊉',
  NotTilde: '≁',
  NotTildeEqual: '≄',
  NotTildeFullEqual: '≇',
  NotTildeTilde: '≉',
  NotVerticalBar: '∤',
  Nscr: '𝒩',
  Ntilde: 'Ñ',
  Nu: 'Ν',
  OElig: 'Œ',
  Oacute: 'Ó',
  Ocirc: 'Ô',
  Ocy: 'О',
  Odblac: 'Ő',
  Ofr: '𝔒',
  Ograve: 'Ò',
  Omacr: 'Ō',
  Omega: 'Ω',
  Omicron: 'Ο',
  Oopf: '𝕆',
  OpenCurlyDoubleQuote: '“',
  OpenCurlyQuote: '‘',
  Or: '⩔',
  Oscr: '𝒪',
  Oslash: 'Ø',
  Otilde: 'Õ',
  Otimes: '⨷',
  Ouml: 'Ö',
  OverBar: '‾',
  OverBrace: '⏞',
  OverBracket: '⎴',
  OverParenthesis: '⏜',
  PartialD: '∂',
  Pcy: 'П',
  Pfr: '𝔓',
  Phi: 'Φ',
  Pi: 'Π',
  PlusMinus: '±',
  Poincareplane: 'ℌ',
  Popf: 'ℙ',
  Pr: '⪻',
  Precedes: '≺',
  PrecedesEqual: '⪯',
  PrecedesSlantEqual: '≼',
  PrecedesTilde: '≾',
  Prime: '″',
  Product: '∏',
  Proportion: '∷',
  Proportional: '∝',
  Pscr: '𝒫',
  Psi: 'Ψ',
  QUOT: '"',
  Qfr: '𝔔',
  Qopf: 'ℚ',
  Qscr: '𝒬',
  RBarr: '⤐',
  REG: '®',
  Racute: 'Ŕ',
  Rang: '⟫',
  Rarr: '↠',
  Rarrtl: '⤖',
  Rcaron: 'Ř',
  Rcedil: 'Ŗ',
  Rcy: 'Р',
  Re: 'ℜ',
  ReverseElement: '∋',
  ReverseEquilibrium: '⇋',
  ReverseUpEquilibrium: '⥯',
  Rfr: 'ℜ',
  Rho: 'Ρ',
  RightAngleBracket: '⟩',
  RightArrow: '→',
  RightArrowBar: '⇥',
  RightArrowLeftArrow: '⇄',
  RightCeiling: '⌉',
  RightDoubleBracket: '⟧',
  RightDownTeeVector: '⥝',
  RightDownVector: '⇂',
  RightDownVectorBar: '⥕',
  RightFloor: '⌋',
  RightTee: '⊢',
  RightTeeArrow: '↦',
  RightTeeVector: '⥛',
  RightTriangle: '⊳',
  RightTriangleBar: '⧐',
  RightTriangleEqual: '⊵',
  RightUpDownVector: '⥏',
  RightUpTeeVector: '⥜',
  RightUpVector: '↾',
  RightUpVectorBar: '⥔',
  RightVector: '⇀',
  RightVectorBar: '⥓',
  Rightarrow: '⇒',
  Ropf: 'ℝ',
  RoundImplies: '⥰',
  Rrightarrow: '⇛',
  Rscr: 'ℛ',
  Rsh: '↱',
  RuleDelayed: '⧴',
  SHCHcy: 'Щ',
  SHcy: 'Ш',
  SOFTcy: 'Ь',
  Sacute: 'Ś',
  Sc: '⪼',
  Scaron: 'Š',
  Scedil: 'Ş',
  Scirc: 'Ŝ',
  Scy: 'С',
  Sfr: '𝔖',
  ShortDownArrow: '↓',
  ShortLeftArrow: '←',
  ShortRightArrow: '→',
  ShortUpArrow: '↑',
  Sigma: 'Σ',
  SmallCircle: '∘',
  Sopf: '𝕊',
  Sqrt: '√',
  Square: '□',
  SquareIntersection: '⊓',
  SquareSubset: '⊏',
  SquareSubsetEqual: '⊑',
  SquareSuperset: '⊐',
  SquareSupersetEqual: '⊒',
  SquareUnion: '⊔',
  Sscr: '𝒮',
  Star: '⋆',
  Sub: '⋐',
  Subset: '⋐',
  SubsetEqual: '⊆',
  Succeeds: '≻',
  SucceedsEqual: '⪰',
  SucceedsSlantEqual: '≽',
  SucceedsTilde: '≿',
  SuchThat: '∋',
  Sum: '∑',
  Sup: '⋑',
  Superset: '⊃',
  SupersetEqual: '⊇',
  Supset: '⋑',
  THORN: 'Þ',
  TRADE: '™',
  TSHcy: 'Ћ',
  TScy: 'Ц',
  Tab: '\t',
  Tau: 'Τ',
  Tcaron: 'Ť',
  Tcedil: 'Ţ',
  Tcy: 'Т',
  Tfr: '𝔗',
  Therefore: '∴',
  Theta: 'Θ',
  ThickSpace: '  ',
  ThinSpace: ' ',
  Tilde: '∼',
  TildeEqual: '≃',
  TildeFullEqual: '≅',
  TildeTilde: '≈',
  Topf: '𝕋',
  TripleDot: '⃛',
  Tscr: '𝒯',
  Tstrok: 'Ŧ',
  Uacute: 'Ú',
  Uarr: '↟',
  Uarrocir: '⥉',
  Ubrcy: 'Ў',
  Ubreve: 'Ŭ',
  Ucirc: 'Û',
  Ucy: 'У',
  Udblac: 'Ű',
  Ufr: '𝔘',
  Ugrave: 'Ù',
  Umacr: 'Ū',
  UnderBar: '_',
  UnderBrace: '⏟',
  UnderBracket: '⎵',
  UnderParenthesis: '⏝',
  Union: '⋃',
  UnionPlus: '⊎',
  Uogon: 'Ų',
  Uopf: '𝕌',
  UpArrow: '↑',
  UpArrowBar: '⤒',
  UpArrowDownArrow: '⇅',
  UpDownArrow: '↕',
  UpEquilibrium: '⥮',
  UpTee: '⊥',
  UpTeeArrow: '↥',
  Uparrow: '⇑',
  Updownarrow: '⇕',
  UpperLeftArrow: '↖',
  UpperRightArrow: '↗',
  Upsi: 'ϒ',
  Upsilon: 'Υ',
  Uring: 'Ů',
  Uscr: '𝒰',
  Utilde: 'Ũ',
  Uuml: 'Ü',
  VDash: '⊫',
  Vbar: '⫫',
  Vcy: 'В',
  Vdash: '⊩',
  Vdashl: '⫦',
  Vee: '⋁',
  Verbar: '‖',
  Vert: '‖',
  VerticalBar: '∣',
  VerticalLine: '|',
  VerticalSeparator: '❘',
  VerticalTilde: '≀',
  VeryThinSpace: ' ',
  Vfr: '𝔙',
  Vopf: '𝕍',
  Vscr: '𝒱',
  Vvdash: '⊪',
  Wcirc: 'Ŵ',
  Wedge: '⋀',
  Wfr: '𝔚',
  Wopf: '𝕎',
  Wscr: '𝒲',
  Xfr: '𝔛',
  Xi: 'Ξ',
  Xopf: '𝕏',
  Xscr: '𝒳',
  YAcy: 'Я',
  YIcy: 'Ї',
  YUcy: 'Ю',
  Yacute: 'Ý',
  Ycirc: 'Ŷ',
  Ycy: 'Ы',
  Yfr: '𝔜',
  Yopf: '𝕐',
  Yscr: '𝒴',
  Yuml: 'Ÿ',
  ZHcy: 'Ж',
  Zacute: 'Ź',
  Zcaron: 'Ž',
  Zcy: 'З',
  Zdot: 'Ż',
  ZeroWidthSpace: '​',
  Zeta: 'Ζ',
  Zfr: 'ℨ',
  Zopf: 'ℤ',
  Zscr: '𝒵',
  aacute: 'á',
  abreve: 'ă',
  ac: '∾',
  acE: '∾̳',
  acd: '∿',
  acirc: 'â',
  acute: '´',
  acy: 'а',
  aelig: 'æ',
  af: '⁡',
  afr: '𝔞',
  agrave: 'à',
  alefsym: 'ℵ',
  aleph: 'ℵ',
  alpha: 'α',
  amacr: 'ā',
  amalg: '⨿',
  amp: '&',
  and: '∧',
  andand: '⩕',
  andd: '⩜',
  andslope: '⩘',
  andv: '⩚',
  ang: '∠',
  ange: '⦤',
  angle: '∠',
  angmsd: '∡',
  angmsdaa: '⦨',
  angmsdab: '⦩',
  angmsdac: '⦪',
  angmsdad: '⦫',
  angmsdae: '⦬',
  angmsdaf: '⦭',
  angmsdag: '⦮',
  angmsdah: '⦯',
  angrt: '∟',
  angrtvb: '⊾',
  angrtvbd: '⦝',
  angsph: '∢',
  angst: 'Å',
  angzarr: '⍼',
  aogon: 'ą',
  aopf: '𝕒',
  ap: '≈',
  apE: '⩰',
  apacir: '⩯',
  ape: '≊',
  apid: '≋',
  apos: "'",
  approx: '≈',
  approxeq: '≊',
  aring: 'å',
  ascr: '𝒶',
  ast: '*',
  asymp: '≈',
  asympeq: '≍',
  atilde: 'ã',
  auml: 'ä',
  awconint: '∳',
  awint: '⨑',
  bNot: '⫭',
  backcong: '≌',
  backepsilon: '϶',
  backprime: '‵',
  backsim: '∽',
  backsimeq: '⋍',
  barvee: '⊽',
  barwed: '⌅',
  barwedge: '⌅',
  bbrk: '⎵',
  bbrktbrk: '⎶',
  bcong: '≌',
  bcy: 'б',
  bdquo: '„',
  becaus: '∵',
  because: '∵',
  bemptyv: '⦰',
  bepsi: '϶',
  bernou: 'ℬ',
  beta: 'β',
  beth: 'ℶ',
  between: '≬',
  bfr: '𝔟',
  bigcap: '⋂',
  bigcirc: '◯',
  bigcup: '⋃',
  bigodot: '⨀',
  bigoplus: '⨁',
  bigotimes: '⨂',
  bigsqcup: '⨆',
  bigstar: '★',
  bigtriangledown: '▽',
  bigtriangleup: '△',
  biguplus: '⨄',
  bigvee: '⋁',
  bigwedge: '⋀',
  bkarow: '⤍',
  blacklozenge: '⧫',
  blacksquare: '▪',
  blacktriangle: '▴',
  blacktriangledown: '▾',
  blacktriangleleft: '◂',
  blacktriangleright: '▸',
  blank: '␣',
  blk12: '▒',
  blk14: '░',
  blk34: '▓',
  block: '█',
  bne: '=⃥',
  bnequiv: '≡⃥',
  bnot: '⌐',
  bopf: '𝕓',
  bot: '⊥',
  bottom: '⊥',
  bowtie: '⋈',
  boxDL: '╗',
  boxDR: '╔',
  boxDl: '╖',
  boxDr: '╓',
  boxH: '═',
  boxHD: '╦',
  boxHU: '╩',
  boxHd: '╤',
  boxHu: '╧',
  boxUL: '╝',
  boxUR: '╚',
  boxUl: '╜',
  boxUr: '╙',
  boxV: '║',
  boxVH: '╬',
  boxVL: '╣',
  boxVR: '╠',
  boxVh: '╫',
  boxVl: '╢',
  boxVr: '╟',
  boxbox: '⧉',
  boxdL: '╕',
  boxdR: '╒',
  boxdl: '┐',
  boxdr: '┌',
  boxh: '─',
  boxhD: '╥',
  boxhU: '╨',
  boxhd: '┬',
  boxhu: '┴',
  boxminus: '⊟',
  boxplus: '⊞',
  boxtimes: '⊠',
  boxuL: '╛',
  boxuR: '╘',
  boxul: '┘',
  boxur: '└',
  boxv: '│',
  boxvH: '╪',
  boxvL: '╡',
  boxvR: '╞',
  boxvh: '┼',
  boxvl: '┤',
  boxvr: '├',
  bprime: '‵',
  breve: '˘',
  brvbar: '¦',
  bscr: '𝒷',
  bsemi: '⁏',
  bsim: '∽',
  bsime: '⋍',
  bsol: '\\',
  bsolb: '⧅',
  bsolhsub: '⟈',
  bull: '•',
  bullet: '•',
  bump: '≎',
  bumpE: '⪮',
  bumpe: '≏',
  bumpeq: '≏',
  cacute: 'ć',
  cap: '∩',
  capand: '⩄',
  capbrcup: '⩉',
  capcap: '⩋',
  capcup: '⩇',
  capdot: '⩀',
  caps: '∩︀',
  caret: '⁁',
  caron: 'ˇ',
  ccaps: '⩍',
  ccaron: 'č',
  ccedil: 'ç',
  ccirc: 'ĉ',
  ccups: '⩌',
  ccupssm: '⩐',
  cdot: 'ċ',
  cedil: '¸',
  cemptyv: '⦲',
  cent: '¢',
  centerdot: '·',
  cfr: '𝔠',
  chcy: 'ч',
  check: '✓',
  checkmark: '✓',
  chi: 'χ',
  cir: '○',
  cirE: '⧃',
  circ: 'ˆ',
  circeq: '≗',
  circlearrowleft: '↺',
  circlearrowright: '↻',
  circledR: '®',
  circledS: 'Ⓢ',
  circledast: '⊛',
  circledcirc: '⊚',
  circleddash: '⊝',
  cire: '≗',
  cirfnint: '⨐',
  cirmid: '⫯',
  cirscir: '⧂',
  clubs: '♣',
  clubsuit: '♣',
  colon: ':',
  colone: '≔',
  coloneq: '≔',
  comma: ',',
  commat: '@',
  comp: '∁',
  compfn: '∘',
  complement: '∁',
  complexes: 'ℂ',
  cong: '≅',
  congdot: '⩭',
  conint: '∮',
  copf: '𝕔',
  coprod: '∐',
  copy: '©',
  copysr: '℗',
  crarr: '↵',
  cross: '✗',
  cscr: '𝒸',
  csub: '⫏',
  csube: '⫑',
  csup: '⫐',
  csupe: '⫒',
  ctdot: '⋯',
  cudarrl: '⤸',
  cudarrr: '⤵',
  cuepr: '⋞',
  cuesc: '⋟',
  cularr: '↶',
  cularrp: '⤽',
  cup: '∪',
  cupbrcap: '⩈',
  cupcap: '⩆',
  cupcup: '⩊',
  cupdot: '⊍',
  cupor: '⩅',
  cups: '∪︀',
  curarr: '↷',
  curarrm: '⤼',
  curlyeqprec: '⋞',
  curlyeqsucc: '⋟',
  curlyvee: '⋎',
  curlywedge: '⋏',
  curren: '¤',
  curvearrowleft: '↶',
  curvearrowright: '↷',
  cuvee: '⋎',
  cuwed: '⋏',
  cwconint: '∲',
  cwint: '∱',
  cylcty: '⌭',
  dArr: '⇓',
  dHar: '⥥',
  dagger: '†',
  daleth: 'ℸ',
  darr: '↓',
  dash: '‐',
  dashv: '⊣',
  dbkarow: '⤏',
  dblac: '˝',
  dcaron: 'ď',
  dcy: 'д',
  dd: 'ⅆ',
  ddagger: '‡',
  ddarr: '⇊',
  ddotseq: '⩷',
  deg: '°',
  delta: 'δ',
  demptyv: '⦱',
  dfisht: '⥿',
  dfr: '𝔡',
  dharl: '⇃',
  dharr: '⇂',
  diam: '⋄',
  diamond: '⋄',
  diamondsuit: '♦',
  diams: '♦',
  die: '¨',
  digamma: 'ϝ',
  disin: '⋲',
  div: '÷',
  divide: '÷',
  divideontimes: '⋇',
  divonx: '⋇',
  djcy: 'ђ',
  dlcorn: '⌞',
  dlcrop: '⌍',
  dollar: '$',
  dopf: '𝕕',
  dot: '˙',
  doteq: '≐',
  doteqdot: '≑',
  dotminus: '∸',
  dotplus: '∔',
  dotsquare: '⊡',
  doublebarwedge: '⌆',
  downarrow: '↓',
  downdownarrows: '⇊',
  downharpoonleft: '⇃',
  downharpoonright: '⇂',
  drbkarow: '⤐',
  drcorn: '⌟',
  drcrop: '⌌',
  dscr: '𝒹',
  dscy: 'ѕ',
  dsol: '⧶',
  dstrok: 'đ',
  dtdot: '⋱',
  dtri: '▿',
  dtrif: '▾',
  duarr: '⇵',
  duhar: '⥯',
  dwangle: '⦦',
  dzcy: 'џ',
  dzigrarr: '⟿',
  eDDot: '⩷',
  eDot: '≑',
  eacute: 'é',
  easter: '⩮',
  ecaron: 'ě',
  ecir: '≖',
  ecirc: 'ê',
  ecolon: '≕',
  ecy: 'э',
  edot: 'ė',
  ee: 'ⅇ',
  efDot: '≒',
  efr: '𝔢',
  eg: '⪚',
  egrave: 'è',
  egs: '⪖',
  egsdot: '⪘',
  el: '⪙',
  elinters: '⏧',
  ell: 'ℓ',
  els: '⪕',
  elsdot: '⪗',
  emacr: 'ē',
  empty: '∅',
  emptyset: '∅',
  emptyv: '∅',
  emsp13: ' ',
  emsp14: ' ',
  emsp: ' ',
  eng: 'ŋ',
  ensp: ' ',
  eogon: 'ę',
  eopf: '𝕖',
  epar: '⋕',
  eparsl: '⧣',
  eplus: '⩱',
  epsi: 'ε',
  epsilon: 'ε',
  epsiv: 'ϵ',
  eqcirc: '≖',
  eqcolon: '≕',
  eqsim: '≂',
  eqslantgtr: '⪖',
  eqslantless: '⪕',
  equals: '=',
  equest: '≟',
  equiv: '≡',
  equivDD: '⩸',
  eqvparsl: '⧥',
  erDot: '≓',
  erarr: '⥱',
  escr: 'ℯ',
  esdot: '≐',
  esim: '≂',
  eta: 'η',
  eth: 'ð',
  euml: 'ë',
  euro: '€',
  excl: '!',
  exist: '∃',
  expectation: 'ℰ',
  exponentiale: 'ⅇ',
  fallingdotseq: '≒',
  fcy: 'ф',
  female: '♀',
  ffilig: 'ﬃ',
  fflig: 'ﬀ',
  ffllig: 'ﬄ',
  ffr: '𝔣',
  filig: 'ﬁ',
  fjlig: 'fj',
  flat: '♭',
  fllig: 'ﬂ',
  fltns: '▱',
  fnof: 'ƒ',
  fopf: '𝕗',
  forall: '∀',
  fork: '⋔',
  forkv: '⫙',
  fpartint: '⨍',
  frac12: '½',
  frac13: '⅓',
  frac14: '¼',
  frac15: '⅕',
  frac16: '⅙',
  frac18: '⅛',
  frac23: '⅔',
  frac25: '⅖',
  frac34: '¾',
  frac35: '⅗',
  frac38: '⅜',
  frac45: '⅘',
  frac56: '⅚',
  frac58: '⅝',
  frac78: '⅞',
  frasl: '⁄',
  frown: '⌢',
  fscr: '𝒻',
  gE: '≧',
  gEl: '⪌',
  gacute: 'ǵ',
  gamma: 'γ',
  gammad: 'ϝ',
  gap: '⪆',
  gbreve: 'ğ',
  gcirc: 'ĝ',
  gcy: 'г',
  gdot: 'ġ',
  ge: '≥',
  gel: '⋛',
  geq: '≥',
  geqq: '≧',
  geqslant: '⩾',
  ges: '⩾',
  gescc: '⪩',
  gesdot: '⪀',
  gesdoto: '⪂',
  gesdotol: '⪄',
  gesl: '⋛︀',
  gesles: '⪔',
  gfr: '𝔤',
  gg: '≫',
  ggg: '⋙',
  gimel: 'ℷ',
  gjcy: 'ѓ',
  gl: '≷',
  glE: '⪒',
  gla: '⪥',
  glj: '⪤',
  gnE: '≩',
  gnap: '⪊',
  gnapprox: '⪊',
  gne: '⪈',
  gneq: '⪈',
  gneqq: '≩',
  gnsim: '⋧',
  gopf: '𝕘',
  grave: '`',
  gscr: 'ℊ',
  gsim: '≳',
  gsime: '⪎',
  gsiml: '⪐',
  gt: '>',
  gtcc: '⪧',
  gtcir: '⩺',
  gtdot: '⋗',
  gtlPar: '⦕',
  gtquest: '⩼',
  gtrapprox: '⪆',
  gtrarr: '⥸',
  gtrdot: '⋗',
  gtreqless: '⋛',
  gtreqqless: '⪌',
  gtrless: '≷',
  gtrsim: '≳',
  gvertneqq: '≩︀',
  gvnE: '≩︀',
  hArr: '⇔',
  hairsp: ' ',
  half: '½',
  hamilt: 'ℋ',
  hardcy: 'ъ',
  harr: '↔',
  harrcir: '⥈',
  harrw: '↭',
  hbar: 'ℏ',
  hcirc: 'ĥ',
  hearts: '♥',
  heartsuit: '♥',
  hellip: '…',
  hercon: '⊹',
  hfr: '𝔥',
  hksearow: '⤥',
  hkswarow: '⤦',
  hoarr: '⇿',
  homtht: '∻',
  hookleftarrow: '↩',
  hookrightarrow: '↪',
  hopf: '𝕙',
  horbar: '―',
  hscr: '𝒽',
  hslash: 'ℏ',
  hstrok: 'ħ',
  hybull: '⁃',
  hyphen: '‐',
  iacute: 'í',
  ic: '⁣',
  icirc: 'î',
  icy: 'и',
  iecy: 'е',
  iexcl: '¡',
  iff: '⇔',
  ifr: '𝔦',
  igrave: 'ì',
  ii: 'ⅈ',
  iiiint: '⨌',
  iiint: '∭',
  iinfin: '⧜',
  iiota: '℩',
  ijlig: 'ĳ',
  imacr: 'ī',
  image: 'ℑ',
  imagline: 'ℐ',
  imagpart: 'ℑ',
  imath: 'ı',
  imof: '⊷',
  imped: 'Ƶ',
  in: '∈',
  incare: '℅',
  infin: '∞',
  infintie: '⧝',
  inodot: 'ı',
  int: '∫',
  intcal: '⊺',
  integers: 'ℤ',
  intercal: '⊺',
  intlarhk: '⨗',
  intprod: '⨼',
  iocy: 'ё',
  iogon: 'į',
  iopf: '𝕚',
  iota: 'ι',
  iprod: '⨼',
  iquest: '¿',
  iscr: '𝒾',
  isin: '∈',
  isinE: '⋹',
  isindot: '⋵',
  isins: '⋴',
  isinsv: '⋳',
  isinv: '∈',
  it: '⁢',
  itilde: 'ĩ',
  iukcy: 'і',
  iuml: 'ï',
  jcirc: 'ĵ',
  jcy: 'й',
  jfr: '𝔧',
  jmath: 'ȷ',
  jopf: '𝕛',
  jscr: '𝒿',
  jsercy: 'ј',
  jukcy: 'є',
  kappa: 'κ',
  kappav: 'ϰ',
  kcedil: 'ķ',
  kcy: 'к',
  kfr: '𝔨',
  kgreen: 'ĸ',
  khcy: 'х',
  kjcy: 'ќ',
  kopf: '𝕜',
  kscr: '𝓀',
  lAarr: '⇚',
  lArr: '⇐',
  lAtail: '⤛',
  lBarr: '⤎',
  lE: '≦',
  lEg: '⪋',
  lHar: '⥢',
  lacute: 'ĺ',
  laemptyv: '⦴',
  lagran: 'ℒ',
  lambda: 'λ',
  lang: '⟨',
  langd: '⦑',
  langle: '⟨',
  lap: '⪅',
  laquo: '«',
  larr: '←',
  larrb: '⇤',
  larrbfs: '⤟',
  larrfs: '⤝',
  larrhk: '↩',
  larrlp: '↫',
  larrpl: '⤹',
  larrsim: '⥳',
  larrtl: '↢',
  lat: '⪫',
  latail: '⤙',
  late: '⪭',
  lates: '⪭︀',
  lbarr: '⤌',
  lbbrk: '❲',
  lbrace: '{',
  lbrack: '[',
  lbrke: '⦋',
  lbrksld: '⦏',
  lbrkslu: '⦍',
  lcaron: 'ľ',
  lcedil: 'ļ',
  lceil: '⌈',
  lcub: '{',
  lcy: 'л',
  ldca: '⤶',
  ldquo: '“',
  ldquor: '„',
  ldrdhar: '⥧',
  ldrushar: '⥋',
  ldsh: '↲',
  le: '≤',
  leftarrow: '←',
  leftarrowtail: '↢',
  leftharpoondown: '↽',
  leftharpoonup: '↼',
  leftleftarrows: '⇇',
  leftrightarrow: '↔',
  leftrightarrows: '⇆',
  leftrightharpoons: '⇋',
  leftrightsquigarrow: '↭',
  leftthreetimes: '⋋',
  leg: '⋚',
  leq: '≤',
  leqq: '≦',
  leqslant: '⩽',
  les: '⩽',
  lescc: '⪨',
  lesdot: '⩿',
  lesdoto: '⪁',
  lesdotor: '⪃',
  lesg: '⋚︀',
  lesges: '⪓',
  lessapprox: '⪅',
  lessdot: '⋖',
  lesseqgtr: '⋚',
  lesseqqgtr: '⪋',
  lessgtr: '≶',
  lesssim: '≲',
  lfisht: '⥼',
  lfloor: '⌊',
  lfr: '𝔩',
  lg: '≶',
  lgE: '⪑',
  lhard: '↽',
  lharu: '↼',
  lharul: '⥪',
  lhblk: '▄',
  ljcy: 'љ',
  ll: '≪',
  llarr: '⇇',
  llcorner: '⌞',
  llhard: '⥫',
  lltri: '◺',
  lmidot: 'ŀ',
  lmoust: '⎰',
  lmoustache: '⎰',
  lnE: '≨',
  lnap: '⪉',
  lnapprox: '⪉',
  lne: '⪇',
  lneq: '⪇',
  lneqq: '≨',
  lnsim: '⋦',
  loang: '⟬',
  loarr: '⇽',
  lobrk: '⟦',
  longleftarrow: '⟵',
  longleftrightarrow: '⟷',
  longmapsto: '⟼',
  longrightarrow: '⟶',
  looparrowleft: '↫',
  looparrowright: '↬',
  lopar: '⦅',
  lopf: '𝕝',
  loplus: '⨭',
  lotimes: '⨴',
  lowast: '∗',
  lowbar: '_',
  loz: '◊',
  lozenge: '◊',
  lozf: '⧫',
  lpar: '(',
  lparlt: '⦓',
  lrarr: '⇆',
  lrcorner: '⌟',
  lrhar: '⇋',
  lrhard: '⥭',
  lrm: '‎',
  lrtri: '⊿',
  lsaquo: '‹',
  lscr: '𝓁',
  lsh: '↰',
  lsim: '≲',
  lsime: '⪍',
  lsimg: '⪏',
  lsqb: '[',
  lsquo: '‘',
  lsquor: '‚',
  lstrok: 'ł',
  lt: '<',
  ltcc: '⪦',
  ltcir: '⩹',
  ltdot: '⋖',
  lthree: '⋋',
  ltimes: '⋉',
  ltlarr: '⥶',
  ltquest: '⩻',
  ltrPar: '⦖',
  ltri: '◃',
  ltrie: '⊴',
  ltrif: '◂',
  lurdshar: '⥊',
  luruhar: '⥦',
  lvertneqq: '≨︀',
  lvnE: '≨︀',
  mDDot: '∺',
  macr: '¯',
  male: '♂',
  malt: '✠',
  maltese: '✠',
  map: '↦',
  mapsto: '↦',
  mapstodown: '↧',
  mapstoleft: '↤',
  mapstoup: '↥',
  marker: '▮',
  mcomma: '⨩',
  mcy: 'м',
  mdash: '—',
  measuredangle: '∡',
  mfr: '𝔪',
  mho: '℧',
  micro: 'µ',
  mid: '∣',
  midast: '*',
  midcir: '⫰',
  middot: '·',
  minus: '−',
  minusb: '⊟',
  minusd: '∸',
  minusdu: '⨪',
  mlcp: '⫛',
  mldr: '…',
  mnplus: '∓',
  models: '⊧',
  mopf: '𝕞',
  mp: '∓',
  mscr: '𝓂',
  mstpos: '∾',
  mu: 'μ',
  multimap: '⊸',
  mumap: '⊸',
  nGg: '⋙̸',
  nGt: '≫⃒',
  nGtv: '≫̸',
  nLeftarrow: '⇍',
  nLeftrightarrow: '⇎',
  nLl: '⋘̸',
  nLt: '≪⃒',
  nLtv: '≪̸',
  nRightarrow: '⇏',
  nVDash: '⊯',
  nVdash: '⊮',
  nabla: '∇',
  nacute: 'ń',
  nang: '∠⃒',
  nap: '≉',
  napE: '⩰̸',
  napid: '≋̸',
  napos: 'ŉ',
  napprox: '≉',
  natur: '♮',
  natural: '♮',
  naturals: 'ℕ',
  nbsp: ' ',
  nbump: '≎̸',
  nbumpe: '≏̸',
  ncap: '⩃',
  ncaron: 'ň',
  ncedil: 'ņ',
  ncong: '≇',
  ncongdot: '⩭̸',
  ncup: '⩂',
  ncy: 'н',
  ndash: '–',
  ne: '≠',
  neArr: '⇗',
  nearhk: '⤤',
  nearr: '↗',
  nearrow: '↗',
  nedot: '≐̸',
  nequiv: '≢',
  nesear: '⤨',
  nesim: '≂̸',
  nexist: '∄',
  nexists: '∄',
  nfr: '𝔫',
  ngE: '≧̸',
  nge: '≱',
  ngeq: '≱',
  ngeqq: '≧̸',
  ngeqslant: '⩾̸',
  nges: '⩾̸',
  ngsim: '≵',
  ngt: '≯',
  ngtr: '≯',
  nhArr: '⇎',
  nharr: '↮',
  nhpar: '⫲',
  ni: '∋',
  nis: '⋼',
  nisd: '⋺',
  niv: '∋',
  njcy: 'њ',
  nlArr: '⇍',
  nlE: '≦̸',
  nlarr: '↚',
  nldr: '‥',
  nle: '≰',
  nleftarrow: '↚',
  nleftrightarrow: '↮',
  nleq: '≰',
  nleqq: '≦̸',
  nleqslant: '⩽̸',
  nles: '⩽̸',
  nless: '≮',
  nlsim: '≴',
  nlt: '≮',
  nltri: '⋪',
  nltrie: '⋬',
  nmid: '∤',
  nopf: '𝕟',
  not: '¬',
  notin: '∉',
  notinE: '⋹̸',
  notindot: '⋵̸',
  notinva: '∉',
  notinvb: '⋷',
  notinvc: '⋶',
  notni: '∌',
  notniva: '∌',
  notnivb: '⋾',
  notnivc: '⋽',
  npar: '∦',
  nparallel: '∦',
  nparsl: '⫽⃥',
  npart: '∂̸',
  npolint: '⨔',
  npr: '⊀',
  nprcue: '⋠',
  npre: '⪯̸',
  nprec: '⊀',
  npreceq: '⪯̸',
  nrArr: '⇏',
  nrarr: '↛',
  nrarrc: '⤳̸',
  nrarrw: '↝̸',
  nrightarrow: '↛',
  nrtri: '⋫',
  nrtrie: '⋭',
  nsc: '⊁',
  nsccue: '⋡',
  nsce: '⪰̸',
  nscr: '𝓃',
  nshortmid: '∤',
  nshortparallel: '∦',
  nsim: '≁',
  nsime: '≄',
  nsimeq: '≄',
  nsmid: '∤',
  nspar: '∦',
  nsqsube: '⋢',
  nsqsupe: '⋣',
  nsub: '⊄',
  nsubE: '⫅̸',
  nsube: '⊈',
  nsubset: '⊂⃒',
  nsubseteq: '⊈',
  nsubseteqq: '⫅̸',
  nsucc: '⊁',
  nsucceq: '⪰̸',
  nsup: '⊅',
  nsupE: '⫆̸',
  nsupe: '⊉',
  nsupset: '⊃⃒',
  nsupseteq: '⊉',
  nsupseteqq: '⫆̸',
  ntgl: '≹',
  ntilde: 'ñ',
  ntlg: '≸',
  ntriangleleft: '⋪',
  ntrianglelefteq: '⋬',
  ntriangleright: '⋫',
  ntrianglerighteq: '⋭',
  nu: 'ν',
  num: '#',
  numero: '№',
  numsp: ' ',
  nvDash: '⊭',
  nvHarr: '⤄',
  nvap: '≍⃒',
  nvdash: '⊬',
  nvge: '≥⃒',
  nvgt: '>⃒',
  nvinfin: '⧞',
  nvlArr: '⤂',
  nvle: '≤⃒',
  nvlt: '<⃒',
  nvltrie: '⊴⃒',
  nvrArr: '⤃',
  nvrtrie: '⊵⃒',
  nvsim: '∼⃒',
  nwArr: '⇖',
  nwarhk: '⤣',
  nwarr: '↖',
  nwarrow: '↖',
  nwnear: '⤧',
  oS: 'Ⓢ',
  oacute: 'ó',
  oast: '⊛',
  ocir: '⊚',
  ocirc: 'ô',
  ocy: 'о',
  odash: '⊝',
  odblac: 'ő',
  odiv: '⨸',
  odot: '⊙',
  odsold: '⦼',
  oelig: 'œ',
  ofcir: '⦿',
  ofr: '𝔬',
  ogon: '˛',
  ograve: 'ò',
  ogt: '⧁',
  ohbar: '⦵',
  ohm: 'Ω',
  oint: '∮',
  olarr: '↺',
  olcir: '⦾',
  olcross: '⦻',
  oline: '‾',
  olt: '⧀',
  omacr: 'ō',
  omega: 'ω',
  omicron: 'ο',
  omid: '⦶',
  ominus: '⊖',
  oopf: '𝕠',
  opar: '⦷',
  operp: '⦹',
  oplus: '⊕',
  or: '∨',
  orarr: '↻',
  ord: '⩝',
  order: 'ℴ',
  orderof: 'ℴ',
  ordf: 'ª',
  ordm: 'º',
  origof: '⊶',
  oror: '⩖',
  orslope: '⩗',
  orv: '⩛',
  oscr: 'ℴ',
  oslash: 'ø',
  osol: '⊘',
  otilde: 'õ',
  otimes: '⊗',
  otimesas: '⨶',
  ouml: 'ö',
  ovbar: '⌽',
  par: '∥',
  para: '¶',
  parallel: '∥',
  parsim: '⫳',
  parsl: '⫽',
  part: '∂',
  pcy: 'п',
  percnt: '%',
  period: '.',
  permil: '‰',
  perp: '⊥',
  pertenk: '‱',
  pfr: '𝔭',
  phi: 'φ',
  phiv: 'ϕ',
  phmmat: 'ℳ',
  phone: '☎',
  pi: 'π',
  pitchfork: '⋔',
  piv: 'ϖ',
  planck: 'ℏ',
  planckh: 'ℎ',
  plankv: 'ℏ',
  plus: '+',
  plusacir: '⨣',
  plusb: '⊞',
  pluscir: '⨢',
  plusdo: '∔',
  plusdu: '⨥',
  pluse: '⩲',
  plusmn: '±',
  plussim: '⨦',
  plustwo: '⨧',
  pm: '±',
  pointint: '⨕',
  popf: '𝕡',
  pound: '£',
  pr: '≺',
  prE: '⪳',
  prap: '⪷',
  prcue: '≼',
  pre: '⪯',
  prec: '≺',
  precapprox: '⪷',
  preccurlyeq: '≼',
  preceq: '⪯',
  precnapprox: '⪹',
  precneqq: '⪵',
  precnsim: '⋨',
  precsim: '≾',
  prime: '′',
  primes: 'ℙ',
  prnE: '⪵',
  prnap: '⪹',
  prnsim: '⋨',
  prod: '∏',
  profalar: '⌮',
  profline: '⌒',
  profsurf: '⌓',
  prop: '∝',
  propto: '∝',
  prsim: '≾',
  prurel: '⊰',
  pscr: '𝓅',
  psi: 'ψ',
  puncsp: ' ',
  qfr: '𝔮',
  qint: '⨌',
  qopf: '𝕢',
  qprime: '⁗',
  qscr: '𝓆',
  quaternions: 'ℍ',
  quatint: '⨖',
  quest: '?',
  questeq: '≟',
  quot: '"',
  rAarr: '⇛',
  rArr: '⇒',
  rAtail: '⤜',
  rBarr: '⤏',
  rHar: '⥤',
  race: '∽̱',
  racute: 'ŕ',
  radic: '√',
  raemptyv: '⦳',
  rang: '⟩',
  rangd: '⦒',
  range: '⦥',
  rangle: '⟩',
  raquo: '»',
  rarr: '→',
  rarrap: '⥵',
  rarrb: '⇥',
  rarrbfs: '⤠',
  rarrc: '⤳',
  rarrfs: '⤞',
  rarrhk: '↪',
  rarrlp: '↬',
  rarrpl: '⥅',
  rarrsim: '⥴',
  rarrtl: '↣',
  rarrw: '↝',
  ratail: '⤚',
  ratio: '∶',
  rationals: 'ℚ',
  rbarr: '⤍',
  rbbrk: '❳',
  rbrace: '}',
  rbrack: ']',
  rbrke: '⦌',
  rbrksld: '⦎',
  rbrkslu: '⦐',
  rcaron: 'ř',
  rcedil: 'ŗ',
  rceil: '⌉',
  rcub: '}',
  rcy: 'р',
  rdca: '⤷',
  rdldhar: '⥩',
  rdquo: '”',
  rdquor: '”',
  rdsh: '↳',
  real: 'ℜ',
  realine: 'ℛ',
  realpart: 'ℜ',
  reals: 'ℝ',
  rect: '▭',
  reg: '®',
  rfisht: '⥽',
  rfloor: '⌋',
  rfr: '𝔯',
  rhard: '⇁',
  rharu: '⇀',
  rharul: '⥬',
  rho: 'ρ',
  rhov: 'ϱ',
  rightarrow: '→',
  rightarrowtail: '↣',
  rightharpoondown: '⇁',
  rightharpoonup: '⇀',
  rightleftarrows: '⇄',
  rightleftharpoons: '⇌',
  rightrightarrows: '⇉',
  rightsquigarrow: '↝',
  rightthreetimes: '⋌',
  ring: '˚',
  risingdotseq: '≓',
  rlarr: '⇄',
  rlhar: '⇌',
  rlm: '‏',
  rmoust: '⎱',
  rmoustache: '⎱',
  rnmid: '⫮',
  roang: '⟭',
  roarr: '⇾',
  robrk: '⟧',
  ropar: '⦆',
  ropf: '𝕣',
  roplus: '⨮',
  rotimes: '⨵',
  rpar: ')',
  rpargt: '⦔',
  rppolint: '⨒',
  rrarr: '⇉',
  rsaquo: '›',
  rscr: '𝓇',
  rsh: '↱',
  rsqb: ']',
  rsquo: '’',
  rsquor: '’',
  rthree: '⋌',
  rtimes: '⋊',
  rtri: '▹',
  rtrie: '⊵',
  rtrif: '▸',
  rtriltri: '⧎',
  ruluhar: '⥨',
  rx: '℞',
  sacute: 'ś',
  sbquo: '‚',
  sc: '≻',
  scE: '⪴',
  scap: '⪸',
  scaron: 'š',
  sccue: '≽',
  sce: '⪰',
  scedil: 'ş',
  scirc: 'ŝ',
  scnE: '⪶',
  scnap: '⪺',
  scnsim: '⋩',
  scpolint: '⨓',
  scsim: '≿',
  scy: 'с',
  sdot: '⋅',
  sdotb: '⊡',
  sdote: '⩦',
  seArr: '⇘',
  searhk: '⤥',
  searr: '↘',
  searrow: '↘',
  sect: '§',
  semi: ';',
  seswar: '⤩',
  setminus: '∖',
  setmn: '∖',
  sext: '✶',
  sfr: '𝔰',
  sfrown: '⌢',
  sharp: '♯',
  shchcy: 'щ',
  shcy: 'ш',
  shortmid: '∣',
  shortparallel: '∥',
  shy: '­',
  sigma: 'σ',
  sigmaf: 'ς',
  sigmav: 'ς',
  sim: '∼',
  simdot: '⩪',
  sime: '≃',
  simeq: '≃',
  simg: '⪞',
  simgE: '⪠',
  siml: '⪝',
  simlE: '⪟',
  simne: '≆',
  simplus: '⨤',
  simrarr: '⥲',
  slarr: '←',
  smallsetminus: '∖',
  smashp: '⨳',
  smeparsl: '⧤',
  smid: '∣',
  smile: '⌣',
  smt: '⪪',
  smte: '⪬',
  smtes: '⪬︀',
  softcy: 'ь',
  sol: '/',
  solb: '⧄',
  solbar: '⌿',
  sopf: '𝕤',
  spades: '♠',
  spadesuit: '♠',
  spar: '∥',
  sqcap: '⊓',
  sqcaps: '⊓︀',
  sqcup: '⊔',
  sqcups: '⊔︀',
  sqsub: '⊏',
  sqsube: '⊑',
  sqsubset: '⊏',
  sqsubseteq: '⊑',
  sqsup: '⊐',
  sqsupe: '⊒',
  sqsupset: '⊐',
  sqsupseteq: '⊒',
  squ: '□',
  square: '□',
  squarf: '▪',
  squf: '▪',
  srarr: '→',
  sscr: '𝓈',
  ssetmn: '∖',
  ssmile: '⌣',
  sstarf: '⋆',
  star: '☆',
  starf: '★',
  straightepsilon: 'ϵ',
  straightphi: 'ϕ',
  strns: '¯',
  sub: '⊂',
  subE: '⫅',
  subdot: '⪽',
  sube: '⊆',
  subedot: '⫃',
  submult: '⫁',
  subnE: '⫋',
  subne: '⊊',
  subplus: '⪿',
  subrarr: '⥹',
  subset: '⊂',
  subseteq: '⊆',
  subseteqq: '⫅',
  subsetneq: '⊊',
  subsetneqq: '⫋',
  subsim: '⫇',
  subsub: '⫕',
  subsup: '⫓',
  succ: '≻',
  succapprox: '⪸',
  succcurlyeq: '≽',
  succeq: '⪰',
  succnapprox: '⪺',
  succneqq: '⪶',
  succnsim: '⋩',
  succsim: '≿',
  sum: '∑',
  sung: '♪',
  sup1: '¹',
  sup2: '²',
  sup3: '³',
  sup: '⊃',
  supE: '⫆',
  supdot: '⪾',
  supdsub: '⫘',
  supe: '⊇',
  supedot: '⫄',
  suphsol: '⟉',
  suphsub: '⫗',
  suplarr: '⥻',
  supmult: '⫂',
  supnE: '⫌',
  supne: '⊋',
  supplus: '⫀',
  supset: '⊃',
  supseteq: '⊇',
  supseteqq: '⫆',
  supsetneq: '⊋',
  supsetneqq: '⫌',
  supsim: '⫈',
  supsub: '⫔',
  supsup: '⫖',
  swArr: '⇙',
  swarhk: '⤦',
  swarr: '↙',
  swarrow: '↙',
  swnwar: '⤪',
  szlig: 'ß',
  target: '⌖',
  tau: 'τ',
  tbrk: '⎴',
  tcaron: 'ť',
  tcedil: 'ţ',
  tcy: 'т',
  tdot: '⃛',
  telrec: '⌕',
  tfr: '𝔱',
  there4: '∴',
  therefore: '∴',
  theta: 'θ',
  thetasym: 'ϑ',
  thetav: 'ϑ',
  thickapprox: '≈',
  thicksim: '∼',
  thinsp: ' ',
  thkap: '≈',
  thksim: '∼',
  thorn: 'þ',
  tilde: '˜',
  times: '×',
  timesb: '⊠',
  timesbar: '⨱',
  timesd: '⨰',
  tint: '∭',
  toea: '⤨',
  top: '⊤',
  topbot: '⌶',
  topcir: '⫱',
  topf: '𝕥',
  topfork: '⫚',
  tosa: '⤩',
  tprime: '‴',
  trade: '™',
  triangle: '▵',
  triangledown: '▿',
  triangleleft: '◃',
  trianglelefteq: '⊴',
  triangleq: '≜',
  triangleright: '▹',
  trianglerighteq: '⊵',
  tridot: '◬',
  trie: '≜',
  triminus: '⨺',
  triplus: '⨹',
  trisb: '⧍',
  tritime: '⨻',
  trpezium: '⏢',
  tscr: '𝓉',
  tscy: 'ц',
  tshcy: 'ћ',
  tstrok: 'ŧ',
  twixt: '≬',
  twoheadleftarrow: '↞',
  twoheadrightarrow: '↠',
  uArr: '⇑',
  uHar: '⥣',
  uacute: 'ú',
  uarr: '↑',
  ubrcy: 'ў',
  ubreve: 'ŭ',
  ucirc: 'û',
  ucy: 'у',
  udarr: '⇅',
  udblac: 'ű',
  udhar: '⥮',
  ufisht: '⥾',
  ufr: '𝔲',
  ugrave: 'ù',
  uharl: '↿',
  uharr: '↾',
  uhblk: '▀',
  ulcorn: '⌜',
  ulcorner: '⌜',
  ulcrop: '⌏',
  ultri: '◸',
  umacr: 'ū',
  uml: '¨',
  uogon: 'ų',
  uopf: '𝕦',
  uparrow: '↑',
  updownarrow: '↕',
  upharpoonleft: '↿',
  upharpoonright: '↾',
  uplus: '⊎',
  upsi: 'υ',
  upsih: 'ϒ',
  upsilon: 'υ',
  upuparrows: '⇈',
  urcorn: '⌝',
  urcorner: '⌝',
  urcrop: '⌎',
  uring: 'ů',
  urtri: '◹',
  uscr: '𝓊',
  utdot: '⋰',
  utilde: 'ũ',
  utri: '▵',
  utrif: '▴',
  uuarr: '⇈',
  uuml: 'ü',
  uwangle: '⦧',
  vArr: '⇕',
  vBar: '⫨',
  vBarv: '⫩',
  vDash: '⊨',
  vangrt: '⦜',
  varepsilon: 'ϵ',
  varkappa: 'ϰ',
  varnothing: '∅',
  varphi: 'ϕ',
  varpi: 'ϖ',
  varpropto: '∝',
  varr: '↕',
  varrho: 'ϱ',
  varsigma: 'ς',
  varsubsetneq: '⊊︀',
  varsubsetneqq: '⫋︀',
  varsupsetneq: '⊋︀',
  varsupsetneqq: '⫌︀',
  vartheta: 'ϑ',
  vartriangleleft: '⊲',
  vartriangleright: '⊳',
  vcy: 'в',
  vdash: '⊢',
  vee: '∨',
  veebar: '⊻',
  veeeq: '≚',
  vellip: '⋮',
  verbar: '|',
  vert: '|',
  vfr: '𝔳',
  vltri: '⊲',
  vnsub: '⊂⃒',
  vnsup: '⊃⃒',
  vopf: '𝕧',
  vprop: '∝',
  vrtri: '⊳',
  vscr: '𝓋',
  vsubnE: '⫋︀',
  vsubne: '⊊︀',
  vsupnE: '⫌︀',
  vsupne: '⊋︀',
  vzigzag: '⦚',
  wcirc: 'ŵ',
  wedbar: '⩟',
  wedge: '∧',
  wedgeq: '≙',
  weierp: '℘',
  wfr: '𝔴',
  wopf: '𝕨',
  wp: '℘',
  wr: '≀',
  wreath: '≀',
  wscr: '𝓌',
  xcap: '⋂',
  xcirc: '◯',
  xcup: '⋃',
  xdtri: '▽',
  xfr: '𝔵',
  xhArr: '⟺',
  xharr: '⟷',
  xi: 'ξ',
  xlArr: '⟸',
  xlarr: '⟵',
  xmap: '⟼',
  xnis: '⋻',
  xodot: '⨀',
  xopf: '𝕩',
  xoplus: '⨁',
  xotime: '⨂',
  xrArr: '⟹',
  xrarr: '⟶',
  xscr: '𝓍',
  xsqcup: '⨆',
  xuplus: '⨄',
  xutri: '△',
  xvee: '⋁',
  xwedge: '⋀',
  yacute: 'ý',
  yacy: 'я',
  ycirc: 'ŷ',
  ycy: 'ы',
  yen: '¥',
  yfr: '𝔶',
  yicy: 'ї',
  yopf: '𝕪',
  yscr: '𝓎',
  yucy: 'ю',
  yuml: 'ÿ',
  zacute: 'ź',
  zcaron: 'ž',
  zcy: 'з',
  zdot: 'ż',
  zeetrf: 'ℨ',
  zeta: 'ζ',
  zfr: '𝔷',
  zhcy: 'ж',
  zigrarr: '⇝',
  zopf: '𝕫',
  zscr: '𝓏',
  zwj: '‍',
  zwnj: '‌'
};

// To do: next major: use `Object.hasOwn`.
const own$3 = {}.hasOwnProperty;

/**
 * Decode a single character reference (without the `&` or `;`).
 * You probably only need this when you’re building parsers yourself that follow
 * different rules compared to HTML.
 * This is optimized to be tiny in browsers.
 *
 * @param {string} value
 *   `notin` (named), `#123` (deci), `#x123` (hexa).
 * @returns {string|false}
 *   Decoded reference.
 */
function decodeNamedCharacterReference(value) {
  return own$3.call(characterEntities, value) ? characterEntities[value] : false
}

/**
 * Turn the number (in string form as either hexa- or plain decimal) coming from
 * a numeric character reference into a character.
 *
 * Sort of like `String.fromCodePoint(Number.parseInt(value, base))`, but makes
 * non-characters and control characters safe.
 *
 * @param {string} value
 *   Value to decode.
 * @param {number} base
 *   Numeric base.
 * @returns {string}
 *   Character.
 */
function decodeNumericCharacterReference(value, base) {
  const code = Number.parseInt(value, base);
  if (
  // C0 except for HT, LF, FF, CR, space.
  code < 9 || code === 11 || code > 13 && code < 32 ||
  // Control character (DEL) of C0, and C1 controls.
  code > 126 && code < 160 ||
  // Lone high surrogates and low surrogates.
  code > 55_295 && code < 57_344 ||
  // Noncharacters.
  code > 64_975 && code < 65_008 || /* eslint-disable no-bitwise */
  (code & 65_535) === 65_535 || (code & 65_535) === 65_534 || /* eslint-enable no-bitwise */
  // Out of range
  code > 1_114_111) {
    return "\uFFFD";
  }
  return String.fromCodePoint(code);
}

const characterEscapeOrReference = /\\([!-/:-@[-`{-~])|&(#(?:\d{1,7}|x[\da-f]{1,6})|[\da-z]{1,31});/gi;

/**
 * Decode markdown strings (which occur in places such as fenced code info
 * strings, destinations, labels, and titles).
 *
 * The “string” content type allows character escapes and -references.
 * This decodes those.
 *
 * @param {string} value
 *   Value to decode.
 * @returns {string}
 *   Decoded value.
 */
function decodeString(value) {
  return value.replace(characterEscapeOrReference, decode);
}

/**
 * @param {string} $0
 *   Match.
 * @param {string} $1
 *   Character escape.
 * @param {string} $2
 *   Character reference.
 * @returns {string}
 *   Decoded value
 */
function decode($0, $1, $2) {
  if ($1) {
    // Escape.
    return $1;
  }

  // Reference.
  const head = $2.charCodeAt(0);
  if (head === 35) {
    const head = $2.charCodeAt(1);
    const hex = head === 120 || head === 88;
    return decodeNumericCharacterReference($2.slice(hex ? 2 : 1), hex ? 16 : 10);
  }
  return decodeNamedCharacterReference($2) || $0;
}

/**
 * @import {AssociationId} from '../types.js'
 */


/**
 * Get an identifier from an association to match it to others.
 *
 * Associations are nodes that match to something else through an ID:
 * <https://github.com/syntax-tree/mdast#association>.
 *
 * The `label` of an association is the string value: character escapes and
 * references work, and casing is intact.
 * The `identifier` is used to match one association to another:
 * controversially, character escapes and references don’t work in this
 * matching: `&copy;` does not match `©`, and `\+` does not match `+`.
 *
 * But casing is ignored (and whitespace) is trimmed and collapsed: ` A\nb`
 * matches `a b`.
 * So, we do prefer the label when figuring out how we’re going to serialize:
 * it has whitespace, casing, and we can ignore most useless character
 * escapes and all character references.
 *
 * @type {AssociationId}
 */
function association(node) {
  if (node.label || !node.identifier) {
    return node.label || ''
  }

  return decodeString(node.identifier)
}

/**
 * @import {CompilePattern} from '../types.js'
 */

/**
 * Compiles a pattern object into a regular expression.
 *
 * @type {CompilePattern}
 */
function compilePattern(pattern) {
  if (!pattern._compiled) {
    const before =
      (pattern.atBreak ? '[\\r\\n][\\t ]*' : '') +
      (pattern.before ? '(?:' + pattern.before + ')' : '');

    pattern._compiled = new RegExp(
      (pattern.beforeNode ? '^' : before ? '(' + before + ')' : '') +
        (/[$()*+.?[\\\]^{|}]/.test(pattern.character) ? '\\' : '') +
        pattern.character +
        (pattern.afterNode
          ? '$'
          : pattern.after
            ? '(?:' + pattern.after + ')'
            : ''),
      pattern.unicode ? 'gu' : 'g'
    );
  }

  return pattern._compiled
}

/**
 * @import {State} from 'mdast-util-to-markdown'
 * @import {FlowChildren, FlowParents, TrackFields} from '../types.js'
 */

/**
 * Serialize the children of a parent that contains flow children.
 *
 * @param {FlowParents} parent
 *   Parent of flow nodes.
 * @param {State} state
 *   Info passed around about the current state.
 * @param {TrackFields} info
 *   Info on where we are in the document we are generating.
 * @returns {string}
 *   Serialized children, joined by (blank) lines.
 */
function containerFlow(parent, state, info) {
  const indexStack = state.indexStack;
  const children = parent.children || [];
  const tracker = state.createTracker(info);
  /** @type {Array<string>} */
  const results = [];
  let index = -1;

  indexStack.push(-1);

  while (++index < children.length) {
    const child = children[index];

    indexStack[indexStack.length - 1] = index;

    results.push(
      tracker.move(
        state.handle(child, parent, state, {
          before: '\n',
          after: '\n',
          ...tracker.current()
        })
      )
    );

    if (child.type !== 'list') {
      state.bulletLastUsed = undefined;
    }

    if (index < children.length - 1) {
      results.push(
        tracker.move(between(child, children[index + 1], parent, state))
      );
    }
  }

  indexStack.pop();

  return results.join('')
}

/**
 * Determine the markdown to insert between two flow nodes.
 *
 * @param {FlowChildren} left
 *   Left flow node.
 * @param {FlowChildren} right
 *   Right flow node.
 * @param {FlowParents} parent
 *   Parent of the flow nodes.
 * @param {State} state
 *   Info passed around.
 * @returns {string}
 *   Markdown to insert between the two flow nodes.
 */
function between(left, right, parent, state) {
  let index = state.join.length;

  while (index--) {
    const result = state.join[index](left, right, parent, state);

    if (result === true || result === 1) {
      break
    }

    if (typeof result === 'number') {
      return '\n'.repeat(1 + result)
    }

    if (result === false) {
      return '\n\n<!---->\n\n'
    }
  }

  return '\n\n'
}

/**
 * @import {IndentLines} from '../types.js'
 */

const eol = /\r?\n|\r/g;

/**
 * Indents each line.
 *
 * @type {IndentLines}
 */
function indentLines(value, map) {
  /** @type {Array<string>} */
  const result = [];
  let start = 0;
  let line = 0;
  /** @type {RegExpExecArray | null} */
  let match;

  while ((match = eol.exec(value))) {
    one(value.slice(start, match.index));
    result.push(match[0]);
    start = match.index + match[0].length;
    line++;
  }

  one(value.slice(start));

  return result.join('')

  /**
   * Indents a single line.
   *
   * @param {string} value
   *   Line.
   */
  function one(value) {
    result.push(map(value, line, !value));
  }
}

/**
 * @import {Nodes} from 'mdast'
 * @import {SafeConfig, State, Unsafe} from 'mdast-util-to-markdown'
 */


const own$2 = {}.hasOwnProperty;

/**
 * Make a string safe for embedding in markdown constructs.
 *
 * In markdown, almost all punctuation characters can, in certain cases,
 * result in something.
 * Whether they do is highly subjective to where they happen and in what
 * they happen.
 *
 * To solve this, `mdast-util-to-markdown` tracks:
 *
 * * characters before and after something;
 * * what “constructs” we are in.
 *
 * This information is then used by this function to escape or encode
 * special characters.
 *
 * @param {State} state
 *   Info passed around about the current state.
 * @param {string | null | undefined} input
 *   Raw value to make safe.
 * @param {SafeConfig} config
 *   Configuration.
 * @returns {string}
 *   Serialized markdown safe for embedding.
 */
function safe(state, input, config) {
  const value = (config.before || '') + (input || '') + (config.after || '');
  /** @type {Array<number>} */
  const positions = [];
  /** @type {Array<string>} */
  const result = [];
  /** @type {Record<number, {before: boolean, after: boolean}>} */
  const infos = {};
  // Character escapes and references do not work in autolinks, so
  // percent-encoding is used instead.
  const percentEncode = state.stack.includes('autolink');
  const offset = config.before ? config.before.length : 0;
  const end = value.length - (config.after ? config.after.length : 0);
  let index = -1;

  while (++index < state.unsafe.length) {
    const pattern = state.unsafe[index];

    if (
      !patternInScope(state.stack, pattern) ||
      !nodeInScope(pattern.beforeNode, config.beforeNode) ||
      !nodeInScope(pattern.afterNode, config.afterNode)
    ) {
      continue
    }

    const expression = state.compilePattern(pattern);
    const from = pattern.beforeNode ? offset : 0;
    const subject = value.slice(from, pattern.afterNode ? end : undefined);
    /** @type {RegExpExecArray | null} */
    let match;

    while ((match = expression.exec(subject))) {
      const before = Boolean(pattern.before || pattern.atBreak);
      const after = Boolean(pattern.after);
      const position = from + match.index + (before ? match[1].length : 0);

      if (own$2.call(infos, position)) {
        if (infos[position].before && !before) {
          infos[position].before = false;
        }

        if (infos[position].after && !after) {
          infos[position].after = false;
        }
      } else {
        positions.push(position);
        infos[position] = {before, after};
      }
    }
  }

  positions.sort(numerical);

  let start = offset;
  index = -1;

  while (++index < positions.length) {
    const position = positions[index];

    // Character before or after matched:
    if (position < start || position >= end) {
      continue
    }

    // Special handling for “intraword” underscores (`a_b`, `a__b`).
    // Those are different from asterisks in forming attention.
    // Note that `a _ b` also cannot form but not escaping it is very complex,
    // so that’s not handled.
    if (
      value.charAt(position) === '_' &&
      // Preceded by an unescaped character that is not punctuation or whitespace:
      position > 0 &&
      classifyCharacter(value.charCodeAt(position - 1)) === undefined &&
      !own$2.call(infos, position - 1) &&
      // Characters next to attention markers can become character references
      // later, turning `a` into `&#x61;`, so those do not count.
      !(position - 1 === offset && /[*_]/.test(value.charAt(offset - 1)))
    ) {
      let sequenceEnd = position + 1;

      // Look for the whole run.
      while (sequenceEnd < end && value.charAt(sequenceEnd) === '_') {
        sequenceEnd++;
      }

      const skip = sequenceEnd - position - 1;

      if (
        // All underscores in the run are unsafe positions, so they can be
        // skipped.
        positions[index + skip] === sequenceEnd - 1 &&
        // Rest as above.
        sequenceEnd < value.length &&
        classifyCharacter(value.charCodeAt(sequenceEnd)) === undefined &&
        !own$2.call(infos, sequenceEnd) &&
        !(sequenceEnd === end - 1 && /[*_]/.test(value.charAt(end)))
      ) {
        index += skip;
        continue
      }
    }

    // If this character is supposed to be escaped because it has a condition on
    // the next character, and the next character is definitly being escaped,
    // then skip this escape.
    if (
      (position + 1 < end &&
        positions[index + 1] === position + 1 &&
        infos[position].after &&
        !infos[position + 1].before &&
        !infos[position + 1].after) ||
      (position - 1 >= offset &&
        positions[index - 1] === position - 1 &&
        infos[position].before &&
        !infos[position - 1].before &&
        !infos[position - 1].after)
    ) {
      continue
    }

    if (start !== position) {
      const slice = value.slice(start, position);
      // If we have to use a character reference, an ampersand would be more
      // correct, but as backslashes only care about punctuation, either will
      // do the trick
      result.push(percentEncode ? slice : escapeBackslashes(slice, '\\'));
    }

    start = position + 1;

    // Percent-encoding such as `%20`.
    if (percentEncode) {
      result.push(
        '%' +
          value.charCodeAt(position).toString(16).toUpperCase().padStart(2, '0')
      );
    } else if (
      /[!-/:-@[-`{-~]/.test(value.charAt(position)) &&
      (!config.encode || !config.encode.includes(value.charAt(position)))
    ) {
      // Character escape.
      result.push('\\' + value.charAt(position));
    } else {
      // Character reference.
      result.push(encodeCharacterReference(value.charCodeAt(position)));
    }
  }

  const rest = value.slice(start, end);
  result.push(percentEncode ? rest : escapeBackslashes(rest, config.after));

  return result.join('')
}

/**
 * Check if a node matches the node types of a pattern.
 *
 * @param {Array<Nodes['type']> | Nodes['type'] | null | undefined} types
 *   Node types.
 * @param {Nodes | undefined} node
 *   Node.
 * @returns {boolean}
 *   Whether `node` matches `types`.
 */
function nodeInScope(types, node) {
  if (!types) return true
  if (!node) return false
  return typeof types === 'string'
    ? types === node.type
    : types.includes(node.type)
}

/**
 * Compare two numbers.
 *
 * @param {number} a
 *   Number.
 * @param {number} b
 *   Other number.
 * @returns {number}
 *   Result.
 */
function numerical(a, b) {
  return a - b
}

/**
 * Escape backslashes in a string, considering characters that follow.
 *
 * @param {string} value
 *   Value.
 * @param {string} after
 *   Characters that follow the value.
 * @returns {string}
 *   Escaped string.
 */
function escapeBackslashes(value, after) {
  const expression = /\\(?=[!-/:-@[-`{-~])/g;
  /** @type {Array<number>} */
  const positions = [];
  /** @type {Array<string>} */
  const results = [];
  const whole = value + after;
  let index = -1;
  let start = 0;
  /** @type {RegExpExecArray | null} */
  let match;

  while ((match = expression.exec(whole))) {
    positions.push(match.index);
  }

  while (++index < positions.length) {
    if (start !== positions[index]) {
      results.push(value.slice(start, positions[index]));
    }

    results.push('\\');
    start = positions[index];
  }

  results.push(value.slice(start));

  return results.join('')
}

/**
 * @import {CreateTracker, TrackCurrent, TrackMove, TrackShift} from '../types.js'
 */

/**
 * Track positional info in the output.
 *
 * @type {CreateTracker}
 */
function track(config) {
  // Defaults are used to prevent crashes when older utilities somehow activate
  // this code.
  /* c8 ignore next 5 */
  const options = config || {};
  const now = options.now || {};
  let lineShift = options.lineShift || 0;
  let line = now.line || 1;
  let column = now.column || 1;

  return {move, current, shift}

  /**
   * Get the current tracked info.
   *
   * @type {TrackCurrent}
   */
  function current() {
    return {now: {line, column}, lineShift}
  }

  /**
   * Define an increased line shift (the typical indent for lines).
   *
   * @type {TrackShift}
   */
  function shift(value) {
    lineShift += value;
  }

  /**
   * Move past some generated markdown.
   *
   * @type {TrackMove}
   */
  function move(input) {
    // eslint-disable-next-line unicorn/prefer-default-parameters
    const value = input || '';
    const chunks = value.split(/\r?\n|\r/g);
    const tail = chunks[chunks.length - 1];
    line += chunks.length - 1;
    column =
      chunks.length === 1 ? column + tail.length : 1 + tail.length + lineShift;
    return value
  }
}

/**
 * @import {Info, Join, Options, SafeConfig, State} from 'mdast-util-to-markdown'
 * @import {Nodes} from 'mdast'
 * @import {Enter, FlowParents, PhrasingParents, TrackFields} from './types.js'
 */


/**
 * Turn an mdast syntax tree into markdown.
 *
 * @param {Nodes} tree
 *   Tree to serialize.
 * @param {Options | null | undefined} [options]
 *   Configuration (optional).
 * @returns {string}
 *   Serialized markdown representing `tree`.
 */
function toMarkdown(tree, options) {
  const settings = options || {};
  /** @type {State} */
  const state = {
    associationId: association,
    bulletCurrent: undefined,
    bulletLastUsed: undefined,
    containerPhrasing: containerPhrasingBound,
    containerFlow: containerFlowBound,
    createTracker: track,
    compilePattern,
    enter,
    // @ts-expect-error: GFM / frontmatter are typed in `mdast` but not defined
    // here.
    handlers: {...handle},
    // @ts-expect-error: add `handle` in a second.
    handle: undefined,
    indentLines,
    indexStack: [],
    join: [...join],
    options: {},
    safe: safeBound,
    stack: [],
    unsafe: [...unsafe]
  };

  configure(state, settings);

  if (state.options.tightDefinitions) {
    state.join.push(joinDefinition);
  }

  state.handle = zwitch('type', {
    invalid,
    unknown,
    handlers: state.handlers
  });

  let result = state.handle(
    phrasing$1(tree) ? {type: 'root', children: [tree]} : tree,
    undefined,
    state,
    {before: '\n', after: '\n', now: {line: 1, column: 1}, lineShift: 0}
  );

  if (
    result &&
    result.charCodeAt(result.length - 1) !== 10 &&
    result.charCodeAt(result.length - 1) !== 13
  ) {
    result += '\n';
  }

  return result

  /**
   * Enter a construct.
   *
   * @type {Enter}
   */
  function enter(name) {
    state.stack.push(name);
    return exit

    /**
     * Exit a construct.
     *
     * @returns {undefined}
     *   Nothing.
     */
    function exit() {
      state.stack.pop();
    }
  }
}

/**
 * Handle an invalid value that cannot be processed.
 *
 * @param {unknown} value
 *   Value.
 * @returns {never}
 *   Never.
 * @throws {Error}
 *   Always.
 */
function invalid(value) {
  throw new Error('Cannot handle value `' + value + '`, expected node')
}

/**
 * Handle an unknown node.
 *
 * @param {unknown} value
 *   Value.
 * @returns {never}
 *   Never.
 * @throws {Error}
 *   Always.
 */
function unknown(value) {
  // Always a node.
  const node = /** @type {Nodes} */ (value);
  throw new Error('Cannot handle unknown node `' + node.type + '`')
}

/**
 * Join function for `tightDefinitions` option.
 *
 * @type {Join}
 */
function joinDefinition(left, right) {
  // No blank line between adjacent definitions.
  if (left.type === 'definition' && left.type === right.type) {
    return 0
  }
}

/**
 * Serialize the children of a parent that contains phrasing children.
 *
 * These children will be joined flush together.
 *
 * @this {State}
 *   Info passed around about the current state.
 * @param {PhrasingParents} parent
 *   Parent of flow nodes.
 * @param {Info} info
 *   Info on where we are in the document we are generating.
 * @returns {string}
 *   Serialized children, joined together.
 */
function containerPhrasingBound(parent, info) {
  return containerPhrasing(parent, this, info)
}

/**
 * Serialize the children of a parent that contains flow children.
 *
 * These children will typically be joined by blank lines.
 * What they are joined by exactly is defined by `Join` functions.
 *
 * @this {State}
 *   Info passed around about the current state.
 * @param {FlowParents} parent
 *   Parent of flow nodes.
 * @param {TrackFields} info
 *   Info on where we are in the document we are generating.
 * @returns {string}
 *   Serialized children, joined by (blank) lines.
 */
function containerFlowBound(parent, info) {
  return containerFlow(parent, this, info)
}

/**
 * Make a string safe for embedding in markdown constructs.
 *
 * In markdown, almost all punctuation characters can, in certain cases,
 * result in something.
 * Whether they do is highly subjective to where they happen and in what
 * they happen.
 *
 * To solve this, `mdast-util-to-markdown` tracks:
 *
 * * Characters before and after something;
 * * What “constructs” we are in.
 *
 * This information is then used by this function to escape or encode
 * special characters.
 *
 * @this {State}
 *   Info passed around about the current state.
 * @param {string | null | undefined} value
 *   Raw value to make safe.
 * @param {SafeConfig} config
 *   Configuration.
 * @returns {string}
 *   Serialized markdown safe for embedding.
 */
function safeBound(value, config) {
  return safe(this, value, config)
}

/**
 * @import {Heading, InlineCode, Table, TableCell, TableRow} from 'mdast'
 * @import {Options as MarkdownTableOptions} from 'markdown-table'
 * @import {
 *   CompileContext,
 *   Extension as FromMarkdownExtension,
 *   Handle as FromMarkdownHandle,
 * } from 'mdast-util-from-markdown'
 * @import {
 *   Options as ToMarkdownExtension,
 *   Handle as ToMarkdownHandle,
 *   Info,
 *   Join,
 *   State
 * } from 'mdast-util-to-markdown'
 */


/**
 * Create an extension for `mdast-util-from-markdown` to enable GFM tables in
 * markdown.
 *
 * @returns {FromMarkdownExtension}
 *   Extension for `mdast-util-from-markdown` to enable GFM tables.
 */
function gfmTableFromMarkdown() {
  return {
    enter: {
      table: enterTable,
      tableData: enterCell,
      tableHeader: enterCell,
      tableRow: enterRow
    },
    exit: {
      codeText: exitCodeText,
      table: exitTable,
      tableData: exit,
      tableHeader: exit,
      tableRow: exit
    }
  }
}

/**
 * Enter a table.
 *
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function enterTable(token) {
  const align = token._align;
  // Trailing `position: undefined` keeps the table hidden class stable;
  // mdast-util-from-markdown's enter() patches the field to a real value
  // but the property already exists, so no shape transition fires.
  this.enter(
    {
      type: 'table',
      align: align.map(function (d) {
        return d === 'none' ? null : d
      }),
      children: [],
      position: undefined
    },
    token
  );
  this.data.inTable = true;
}

/**
 * Exit a table.
 *
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function exitTable(token) {
  this.exit(token);
  this.data.inTable = undefined;
}

/**
 * Enter a row.
 *
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function enterRow(token) {
  // See enterTable above for the rationale on the trailing position field.
  this.enter({type: 'tableRow', children: [], position: undefined}, token);
}

/**
 * Exit a row or cell.
 *
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function exit(token) {
  this.exit(token);
}

/**
 * Enter a cell.
 *
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function enterCell(token) {
  // See enterTable above for the rationale on the trailing position field.
  this.enter({type: 'tableCell', children: [], position: undefined}, token);
}

/**
 * Exit code (text).
 *
 * Overwrites the default code text data handler to unescape escaped pipes
 * when they are in tables.
 *
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function exitCodeText(token) {
  let value = this.resume();

  if (this.data.inTable) {
    value = value.replace(/\\([\\|])/g, replace);
  }

  const node = this.stack[this.stack.length - 1];
  ok$1(node.type === 'inlineCode');
  node.value = value;
  this.exit(token);
}

/**
 * Unescape an escaped pipe.
 *
 * @param {string} $0
 *   Whole match.
 * @param {string} $1
 *   Escaped character.
 * @returns {string}
 *   Replacement.
 */
function replace($0, $1) {
  // Pipes work, backslashes don’t (but can’t escape pipes).
  return $1 === '|' ? $1 : $0
}

/**
 * Create an extension for `mdast-util-to-markdown` to enable GFM tables in
 * markdown.
 *
 * @param {Options | null | undefined} [options]
 *   Configuration.
 * @returns {ToMarkdownExtension}
 *   Extension for `mdast-util-to-markdown` to enable GFM tables.
 */
function gfmTableToMarkdown(options) {
  const settings = options || {};
  const {
    tableCellPadding: padding,
    tablePipeAlign: alignDelimiters,
    stringLength
  } = settings;
  const around = padding ? ' ' : '|';

  return {
    handlers: {
      inlineCode: inlineCodeWithTable,
      table: handleTable,
      tableCell: handleTableCell,
      tableRow: handleTableRow
    },
    join: [joinTable],
    unsafe: [
      {character: '\r', inConstruct: 'tableCell'},
      {character: '\n', inConstruct: 'tableCell'},
      // A pipe, when followed by a tab or space (padding), or a dash or colon
      // (unpadded delimiter row), could result in a table.
      {atBreak: true, character: '|', after: '[\t :-]'},
      // A pipe in a cell must be encoded.
      {character: '|', inConstruct: 'tableCell'},
      // A colon must be followed by a dash, in which case it could start a
      // delimiter row.
      {atBreak: true, character: ':', after: '-'},
      // A delimiter row can also start with a dash, when followed by more
      // dashes, a colon, or a pipe.
      // This is a stricter version than the built in check for lists, thematic
      // breaks, and setex heading underlines though:
      // <https://github.com/syntax-tree/mdast-util-to-markdown/blob/51a2038/lib/unsafe.js#L57>
      {atBreak: true, character: '-', after: '[:|-]'}
    ]
  }

  /**
   * Serialize a table.
   *
   * @type {ToMarkdownHandle}
   * @param {Table} node
   *   Table.
   */
  function handleTable(node, _, state, info) {
    const matrix = handleTableAsData(node, state, info);
    const head = matrix[0];

    if (head) {
      let columns = node.align ? node.align.length : 0;
      let index = -1;

      if (!columns) {
        while (++index < matrix.length) {
          if (matrix[index].length > columns) columns = matrix[index].length;
        }
      }

      while (head.length < columns) head.push('');
    }

    return serializeData(matrix, node.align)
  }

  /**
   * This function isn’t really used normally, because we handle rows at the
   * table level.
   * But, if someone passes in a table row, this ensures we make somewhat sense.
   *
   * @type {ToMarkdownHandle}
   * @param {TableRow} node
   *   Row.
   */
  function handleTableRow(node, _, state, info) {
    const row = handleTableRowAsData(node, state, info);
    const value = serializeData([row]);
    // `markdown-table` will always add an align row
    return value.slice(0, value.indexOf('\n'))
  }

  /**
   * Serialize a cell.
   *
   * @type {ToMarkdownHandle}
   * @param {TableCell} node
   *   Cell.
   */
  function handleTableCell(node, _, state, info) {
    const exit = state.enter('tableCell');
    const subexit = state.enter('phrasing');
    const value = state.containerPhrasing(node, {
      ...info,
      before: around,
      after: around
    });
    subexit();
    exit();
    return value
  }

  /**
   * Serialize serialized cells as a table.
   *
   * @param {Array<Array<string>>} matrix
   *   Serialized cells.
   * @param {Array<string | null | undefined> | null | undefined} [align]
   *   Alignment.
   * @returns {string}
   *   Result.
   */
  function serializeData(matrix, align) {
    return markdownTable(matrix, {
      align,
      alignDelimiters,
      fillRows: false,
      padding,
      stringLength
    })
  }

  /**
   * Serialize the cells of a table.
   *
   * @param {Table} node
   *   Table.
   * @param {State} state
   *   State.
   * @param {Info} info
   *   Info.
   * @returns {Array<Array<string>>}
   *   Serialized cells.
   */
  function handleTableAsData(node, state, info) {
    const {children} = node;
    let index = -1;
    /** @type {Array<Array<string>>} */
    const result = [];
    const subexit = state.enter('table');

    while (++index < children.length) {
      result[index] = handleTableRowAsData(children[index], state, info);
    }

    subexit();

    return result
  }

  /**
   * Serialize the cells of a row.
   *
   * @param {TableRow} node
   *   Row.
   * @param {State} state
   *   State.
   * @param {Info} info
   *   Info.
   * @returns {Array<string>}
   *   Serialized cells.
   */
  function handleTableRowAsData(node, state, info) {
    const {children} = node;
    let index = -1;
    /** @type {Array<string>} */
    const result = [];
    const subexit = state.enter('tableRow');

    while (++index < children.length) {
      // Note: the positional info as used here is incorrect.
      // Making it correct would be impossible due to aligning cells?
      // And it would need copy/pasting `markdown-table` into this project.
      result[index] = handleTableCell(children[index], node, state, info);
    }

    subexit();

    return result
  }

  /**
   * Serialize inline code, escaping pipes in tables.
   *
   * @type {ToMarkdownHandle}
   * @param {InlineCode} node
   *   Inline code.
   */
  function inlineCodeWithTable(node, parent, state) {
    const value = handle.inlineCode(node, parent, state);

    if (!state.stack.includes('tableCell')) return value

    // In a cell, the backslash before a pipe is dropped, also in code.
    // GitHub keeps a pipe in the cell when any backslash precedes it,
    // but micromark only when an odd number do,
    // as it sees `\\` as an escaped backslash
    // (see <https://github.com/github/cmark-gfm/issues/277>).
    /** @type {Array<string>} */
    const result = [];
    let start = 0;
    let index = value.indexOf('|');

    while (index !== -1) {
      let before = index;

      while (before > start && value.charCodeAt(before - 1) === 92 /* `\` */) {
        before--;
      }

      result.push(value.slice(start, index));
      if ((index - before) % 2 === 0) result.push('\\');
      start = index;
      index = value.indexOf('|', index + 1);
    }

    result.push(value.slice(start));

    return result.join('')
  }
}

/**
 * Join a table and the flow after it.
 *
 * In a tight list item there are no blank lines between flow,
 * but text right after a table would be read as rows of it.
 *
 * @type {Join}
 */
function joinTable(left, right, parent, state) {
  if (
    left.type === 'table' &&
    parent.type === 'listItem' &&
    parent.spread === false &&
    (right.type === 'definition' ||
      (right.type === 'heading' && formatHeadingAsSetext(right, state)) ||
      right.type === 'paragraph' ||
      right.type === 'table')
  ) {
    return 1
  }
}

/**
 * Check whether a heading is serialized as a setext heading,
 * like `mdast-util-to-markdown` does.
 *
 * @param {Heading} node
 *   Heading.
 * @param {State} state
 *   Info passed around.
 * @returns {boolean}
 *   Whether the heading is serialized as a setext heading.
 */
function formatHeadingAsSetext(node, state) {
  let literalWithBreak = false;

  visit(node, function (node) {
    if (
      node.type === 'break' ||
      ('value' in node && /\r?\n|\r/.test(node.value))
    ) {
      literalWithBreak = true;
      return EXIT
    }
  });

  return Boolean(
    (!node.depth || node.depth < 3) &&
    toString(node) &&
    (state.options.setext || literalWithBreak)
  )
}

/**
 * @import {ListItem, Paragraph, Parents} from 'mdast'
 * @import {
 *   CompileContext,
 *   Extension as FromMarkdownExtension,
 *   Handle as FromMarkdownHandle
 * } from 'mdast-util-from-markdown'
 * @import {
 *   Handle as ToMarkdownHandle,
 *   Join as ToMarkdownJoin,
 *   Options as ToMarkdownExtension
 * } from 'mdast-util-to-markdown'
 */


/**
 * Create an extension for `mdast-util-from-markdown` to enable GFM task
 * list items in markdown.
 *
 * @returns {FromMarkdownExtension}
 *   Extension for `mdast-util-from-markdown` to enable GFM task list items.
 */
function gfmTaskListItemFromMarkdown() {
  return {
    exit: {
      taskListCheckValueChecked: exitCheck,
      taskListCheckValueUnchecked: exitCheck,
      paragraph: exitParagraphWithTaskListItem
    }
  }
}

/**
 * Create an extension for `mdast-util-to-markdown` to enable GFM task list
 * items in markdown.
 *
 * @returns {ToMarkdownExtension}
 *   Extension for `mdast-util-to-markdown` to enable GFM task list items.
 */
function gfmTaskListItemToMarkdown() {
  return {
    handlers: {paragraph: paragraphWithTaskListItem},
    join: [joinDefinitionsBeforeTaskListItemParagraph]
  }
}

/**
 * Exit a check.
 *
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function exitCheck(token) {
  // We’re always in a paragraph, in a list item.
  const node = this.stack[this.stack.length - 2];
  ok$1(node.type === 'listItem');
  node.checked = token.type === 'taskListCheckValueChecked';
}

/**
 * Exit a paragraph, removing the whitespace after a check.
 *
 * @this {CompileContext}
 * @type {FromMarkdownHandle}
 */
function exitParagraphWithTaskListItem(token) {
  const parent = this.stack[this.stack.length - 2];

  if (
    parent &&
    parent.type === 'listItem' &&
    typeof parent.checked === 'boolean'
  ) {
    const node = this.stack[this.stack.length - 1];
    ok$1(node.type === 'paragraph');
    const head = node.children[0];

    if (head && head.type === 'text') {
      const siblings = parent.children;
      let index = -1;
      /** @type {Paragraph | undefined} */
      let firstParagraph;

      while (++index < siblings.length) {
        const sibling = siblings[index];
        if (sibling.type === 'paragraph') {
          firstParagraph = sibling;
          break
        }
      }

      if (firstParagraph === node) {
        // Must start with a space or a tab.
        head.value = head.value.slice(1);

        if (head.value.length === 0) {
          node.children.shift();
        } else if (
          node.position &&
          head.position &&
          typeof head.position.start.offset === 'number'
        ) {
          head.position.start.column++;
          head.position.start.offset++;
          node.position.start = {...head.position.start};
        }
      }
    }
  }

  this.exit(token);
}

/**
 * Serialize a paragraph,
 * with a check if it is the paragraph of a task list item.
 *
 * @type {ToMarkdownHandle}
 * @param {Paragraph} node
 *   Paragraph.
 * @param {Parents | undefined} parent
 *   Parent.
 */
function paragraphWithTaskListItem(node, parent, state, info) {
  if (
    !parent ||
    parent.type !== 'listItem' ||
    taskListItemParagraph(parent) !== node
  ) {
    return handle.paragraph(node, parent, state, info)
  }

  const checkbox = '[' + (parent.checked ? 'x' : ' ') + '] ';
  const tracker = state.createTracker(info);
  tracker.move(checkbox);
  // Check needs content after it, use an encoded space if there is no content
  // but there is `checked`.
  const value = handle.paragraph(
    node.children.length > 0
      ? node
      : {type: 'paragraph', children: [{type: 'text', value: ' '}]},
    parent,
    state,
    {...info, ...tracker.current()}
  );

  return checkbox + value
}

/**
 * Join definitions before the paragraph of a task list item without blank
 * lines,
 * as a check is only seen at the start of the first content of a list item.
 *
 * @type {ToMarkdownJoin}
 */
function joinDefinitionsBeforeTaskListItemParagraph(left, _, parent) {
  if (!(left.type === 'definition' && parent.type === 'listItem')) {
    return
  }

  const paragraph = taskListItemParagraph(parent);

  if (
    paragraph &&
    parent.children.indexOf(left) < parent.children.indexOf(paragraph)
  ) {
    return 0
  }
}

/**
 * Find the paragraph of a task list item that can start with a check.
 *
 * @param {ListItem} node
 *   List item.
 * @returns {Paragraph | undefined}
 *   Paragraph, if `node` is checkable.
 */
function taskListItemParagraph(node) {
  if (typeof node.checked !== 'boolean') {
    return
  }

  for (const child of node.children) {
    if (child.type === 'paragraph') {
      return child
    }

    if (child.type !== 'definition') {
      return
    }
  }
}

/**
 * @import {Extension as FromMarkdownExtension} from 'mdast-util-from-markdown'
 * @import {Options} from 'mdast-util-gfm'
 * @import {Options as ToMarkdownExtension} from 'mdast-util-to-markdown'
 */


/**
 * Create an extension for `mdast-util-from-markdown` to enable GFM (autolink
 * literals, footnotes, strikethrough, tables, tasklists).
 *
 * @returns {Array<FromMarkdownExtension>}
 *   Extension for `mdast-util-from-markdown` to enable GFM (autolink literals,
 *   footnotes, strikethrough, tables, tasklists).
 */
function gfmFromMarkdown() {
  return [
    gfmAutolinkLiteralFromMarkdown(),
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown()
  ]
}

/**
 * Create an extension for `mdast-util-to-markdown` to enable GFM (autolink
 * literals, footnotes, strikethrough, tables, tasklists).
 *
 * @param {Options | null | undefined} [options]
 *   Configuration (optional).
 * @returns {ToMarkdownExtension}
 *   Extension for `mdast-util-to-markdown` to enable GFM (autolink literals,
 *   footnotes, strikethrough, tables, tasklists).
 */
function gfmToMarkdown(options) {
  return {
    extensions: [
      gfmAutolinkLiteralToMarkdown(),
      gfmFootnoteToMarkdown(options),
      gfmStrikethroughToMarkdown(),
      gfmTableToMarkdown(options),
      gfmTaskListItemToMarkdown()
    ]
  }
}

/**
 * Like `Array#splice`, but smarter for giant arrays.
 *
 * `Array#splice` takes all items to be inserted as individual argument which
 * causes a stack overflow in V8 when trying to insert 100k items for instance.
 *
 * Otherwise, this does not return the removed items, and takes `items` as an
 * array instead of rest parameters.
 *
 * @template {unknown} T
 *   Item type.
 * @param {Array<T>} list
 *   List to operate on.
 * @param {number} start
 *   Index to remove/insert at (can be negative).
 * @param {number} remove
 *   Number of items to remove.
 * @param {Array<T>} items
 *   Items to inject into `list`.
 * @returns {undefined}
 *   Nothing.
 */
function splice(list, start, remove, items) {
  const end = list.length;
  let chunkStart = 0;
  /** @type {Array<unknown>} */
  let parameters;

  // Make start between zero and `end` (included).
  if (start < 0) {
    start = -start > end ? 0 : end + start;
  } else {
    start = start > end ? end : start;
  }
  remove = remove > 0 ? remove : 0;

  // No need to chunk the items if there’s only a couple (10k) items.
  if (items.length < 10000) {
    parameters = Array.from(items);
    parameters.unshift(start, remove);
    // @ts-expect-error Hush, it’s fine.
    list.splice(...parameters);
  } else {
    // Delete `remove` items starting from `start`
    if (remove) list.splice(start, remove);

    // Insert the items in chunks to not cause stack overflows.
    while (chunkStart < items.length) {
      parameters = items.slice(chunkStart, chunkStart + 10000);
      parameters.unshift(start, 0);
      // @ts-expect-error Hush, it’s fine.
      list.splice(...parameters);
      chunkStart += 10000;
      start += 10000;
    }
  }
}

/**
 * Append `items` (an array) at the end of `list` (another array).
 * When `list` was empty, returns `items` instead.
 *
 * This prevents a potentially expensive operation when `list` is empty,
 * and adds items in batches to prevent V8 from hanging.
 *
 * @template {unknown} T
 *   Item type.
 * @param {Array<T>} list
 *   List to operate on.
 * @param {Array<T>} items
 *   Items to add to `list`.
 * @returns {Array<T>}
 *   Either `list` or `items`.
 */
function push(list, items) {
  if (list.length > 0) {
    splice(list, list.length, 0, items);
    return list;
  }
  return items;
}

/**
 * @import {
 *   Extension,
 *   Handles,
 *   HtmlExtension,
 *   NormalizedExtension
 * } from 'micromark-util-types'
 */


const hasOwnProperty = {}.hasOwnProperty;

/**
 * Combine multiple syntax extensions into one.
 *
 * @param {ReadonlyArray<Extension>} extensions
 *   List of syntax extensions.
 * @returns {NormalizedExtension}
 *   A single combined extension.
 */
function combineExtensions(extensions) {
  /** @type {NormalizedExtension} */
  const all = {};
  let index = -1;

  while (++index < extensions.length) {
    syntaxExtension(all, extensions[index]);
  }

  return all
}

/**
 * Merge `extension` into `all`.
 *
 * @param {NormalizedExtension} all
 *   Extension to merge into.
 * @param {Extension} extension
 *   Extension to merge.
 * @returns {undefined}
 *   Nothing.
 */
function syntaxExtension(all, extension) {
  /** @type {keyof Extension} */
  let hook;

  for (hook in extension) {
    const maybe = hasOwnProperty.call(all, hook) ? all[hook] : undefined;
    /** @type {Record<string, unknown>} */
    const left = maybe || (all[hook] = {});
    /** @type {Record<string, unknown> | undefined} */
    const right = extension[hook];
    /** @type {string} */
    let code;

    if (right) {
      for (code in right) {
        if (!hasOwnProperty.call(left, code)) left[code] = [];
        const value = right[code];
        constructs(
          // @ts-expect-error Looks like a list.
          left[code],
          Array.isArray(value) ? value : value ? [value] : []
        );
      }
    }
  }
}

/**
 * Merge `list` into `existing` (both lists of constructs).
 * Mutates `existing`.
 *
 * @param {Array<unknown>} existing
 *   List of constructs to merge into.
 * @param {Array<unknown>} list
 *   List of constructs to merge.
 * @returns {undefined}
 *   Nothing.
 */
function constructs(existing, list) {
  let index = -1;
  /** @type {Array<unknown>} */
  const before = [];

  while (++index < list.length) {
(list[index].add === 'after' ? existing : before).push(list[index]);
  }

  splice(existing, 0, 0, before);
}

/**
 * @import {Code, ConstructRecord, Event, Extension, Previous, State, TokenizeContext, Tokenizer} from 'micromark-util-types'
 */

const wwwPrefix = {
  tokenize: tokenizeWwwPrefix,
  partial: true
};
const domain = {
  tokenize: tokenizeDomain,
  partial: true
};
const path = {
  tokenize: tokenizePath,
  partial: true
};
const trail = {
  tokenize: tokenizeTrail,
  partial: true
};
const emailDomainDotTrail = {
  tokenize: tokenizeEmailDomainDotTrail,
  partial: true
};
const wwwAutolink = {
  name: 'wwwAutolink',
  tokenize: tokenizeWwwAutolink,
  previous: previousWww
};
const protocolAutolink = {
  name: 'protocolAutolink',
  tokenize: tokenizeProtocolAutolink,
  previous: previousProtocol
};
const emailAutolink = {
  name: 'emailAutolink',
  tokenize: tokenizeEmailAutolink,
  previous: previousEmail
};

/** @type {ConstructRecord} */
const text$3 = {};

/**
 * Create an extension for `micromark` to support GitHub autolink literal
 * syntax.
 *
 * @returns {Extension}
 *   Extension for `micromark` that can be passed in `extensions` to enable GFM
 *   autolink literal syntax.
 */
function gfmAutolinkLiteral() {
  return {
    text: text$3
  };
}

/** @type {Code} */
let code$1 = 48;

// Add alphanumerics.
while (code$1 < 123) {
  text$3[code$1] = emailAutolink;
  code$1++;
  if (code$1 === 58) code$1 = 65;else if (code$1 === 91) code$1 = 97;
}
text$3[43] = emailAutolink;
text$3[45] = emailAutolink;
text$3[46] = emailAutolink;
text$3[95] = emailAutolink;
text$3[72] = [emailAutolink, protocolAutolink];
text$3[104] = [emailAutolink, protocolAutolink];
text$3[87] = [emailAutolink, wwwAutolink];
text$3[119] = [emailAutolink, wwwAutolink];

// To do: perform email autolink literals on events, afterwards.
// That’s where `markdown-rs` and `cmark-gfm` perform it.
// It should look for `@`, then for atext backwards, and then for a label
// forwards.
// To do: `mailto:`, `xmpp:` protocol as prefix.

/**
 * Email autolink literal.
 *
 * ```markdown
 * > | a contact@example.org b
 *       ^^^^^^^^^^^^^^^^^^^
 * ```
 *
 * @this {TokenizeContext}
 * @type {Tokenizer}
 */
function tokenizeEmailAutolink(effects, ok, nok) {
  const self = this;
  /** @type {boolean | undefined} */
  let dot;
  /** @type {boolean} */
  let data;
  return start;

  /**
   * Start of email autolink literal.
   *
   * ```markdown
   * > | a contact@example.org b
   *       ^
   * ```
   *
   * @type {State}
   */
  function start(code) {
    if (!gfmAtext(code) || !previousEmail.call(self, self.previous) || previousUnbalanced(self.events)) {
      return nok(code);
    }
    effects.enter('literalAutolink');
    effects.enter('literalAutolinkEmail');
    return atext(code);
  }

  /**
   * In email atext.
   *
   * ```markdown
   * > | a contact@example.org b
   *       ^
   * ```
   *
   * @type {State}
   */
  function atext(code) {
    if (gfmAtext(code)) {
      effects.consume(code);
      return atext;
    }
    if (code === 64) {
      effects.consume(code);
      return emailDomain;
    }
    return nok(code);
  }

  /**
   * In email domain.
   *
   * The reference code is a bit overly complex as it handles the `@`, of which
   * there may be just one.
   * Source: <https://github.com/github/cmark-gfm/blob/ef1cfcb/extensions/autolink.c#L318>
   *
   * ```markdown
   * > | a contact@example.org b
   *               ^
   * ```
   *
   * @type {State}
   */
  function emailDomain(code) {
    // Dot followed by alphanumerical (not `-` or `_`).
    if (code === 46) {
      return effects.check(emailDomainDotTrail, emailDomainAfter, emailDomainDot)(code);
    }

    // Alphanumerical, `-`, and `_`.
    if (code === 45 || code === 95 || asciiAlphanumeric(code)) {
      data = true;
      effects.consume(code);
      return emailDomain;
    }

    // To do: `/` if xmpp.

    // Note: normally we’d truncate trailing punctuation from the link.
    // However, email autolink literals cannot contain any of those markers,
    // except for `.`, but that can only occur if it isn’t trailing.
    // So we can ignore truncating!
    return emailDomainAfter(code);
  }

  /**
   * In email domain, on dot that is not a trail.
   *
   * ```markdown
   * > | a contact@example.org b
   *                      ^
   * ```
   *
   * @type {State}
   */
  function emailDomainDot(code) {
    effects.consume(code);
    dot = true;
    return emailDomain;
  }

  /**
   * After email domain.
   *
   * ```markdown
   * > | a contact@example.org b
   *                          ^
   * ```
   *
   * @type {State}
   */
  function emailDomainAfter(code) {
    // Domain must not be empty, must include a dot, and must end in alphabetical.
    // Source: <https://github.com/github/cmark-gfm/blob/ef1cfcb/extensions/autolink.c#L332>.
    if (data && dot && asciiAlpha(self.previous)) {
      effects.exit('literalAutolinkEmail');
      effects.exit('literalAutolink');
      return ok(code);
    }
    return nok(code);
  }
}

/**
 * `www` autolink literal.
 *
 * ```markdown
 * > | a www.example.org b
 *       ^^^^^^^^^^^^^^^
 * ```
 *
 * @this {TokenizeContext}
 * @type {Tokenizer}
 */
function tokenizeWwwAutolink(effects, ok, nok) {
  const self = this;
  return wwwStart;

  /**
   * Start of www autolink literal.
   *
   * ```markdown
   * > | www.example.com/a?b#c
   *     ^
   * ```
   *
   * @type {State}
   */
  function wwwStart(code) {
    if (code !== 87 && code !== 119 || !previousWww.call(self, self.previous) || previousUnbalanced(self.events)) {
      return nok(code);
    }
    effects.enter('literalAutolink');
    effects.enter('literalAutolinkWww');
    // Note: we *check*, so we can discard the `www.` we parsed.
    // If it worked, we consider it as a part of the domain.
    return effects.check(wwwPrefix, effects.attempt(domain, effects.attempt(path, wwwAfter), nok), nok)(code);
  }

  /**
   * After a www autolink literal.
   *
   * ```markdown
   * > | www.example.com/a?b#c
   *                          ^
   * ```
   *
   * @type {State}
   */
  function wwwAfter(code) {
    effects.exit('literalAutolinkWww');
    effects.exit('literalAutolink');
    return ok(code);
  }
}

/**
 * Protocol autolink literal.
 *
 * ```markdown
 * > | a https://example.org b
 *       ^^^^^^^^^^^^^^^^^^^
 * ```
 *
 * @this {TokenizeContext}
 * @type {Tokenizer}
 */
function tokenizeProtocolAutolink(effects, ok, nok) {
  const self = this;
  let buffer = '';
  let seen = false;
  return protocolStart;

  /**
   * Start of protocol autolink literal.
   *
   * ```markdown
   * > | https://example.com/a?b#c
   *     ^
   * ```
   *
   * @type {State}
   */
  function protocolStart(code) {
    if ((code === 72 || code === 104) && previousProtocol.call(self, self.previous) && !previousUnbalanced(self.events)) {
      effects.enter('literalAutolink');
      effects.enter('literalAutolinkHttp');
      buffer += String.fromCodePoint(code);
      effects.consume(code);
      return protocolPrefixInside;
    }
    return nok(code);
  }

  /**
   * In protocol.
   *
   * ```markdown
   * > | https://example.com/a?b#c
   *     ^^^^^
   * ```
   *
   * @type {State}
   */
  function protocolPrefixInside(code) {
    // `5` is size of `https`
    if (asciiAlpha(code) && buffer.length < 5) {
      // @ts-expect-error: definitely number.
      buffer += String.fromCodePoint(code);
      effects.consume(code);
      return protocolPrefixInside;
    }
    if (code === 58) {
      const protocol = buffer.toLowerCase();
      if (protocol === 'http' || protocol === 'https') {
        effects.consume(code);
        return protocolSlashesInside;
      }
    }
    return nok(code);
  }

  /**
   * In slashes.
   *
   * ```markdown
   * > | https://example.com/a?b#c
   *           ^^
   * ```
   *
   * @type {State}
   */
  function protocolSlashesInside(code) {
    if (code === 47) {
      effects.consume(code);
      if (seen) {
        return afterProtocol;
      }
      seen = true;
      return protocolSlashesInside;
    }
    return nok(code);
  }

  /**
   * After protocol, before domain.
   *
   * ```markdown
   * > | https://example.com/a?b#c
   *             ^
   * ```
   *
   * @type {State}
   */
  function afterProtocol(code) {
    // To do: this is different from `markdown-rs`:
    // https://github.com/wooorm/markdown-rs/blob/b3a921c761309ae00a51fe348d8a43adbc54b518/src/construct/gfm_autolink_literal.rs#L172-L182
    return code === null || asciiControl(code) || markdownLineEndingOrSpace(code) || unicodeWhitespace(code) || unicodePunctuation(code) ? nok(code) : effects.attempt(domain, effects.attempt(path, protocolAfter), nok)(code);
  }

  /**
   * After a protocol autolink literal.
   *
   * ```markdown
   * > | https://example.com/a?b#c
   *                              ^
   * ```
   *
   * @type {State}
   */
  function protocolAfter(code) {
    effects.exit('literalAutolinkHttp');
    effects.exit('literalAutolink');
    return ok(code);
  }
}

/**
 * `www` prefix.
 *
 * ```markdown
 * > | a www.example.org b
 *       ^^^^
 * ```
 *
 * @this {TokenizeContext}
 * @type {Tokenizer}
 */
function tokenizeWwwPrefix(effects, ok, nok) {
  let size = 0;
  return wwwPrefixInside;

  /**
   * In www prefix.
   *
   * ```markdown
   * > | www.example.com
   *     ^^^^
   * ```
   *
   * @type {State}
   */
  function wwwPrefixInside(code) {
    if ((code === 87 || code === 119) && size < 3) {
      size++;
      effects.consume(code);
      return wwwPrefixInside;
    }
    if (code === 46 && size === 3) {
      effects.consume(code);
      return wwwPrefixAfter;
    }
    return nok(code);
  }

  /**
   * After www prefix.
   *
   * ```markdown
   * > | www.example.com
   *         ^
   * ```
   *
   * @type {State}
   */
  function wwwPrefixAfter(code) {
    // If there is *anything*, we can link.
    return code === null ? nok(code) : ok(code);
  }
}

/**
 * Domain.
 *
 * ```markdown
 * > | a https://example.org b
 *               ^^^^^^^^^^^
 * ```
 *
 * @this {TokenizeContext}
 * @type {Tokenizer}
 */
function tokenizeDomain(effects, ok, nok) {
  /** @type {boolean | undefined} */
  let underscoreInLastSegment;
  /** @type {boolean | undefined} */
  let underscoreInLastLastSegment;
  /** @type {boolean | undefined} */
  let seen;
  return domainInside;

  /**
   * In domain.
   *
   * ```markdown
   * > | https://example.com/a
   *             ^^^^^^^^^^^
   * ```
   *
   * @type {State}
   */
  function domainInside(code) {
    // Check whether this marker, which is a trailing punctuation
    // marker, optionally followed by more trailing markers, and then
    // followed by an end.
    if (code === 46 || code === 95) {
      return effects.check(trail, domainAfter, domainAtPunctuation)(code);
    }

    // GH documents that only alphanumerics (other than `-`, `.`, and `_`) can
    // occur, which sounds like ASCII only, but they also support `www.點看.com`,
    // so that’s Unicode.
    // Instead of some new production for Unicode alphanumerics, markdown
    // already has that for Unicode punctuation and whitespace, so use those.
    // Source: <https://github.com/github/cmark-gfm/blob/ef1cfcb/extensions/autolink.c#L12>.
    if (code === null || markdownLineEndingOrSpace(code) || unicodeWhitespace(code) || code !== 45 && unicodePunctuation(code)) {
      return domainAfter(code);
    }
    seen = true;
    effects.consume(code);
    return domainInside;
  }

  /**
   * In domain, at potential trailing punctuation, that was not trailing.
   *
   * ```markdown
   * > | https://example.com
   *                    ^
   * ```
   *
   * @type {State}
   */
  function domainAtPunctuation(code) {
    // There is an underscore in the last segment of the domain
    if (code === 95) {
      underscoreInLastSegment = true;
    }
    // Otherwise, it’s a `.`: save the last segment underscore in the
    // penultimate segment slot.
    else {
      underscoreInLastLastSegment = underscoreInLastSegment;
      underscoreInLastSegment = undefined;
    }
    effects.consume(code);
    return domainInside;
  }

  /**
   * After domain.
   *
   * ```markdown
   * > | https://example.com/a
   *                        ^
   * ```
   *
   * @type {State} */
  function domainAfter(code) {
    // Note: that’s GH says a dot is needed, but it’s not true:
    // <https://github.com/github/cmark-gfm/issues/279>
    if (underscoreInLastLastSegment || underscoreInLastSegment || !seen) {
      return nok(code);
    }
    return ok(code);
  }
}

/**
 * Path.
 *
 * ```markdown
 * > | a https://example.org/stuff b
 *                          ^^^^^^
 * ```
 *
 * @this {TokenizeContext}
 * @type {Tokenizer}
 */
function tokenizePath(effects, ok) {
  let sizeOpen = 0;
  let sizeClose = 0;
  return pathInside;

  /**
   * In path.
   *
   * ```markdown
   * > | https://example.com/a
   *                        ^^
   * ```
   *
   * @type {State}
   */
  function pathInside(code) {
    if (code === 40) {
      sizeOpen++;
      effects.consume(code);
      return pathInside;
    }

    // To do: `markdown-rs` also needs this.
    // If this is a paren, and there are less closings than openings,
    // we don’t check for a trail.
    if (code === 41 && sizeClose < sizeOpen) {
      return pathAtPunctuation(code);
    }

    // Check whether this trailing punctuation marker is optionally
    // followed by more trailing markers, and then followed
    // by an end.
    if (code === 33 || code === 34 || code === 38 || code === 39 || code === 41 || code === 42 || code === 44 || code === 46 || code === 58 || code === 59 || code === 60 || code === 63 || code === 93 || code === 95 || code === 126) {
      return effects.check(trail, ok, pathAtPunctuation)(code);
    }
    if (code === null || markdownLineEndingOrSpace(code) || unicodeWhitespace(code)) {
      return ok(code);
    }
    effects.consume(code);
    return pathInside;
  }

  /**
   * In path, at potential trailing punctuation, that was not trailing.
   *
   * ```markdown
   * > | https://example.com/a"b
   *                          ^
   * ```
   *
   * @type {State}
   */
  function pathAtPunctuation(code) {
    // Count closing parens.
    if (code === 41) {
      sizeClose++;
    }
    effects.consume(code);
    return pathInside;
  }
}

/**
 * Trail.
 *
 * This calls `ok` if this *is* the trail, followed by an end, which means
 * the entire trail is not part of the link.
 * It calls `nok` if this *is* part of the link.
 *
 * ```markdown
 * > | https://example.com").
 *                        ^^^
 * ```
 *
 * @this {TokenizeContext}
 * @type {Tokenizer}
 */
function tokenizeTrail(effects, ok, nok) {
  return trail;

  /**
   * In trail of domain or path.
   *
   * ```markdown
   * > | https://example.com").
   *                        ^
   * ```
   *
   * @type {State}
   */
  function trail(code) {
    // Regular trailing punctuation.
    if (code === 33 || code === 34 || code === 39 || code === 41 || code === 42 || code === 44 || code === 46 || code === 58 || code === 59 || code === 63 || code === 95 || code === 126) {
      effects.consume(code);
      return trail;
    }

    // `&` followed by one or more alphabeticals and then a `;`, is
    // as a whole considered as trailing punctuation.
    // In all other cases, it is considered as continuation of the URL.
    if (code === 38) {
      effects.consume(code);
      return trailCharacterReferenceStart;
    }

    // Needed because we allow literals after `[`, as we fix:
    // <https://github.com/github/cmark-gfm/issues/278>.
    // Check that it is not followed by `(` or `[`.
    if (code === 93) {
      effects.consume(code);
      return trailBracketAfter;
    }
    if (
    // `<` is an end.
    code === 60 ||
    // So is whitespace.
    code === null || markdownLineEndingOrSpace(code) || unicodeWhitespace(code)) {
      return ok(code);
    }
    return nok(code);
  }

  /**
   * In trail, after `]`.
   *
   * > 👉 **Note**: this deviates from `cmark-gfm` to fix a bug.
   * > See end of <https://github.com/github/cmark-gfm/issues/278> for more.
   *
   * ```markdown
   * > | https://example.com](
   *                         ^
   * ```
   *
   * @type {State}
   */
  function trailBracketAfter(code) {
    // Whitespace or something that could start a resource or reference is the end.
    // Switch back to trail otherwise.
    if (code === null || code === 40 || code === 91 || markdownLineEndingOrSpace(code) || unicodeWhitespace(code)) {
      return ok(code);
    }
    return trail(code);
  }

  /**
   * In character-reference like trail, after `&`.
   *
   * ```markdown
   * > | https://example.com&amp;).
   *                         ^
   * ```
   *
   * @type {State}
   */
  function trailCharacterReferenceStart(code) {
    // When non-alpha, it’s not a trail.
    return asciiAlpha(code) ? trailCharacterReferenceInside(code) : nok(code);
  }

  /**
   * In character-reference like trail.
   *
   * ```markdown
   * > | https://example.com&amp;).
   *                         ^
   * ```
   *
   * @type {State}
   */
  function trailCharacterReferenceInside(code) {
    // Switch back to trail if this is well-formed.
    if (code === 59) {
      effects.consume(code);
      return trail;
    }
    if (asciiAlpha(code)) {
      effects.consume(code);
      return trailCharacterReferenceInside;
    }

    // It’s not a trail.
    return nok(code);
  }
}

/**
 * Dot in email domain trail.
 *
 * This calls `ok` if this *is* the trail, followed by an end, which means
 * the trail is not part of the link.
 * It calls `nok` if this *is* part of the link.
 *
 * ```markdown
 * > | contact@example.org.
 *                        ^
 * ```
 *
 * @this {TokenizeContext}
 * @type {Tokenizer}
 */
function tokenizeEmailDomainDotTrail(effects, ok, nok) {
  return start;

  /**
   * Dot.
   *
   * ```markdown
   * > | contact@example.org.
   *                    ^   ^
   * ```
   *
   * @type {State}
   */
  function start(code) {
    // Must be dot.
    effects.consume(code);
    return after;
  }

  /**
   * After dot.
   *
   * ```markdown
   * > | contact@example.org.
   *                     ^   ^
   * ```
   *
   * @type {State}
   */
  function after(code) {
    // Not a trail if alphanumeric.
    return asciiAlphanumeric(code) ? nok(code) : ok(code);
  }
}

/**
 * See:
 * <https://github.com/github/cmark-gfm/blob/ef1cfcb/extensions/autolink.c#L156>.
 *
 * @type {Previous}
 */
function previousWww(code) {
  return code === null || code === 40 || code === 42 || code === 95 || code === 91 || code === 93 || code === 126 || markdownLineEndingOrSpace(code);
}

/**
 * See:
 * <https://github.com/github/cmark-gfm/blob/ef1cfcb/extensions/autolink.c#L214>.
 *
 * @type {Previous}
 */
function previousProtocol(code) {
  return !asciiAlpha(code);
}

/**
 * @this {TokenizeContext}
 * @type {Previous}
 */
function previousEmail(code) {
  // Do not allow a slash “inside” atext.
  // The reference code is a bit weird, but that’s what it results in.
  // Source: <https://github.com/github/cmark-gfm/blob/ef1cfcb/extensions/autolink.c#L307>.
  // Other than slash, every preceding character is allowed.
  return !(code === 47 || gfmAtext(code));
}

/**
 * @param {Code} code
 * @returns {boolean}
 */
function gfmAtext(code) {
  return code === 43 || code === 45 || code === 46 || code === 95 || asciiAlphanumeric(code);
}

/**
 * @param {Array<Event>} events
 * @returns {boolean}
 */
function previousUnbalanced(events) {
  let index = events.length;
  let result = false;
  while (index--) {
    const token = events[index][1];
    if ((token.type === 'labelLink' || token.type === 'labelImage') && !token._balanced) {
      result = true;
      break;
    }

    // If we’ve seen this token, and it was marked as not having any unbalanced
    // bracket before it, we can exit.
    if (token._gfmAutolinkLiteralWalkedInto) {
      result = false;
      break;
    }
  }
  if (events.length > 0 && !result) {
    // Mark the last token as “walked into” w/o finding
    // anything.
    events[events.length - 1][1]._gfmAutolinkLiteralWalkedInto = true;
  }
  return result;
}

/**
 * @import {Event, Resolver, TokenizeContext} from 'micromark-util-types'
 */

/**
 * Call all `resolveAll`s.
 *
 * @param {ReadonlyArray<{resolveAll?: Resolver | undefined}>} constructs
 *   List of constructs, optionally with `resolveAll`s.
 * @param {Array<Event>} events
 *   List of events.
 * @param {TokenizeContext} context
 *   Context used by `tokenize`.
 * @returns {Array<Event>}
 *   Changed events.
 */
function resolveAll(constructs, events, context) {
  /** @type {Array<Resolver>} */
  const called = [];
  let index = -1;

  while (++index < constructs.length) {
    const resolve = constructs[index].resolveAll;

    if (resolve && !called.includes(resolve)) {
      events = resolve(events, context);
      called.push(resolve);
    }
  }

  return events
}

/**
 * @import {Effects, State, TokenType} from 'micromark-util-types'
 */


// To do: implement `spaceOrTabWithOptions` (`connect`, `content`).

/**
 * Parse spaces and tabs.
 *
 * There is no `nok` parameter:
 *
 * *   spaces in markdown are often optional, in which case this factory can be
 *     used and `ok` will be switched to whether spaces were found or not
 * *   one line ending or space can be detected with `markdownSpace(code)` right
 *     before using `factorySpace`
 *
 * ###### Examples
 *
 * Where `␉` represents a tab (plus how much it expands) and `␠` represents a
 * single space.
 *
 * ```markdown
 * ␉
 * ␠␠␠␠
 * ␉␠
 * ```
 *
 * @param {Effects} effects
 *   Context.
 * @param {State} ok
 *   State switched to when successful.
 * @param {TokenType} type
 *   Type of the whole whitespace.
 * @param {number | undefined} [max=Infinity]
 *   Max (exclusive).
 * @returns {State}
 *   Start state.
 */
function factorySpace(effects, ok, type, max) {
  const limit = max ? max - 1 : Infinity;
  let size = 0;
  return start;

  /** @type {State} */
  function start(code) {
    if (markdownSpace(code)) {
      effects.enter(type);
      return prefix(code);
    }
    return ok(code);
  }

  /** @type {State} */
  function prefix(code) {
    if (markdownSpace(code) && size++ < limit) {
      effects.consume(code);
      return prefix;
    }
    effects.exit(type);
    return ok(code);
  }
}

/**
 * Parse spaces and tabs, with a required minimum and maximum, matching
 * `markdown-rs`’s `space_or_tab_min_max`.
 *
 * Unlike `factorySpace`, this can fail: `nok` is used when fewer than
 * `min` spaces or tabs are found.
 *
 * @param {Effects} effects
 *   Context.
 * @param {State} ok
 *   State switched to when successful.
 * @param {State} nok
 *   State switched to when unsuccessful.
 * @param {TokenType} type
 *   Type of the whole whitespace.
 * @param {number} min
 *   Minimum allowed characters (inclusive).
 * @param {number} max
 *   Maximum allowed characters (inclusive).
 * @returns {State}
 *   Start state.
 */
function factorySpaceMinMax(effects, ok, nok, type, min, max) {
  let size = 0;
  return start;

  /** @type {State} */
  function start(code) {
    if (markdownSpace(code)) {
      effects.enter(type);
      return prefix(code);
    }
    return after(code);
  }

  /** @type {State} */
  function prefix(code) {
    if (markdownSpace(code) && size < max) {
      effects.consume(code);
      size++;
      return prefix;
    }
    effects.exit(type);
    return after(code);
  }

  /** @type {State} */
  function after(code) {
    return size >= min ? ok(code) : nok(code);
  }
}

/**
 * @import {
 *   Construct,
 *   State,
 *   TokenizeContext,
 *   Tokenizer
 * } from 'micromark-util-types'
 */

/** @type {Construct} */
const blankLine = {
  partial: true,
  tokenize: tokenizeBlankLine
};

/**
 * @this {TokenizeContext}
 *   Context.
 * @type {Tokenizer}
 */
function tokenizeBlankLine(effects, ok, nok) {
  return start;

  /**
   * Start of blank line.
   *
   * > 👉 **Note**: `␠` represents a space character.
   *
   * ```markdown
   * > | ␠␠␊
   *     ^
   * > | ␊
   *     ^
   * ```
   *
   * @type {State}
   */
  function start(code) {
    return markdownSpace(code) ? factorySpace(effects, after, "linePrefix")(code) : after(code);
  }

  /**
   * At eof/eol, after optional whitespace.
   *
   * > 👉 **Note**: `␠` represents a space character.
   *
   * ```markdown
   * > | ␠␠␊
   *       ^
   * > | ␊
   *     ^
   * ```
   *
   * @type {State}
   */
  function after(code) {
    return code === null || markdownLineEnding(code) ? ok(code) : nok(code);
  }
}

/**
 * @import {Event, Exiter, Extension, Resolver, State, Token, TokenizeContext, Tokenizer} from 'micromark-util-types'
 */

const indent = {
  tokenize: tokenizeIndent,
  partial: true
};

// To do: micromark should support a `_hiddenGfmFootnoteSupport`, which only
// affects label start (image).
// That will let us drop `tokenizePotentialGfmFootnote*`.
// It currently has a `_hiddenFootnoteSupport`, which affects that and more.
// That can be removed when `micromark-extension-footnote` is archived.

/**
 * Create an extension for `micromark` to enable GFM footnote syntax.
 *
 * @returns {Extension}
 *   Extension for `micromark` that can be passed in `extensions` to
 *   enable GFM footnote syntax.
 */
function gfmFootnote() {
  /** @type {Extension} */
  return {
    document: {
      [91]: {
        name: 'gfmFootnoteDefinition',
        tokenize: tokenizeDefinitionStart,
        continuation: {
          tokenize: tokenizeDefinitionContinuation
        },
        exit: gfmFootnoteDefinitionEnd
      }
    },
    text: {
      [91]: {
        name: 'gfmFootnoteCall',
        tokenize: tokenizeGfmFootnoteCall
      },
      [93]: {
        name: 'gfmPotentialFootnoteCall',
        add: 'after',
        tokenize: tokenizePotentialGfmFootnoteCall,
        resolveTo: resolveToPotentialGfmFootnoteCall
      }
    }
  };
}

// To do: remove after micromark update.
/**
 * @this {TokenizeContext}
 * @type {Tokenizer}
 */
function tokenizePotentialGfmFootnoteCall(effects, ok, nok) {
  const self = this;
  let index = self.events.length;
  const defined = self.parser.gfmFootnotes || (self.parser.gfmFootnotes = []);
  /** @type {Token} */
  let labelStart;

  // Find an opening.
  while (index--) {
    const token = self.events[index][1];
    if (token.type === "labelImage") {
      labelStart = token;
      break;
    }

    // Exit if we’ve walked far enough.
    if (token.type === 'gfmFootnoteCall' || token.type === "labelLink" || token.type === "label" || token.type === "image" || token.type === "link") {
      break;
    }
  }
  return start;

  /**
   * @type {State}
   */
  function start(code) {
    if (!labelStart || !labelStart._balanced) {
      return nok(code);
    }
    const id = normalizeIdentifier(self.sliceSerialize({
      start: labelStart.end,
      end: self.now()
    }));
    if (id.codePointAt(0) !== 94 || !defined.includes(id.slice(1))) {
      return nok(code);
    }
    effects.enter('gfmFootnoteCallLabelMarker');
    effects.consume(code);
    effects.exit('gfmFootnoteCallLabelMarker');
    return ok(code);
  }
}

// To do: remove after micromark update.
/** @type {Resolver} */
function resolveToPotentialGfmFootnoteCall(events, context) {
  let index = events.length;

  // Find an opening.
  while (index--) {
    if (events[index][1].type === "labelImage" && events[index][0] === 'enter') {
      events[index][1];
      break;
    }
  }
  // Change the `labelImageMarker` to a `data`.
  events[index + 1][1].type = "data";
  events[index + 3][1].type = 'gfmFootnoteCallLabelMarker';

  // The whole (without `!`):
  /** @type {Token} */
  const call = {
    type: 'gfmFootnoteCall',
    start: Object.assign({}, events[index + 3][1].start),
    end: Object.assign({}, events[events.length - 1][1].end)
  };
  // The `^` marker
  /** @type {Token} */
  const marker = {
    type: 'gfmFootnoteCallMarker',
    start: Object.assign({}, events[index + 3][1].end),
    end: Object.assign({}, events[index + 3][1].end)
  };
  // Increment the end 1 character.
  marker.end.column++;
  marker.end.offset++;
  marker.end._bufferIndex++;
  /** @type {Token} */
  const string = {
    type: 'gfmFootnoteCallString',
    start: Object.assign({}, marker.end),
    end: Object.assign({}, events[events.length - 1][1].start)
  };
  /** @type {Token} */
  const chunk = {
    type: "chunkString",
    contentType: 'string',
    start: Object.assign({}, string.start),
    end: Object.assign({}, string.end)
  };

  /** @type {Array<Event>} */
  const replacement = [
  // Take the `labelImageMarker` (now `data`, the `!`)
  events[index + 1], events[index + 2], ['enter', call, context],
  // The `[`
  events[index + 3], events[index + 4],
  // The `^`.
  ['enter', marker, context], ['exit', marker, context],
  // Everything in between.
  ['enter', string, context], ['enter', chunk, context], ['exit', chunk, context], ['exit', string, context],
  // The ending (`]`, properly parsed and labelled).
  events[events.length - 2], events[events.length - 1], ['exit', call, context]];
  events.splice(index, events.length - index + 1, ...replacement);
  return events;
}

/**
 * @this {TokenizeContext}
 * @type {Tokenizer}
 */
function tokenizeGfmFootnoteCall(effects, ok, nok) {
  const self = this;
  const defined = self.parser.gfmFootnotes || (self.parser.gfmFootnotes = []);
  let size = 0;
  /** @type {boolean} */
  let data;

  // Note: the implementation of `markdown-rs` is different, because it houses
  // core *and* extensions in one project.
  // Therefore, it can include footnote logic inside `label-end`.
  // We can’t do that, but luckily, we can parse footnotes in a simpler way than
  // needed for labels.
  return start;

  /**
   * Start of footnote label.
   *
   * ```markdown
   * > | a [^b] c
   *       ^
   * ```
   *
   * @type {State}
   */
  function start(code) {
    effects.enter('gfmFootnoteCall');
    effects.enter('gfmFootnoteCallLabelMarker');
    effects.consume(code);
    effects.exit('gfmFootnoteCallLabelMarker');
    return callStart;
  }

  /**
   * After `[`, at `^`.
   *
   * ```markdown
   * > | a [^b] c
   *        ^
   * ```
   *
   * @type {State}
   */
  function callStart(code) {
    if (code !== 94) return nok(code);
    effects.enter('gfmFootnoteCallMarker');
    effects.consume(code);
    effects.exit('gfmFootnoteCallMarker');
    effects.enter('gfmFootnoteCallString');
    effects.enter('chunkString').contentType = 'string';
    return callData;
  }

  /**
   * In label.
   *
   * ```markdown
   * > | a [^b] c
   *         ^
   * ```
   *
   * @type {State}
   */
  function callData(code) {
    if (
    // Too long.
    size > 999 ||
    // Closing brace with nothing.
    code === 93 && !data ||
    // Space or tab is not supported by GFM for some reason.
    // `\n` and `[` not being supported makes sense.
    code === null || code === 91 || markdownLineEndingOrSpace(code)) {
      return nok(code);
    }
    if (code === 93) {
      effects.exit('chunkString');
      const token = effects.exit('gfmFootnoteCallString');
      if (!defined.includes(normalizeIdentifier(self.sliceSerialize(token)))) {
        return nok(code);
      }
      effects.enter('gfmFootnoteCallLabelMarker');
      effects.consume(code);
      effects.exit('gfmFootnoteCallLabelMarker');
      effects.exit('gfmFootnoteCall');
      return ok;
    }
    if (!markdownLineEndingOrSpace(code)) {
      data = true;
    }
    size++;
    effects.consume(code);
    return code === 92 ? callEscape : callData;
  }

  /**
   * On character after escape.
   *
   * ```markdown
   * > | a [^b\c] d
   *           ^
   * ```
   *
   * @type {State}
   */
  function callEscape(code) {
    if (code === 91 || code === 92 || code === 93) {
      effects.consume(code);
      size++;
      return callData;
    }
    return callData(code);
  }
}

/**
 * @this {TokenizeContext}
 * @type {Tokenizer}
 */
function tokenizeDefinitionStart(effects, ok, nok) {
  const self = this;
  const defined = self.parser.gfmFootnotes || (self.parser.gfmFootnotes = []);
  /** @type {string} */
  let identifier;
  let size = 0;
  /** @type {boolean | undefined} */
  let data;
  return start;

  /**
   * Start of GFM footnote definition.
   *
   * ```markdown
   * > | [^a]: b
   *     ^
   * ```
   *
   * @type {State}
   */
  function start(code) {
    effects.enter('gfmFootnoteDefinition')._container = true;
    effects.enter('gfmFootnoteDefinitionLabel');
    effects.enter('gfmFootnoteDefinitionLabelMarker');
    effects.consume(code);
    effects.exit('gfmFootnoteDefinitionLabelMarker');
    return labelAtMarker;
  }

  /**
   * In label, at caret.
   *
   * ```markdown
   * > | [^a]: b
   *      ^
   * ```
   *
   * @type {State}
   */
  function labelAtMarker(code) {
    if (code === 94) {
      effects.enter('gfmFootnoteDefinitionMarker');
      effects.consume(code);
      effects.exit('gfmFootnoteDefinitionMarker');
      effects.enter('gfmFootnoteDefinitionLabelString');
      effects.enter('chunkString').contentType = 'string';
      return labelInside;
    }
    return nok(code);
  }

  /**
   * In label.
   *
   * > 👉 **Note**: `cmark-gfm` prevents whitespace from occurring in footnote
   * > definition labels.
   *
   * ```markdown
   * > | [^a]: b
   *       ^
   * ```
   *
   * @type {State}
   */
  function labelInside(code) {
    if (
    // Too long.
    size > 999 ||
    // Closing brace with nothing.
    code === 93 && !data ||
    // Space or tab is not supported by GFM for some reason.
    // `\n` and `[` not being supported makes sense.
    code === null || code === 91 || markdownLineEndingOrSpace(code)) {
      return nok(code);
    }
    if (code === 93) {
      effects.exit('chunkString');
      const token = effects.exit('gfmFootnoteDefinitionLabelString');
      identifier = normalizeIdentifier(self.sliceSerialize(token));
      effects.enter('gfmFootnoteDefinitionLabelMarker');
      effects.consume(code);
      effects.exit('gfmFootnoteDefinitionLabelMarker');
      effects.exit('gfmFootnoteDefinitionLabel');
      return labelAfter;
    }
    if (!markdownLineEndingOrSpace(code)) {
      data = true;
    }
    size++;
    effects.consume(code);
    return code === 92 ? labelEscape : labelInside;
  }

  /**
   * After `\`, at a special character.
   *
   * > 👉 **Note**: `cmark-gfm` currently does not support escaped brackets:
   * > <https://github.com/github/cmark-gfm/issues/240>
   *
   * ```markdown
   * > | [^a\*b]: c
   *         ^
   * ```
   *
   * @type {State}
   */
  function labelEscape(code) {
    if (code === 91 || code === 92 || code === 93) {
      effects.consume(code);
      size++;
      return labelInside;
    }
    return labelInside(code);
  }

  /**
   * After definition label.
   *
   * ```markdown
   * > | [^a]: b
   *         ^
   * ```
   *
   * @type {State}
   */
  function labelAfter(code) {
    if (code === 58) {
      effects.enter('definitionMarker');
      effects.consume(code);
      effects.exit('definitionMarker');
      if (!defined.includes(identifier)) {
        defined.push(identifier);
      }

      // Any whitespace after the marker is eaten, forming indented code
      // is not possible.
      // No space is also fine, just like a block quote marker.
      return factorySpace(effects, whitespaceAfter, 'gfmFootnoteDefinitionWhitespace');
    }
    return nok(code);
  }

  /**
   * After definition prefix.
   *
   * ```markdown
   * > | [^a]: b
   *           ^
   * ```
   *
   * @type {State}
   */
  function whitespaceAfter(code) {
    // `markdown-rs` has a wrapping token for the prefix that is closed here.
    return ok(code);
  }
}

/**
 * @this {TokenizeContext}
 * @type {Tokenizer}
 */
function tokenizeDefinitionContinuation(effects, ok, nok) {
  /// Start of footnote definition continuation.
  ///
  /// ```markdown
  ///   | [^a]: b
  /// > |     c
  ///     ^
  /// ```
  //
  // Either a blank line, which is okay, or an indented thing.
  return effects.check(blankLine, ok, effects.attempt(indent, ok, nok));
}

/** @type {Exiter} */
function gfmFootnoteDefinitionEnd(effects) {
  effects.exit('gfmFootnoteDefinition');
}

/**
 * @this {TokenizeContext}
 * @type {Tokenizer}
 */
function tokenizeIndent(effects, ok, nok) {
  const self = this;
  return factorySpace(effects, afterPrefix, 'gfmFootnoteDefinitionIndent', 4 + 1);

  /**
   * @type {State}
   */
  function afterPrefix(code) {
    const tail = self.events[self.events.length - 1];
    return tail && tail[1].type === 'gfmFootnoteDefinitionIndent' && tail[2].sliceSerialize(tail[1], true).length === 4 ? ok(code) : nok(code);
  }
}

/**
 * @import {Options} from 'micromark-extension-gfm-strikethrough'
 * @import {Event, Extension, Resolver, State, Token, TokenizeContext, Tokenizer} from 'micromark-util-types'
 */

/**
 * Create an extension for `micromark` to enable GFM strikethrough syntax.
 *
 * @param {Options | null | undefined} [options={}]
 *   Configuration.
 * @returns {Extension}
 *   Extension for `micromark` that can be passed in `extensions`, to
 *   enable GFM strikethrough syntax.
 */
function gfmStrikethrough(options) {
  const options_ = options || {};
  let single = options_.singleTilde;
  const tokenizer = {
    name: 'strikethrough',
    tokenize: tokenizeStrikethrough,
    resolveAll: resolveAllStrikethrough
  };
  if (single === null || single === undefined) {
    single = true;
  }
  return {
    text: {
      [126]: tokenizer
    },
    insideSpan: {
      null: [tokenizer]
    },
    attentionMarkers: {
      null: [126]
    }
  };

  /**
   * Take events and resolve strikethrough.
   *
   * @type {Resolver}
   */
  function resolveAllStrikethrough(events, context) {
    let index = -1;

    // Walk through all events.
    while (++index < events.length) {
      // Find a token that can close.
      if (events[index][0] === 'enter' && events[index][1].type === 'strikethroughSequenceTemporary' && events[index][1]._close) {
        let open = index;

        // Now walk back to find an opener.
        while (open--) {
          // Find a token that can open the closer.
          if (events[open][0] === 'exit' && events[open][1].type === 'strikethroughSequenceTemporary' && events[open][1]._open &&
          // If the sizes are the same:
          events[index][1].end.offset - events[index][1].start.offset === events[open][1].end.offset - events[open][1].start.offset) {
            events[index][1].type = 'strikethroughSequence';
            events[open][1].type = 'strikethroughSequence';

            /** @type {Token} */
            const strikethrough = {
              type: 'strikethrough',
              start: Object.assign({}, events[open][1].start),
              end: Object.assign({}, events[index][1].end)
            };

            /** @type {Token} */
            const text = {
              type: 'strikethroughText',
              start: Object.assign({}, events[open][1].end),
              end: Object.assign({}, events[index][1].start)
            };

            // Opening.
            /** @type {Array<Event>} */
            const nextEvents = [['enter', strikethrough, context], ['enter', events[open][1], context], ['exit', events[open][1], context], ['enter', text, context]];
            const insideSpan = context.parser.constructs.insideSpan.null;
            if (insideSpan) {
              // Between.
              splice(nextEvents, nextEvents.length, 0, resolveAll(insideSpan, events.slice(open + 1, index), context));
            }

            // Closing.
            splice(nextEvents, nextEvents.length, 0, [['exit', text, context], ['enter', events[index][1], context], ['exit', events[index][1], context], ['exit', strikethrough, context]]);
            splice(events, open - 1, index - open + 3, nextEvents);
            index = open + nextEvents.length - 2;
            break;
          }
        }
      }
    }
    index = -1;
    while (++index < events.length) {
      if (events[index][1].type === 'strikethroughSequenceTemporary') {
        events[index][1].type = "data";
      }
    }
    return events;
  }

  /**
   * @this {TokenizeContext}
   * @type {Tokenizer}
   */
  function tokenizeStrikethrough(effects, ok, nok) {
    const previous = this.previous;
    const events = this.events;
    let size = 0;
    return start;

    /** @type {State} */
    function start(code) {
      if (previous === 126 && events[events.length - 1][1].type !== "characterEscape") {
        return nok(code);
      }
      effects.enter('strikethroughSequenceTemporary');
      return more(code);
    }

    /** @type {State} */
    function more(code) {
      const before = classifyCharacter(previous);
      if (code === 126) {
        // If this is the third marker, exit.
        if (size > 1) return nok(code);
        effects.consume(code);
        size++;
        return more;
      }
      if (size < 2 && !single) return nok(code);
      const token = effects.exit('strikethroughSequenceTemporary');
      const after = classifyCharacter(code);
      token._open = !after || after === 2 && Boolean(before);
      token._close = !before || before === 2 && Boolean(after);
      return ok(code);
    }
  }
}

/**
 * @import {Event} from 'micromark-util-types'
 */

// Port of `edit_map.rs` from `markdown-rs`.
// This should move to `markdown-js` later.

// Deal with several changes in events, batching them together.
//
// Preferably, changes should be kept to a minimum.
// Sometimes, it’s needed to change the list of events, because parsing can be
// messy, and it helps to expose a cleaner interface of events to the compiler
// and other users.
// It can also help to merge many adjacent similar events.
// And, in other cases, it’s needed to parse subcontent: pass some events
// through another tokenizer and inject the result.

/**
 * @typedef {[number, number, Array<Event>]} Change
 * @typedef {[number, number, number]} Jump
 */

/**
 * Tracks a bunch of edits.
 */
class EditMap {
  /**
   * Create a new edit map.
   */
  constructor() {
    /**
     * Record of changes.
     *
     * @type {Array<Change>}
     */
    this.map = [];

    /**
     * Changes by index, so `add` does not scan `map` (quadratic on
     * table-heavy documents).
     *
     * @type {Map<number, Change>}
     */
    this.index = new Map();
  }

  /**
   * Create an edit: a remove and/or add at a certain place.
   *
   * @param {number} index
   *   Index at which to apply the edit.
   * @param {number} remove
   *   Count of items to remove at the index.
   * @param {Array<Event>} add
   *   Items to add at the index.
   * @returns {undefined}
   *   Nothing.
   */
  add(index, remove, add) {
    addImplementation(this, index, remove, add);
  }

  // To do: add this when moving to `micromark`.
  // /**
  //  * Create an edit: but insert `add` before existing additions.
  //  *
  //  * @param {number} index
  //  * @param {number} remove
  //  * @param {Array<Event>} add
  //  * @returns {undefined}
  //  */
  // addBefore(index, remove, add) {
  //   addImplementation(this, index, remove, add, true)
  // }

  /**
   * Done, change the events.
   *
   * @param {Array<Event>} events
   *   List of events to apply the edits to.
   * @returns {undefined}
   *   Nothing.
   */
  consume(events) {
    this.map.sort(function (a, b) {
      return a[0] - b[0];
    });

    /* c8 ignore next 3 -- `resolve` is never called without tables, so without edits. */
    if (this.map.length === 0) {
      return;
    }

    // To do: if links are added in events, like they are in `markdown-rs`,
    // this is needed.
    // // Calculate jumps: where items in the current list move to.
    // /** @type {Array<Jump>} */
    // const jumps = []
    // let index = 0
    // let addAcc = 0
    // let removeAcc = 0
    // while (index < this.map.length) {
    //   const [at, remove, add] = this.map[index]
    //   removeAcc += remove
    //   addAcc += add.length
    //   jumps.push([at, removeAcc, addAcc])
    //   index += 1
    // }
    //
    // . shiftLinks(events, jumps)

    let index = this.map.length;
    /** @type {Array<Array<Event>>} */
    const vecs = [];
    while (index > 0) {
      index -= 1;
      vecs.push(events.slice(this.map[index][0] + this.map[index][1]), this.map[index][2]);

      // Truncate rest.
      events.length = this.map[index][0];
    }
    vecs.push(events.slice());
    events.length = 0;
    let slice = vecs.pop();
    while (slice) {
      for (const element of slice) {
        events.push(element);
      }
      slice = vecs.pop();
    }

    // Truncate everything.
    this.map.length = 0;
    this.index.clear();
  }
}

/**
 * Create an edit.
 *
 * @param {EditMap} editMap
 *   Edit map to apply to.
 * @param {number} at
 *   Index at which to apply the edit.
 * @param {number} remove
 *   Count of items to remove at the index.
 * @param {Array<Event>} add
 *   Items to add at the index.
 * @returns {undefined}
 *   Nothing.
 */
function addImplementation(editMap, at, remove, add) {
  /* c8 ignore next 3 -- `resolve` is never called without tables, so without edits. */
  if (remove === 0 && add.length === 0) {
    return;
  }
  const existing = editMap.index.get(at);
  if (existing) {
    existing[1] += remove;

    // To do: before not used by tables, use when moving to micromark.
    // if (before) {
    //   add.push(...existing[2])
    //   existing[2] = add
    // } else {
    existing[2].push(...add);
    // }

    return;
  }

  /** @type {Change} */
  const change = [at, remove, add];
  editMap.map.push(change);
  editMap.index.set(at, change);
}

// /**
//  * Shift `previous` and `next` links according to `jumps`.
//  *
//  * This fixes links in case there are events removed or added between them.
//  *
//  * @param {Array<Event>} events
//  * @param {Array<Jump>} jumps
//  */
// function shiftLinks(events, jumps) {
//   let jumpIndex = 0
//   let index = 0
//   let add = 0
//   let rm = 0

//   while (index < events.length) {
//     const rmCurr = rm

//     while (jumpIndex < jumps.length && jumps[jumpIndex][0] <= index) {
//       add = jumps[jumpIndex][2]
//       rm = jumps[jumpIndex][1]
//       jumpIndex += 1
//     }

//     // Ignore items that will be removed.
//     if (rm > rmCurr) {
//       index += rm - rmCurr
//     } else {
//       // ?
//       // if let Some(link) = &events[index].link {
//       //     if let Some(next) = link.next {
//       //         events[next].link.as_mut().unwrap().previous = Some(index + add - rm);
//       //         while jumpIndex < jumps.len() && jumps[jumpIndex].0 <= next {
//       //             add = jumps[jumpIndex].2;
//       //             rm = jumps[jumpIndex].1;
//       //             jumpIndex += 1;
//       //         }
//       //         events[index].link.as_mut().unwrap().next = Some(next + add - rm);
//       //         index = next;
//       //         continue;
//       //     }
//       // }
//       index += 1
//     }
//   }
// }

/**
 * @import {Event} from 'micromark-util-types'
 */

/**
 * @typedef {'center' | 'left' | 'none' | 'right'} Align
 */

/**
 * Figure out the alignment of a GFM table.
 *
 * @param {Readonly<Array<Event>>} events
 *   List of events.
 * @param {number} index
 *   Table enter event.
 * @returns {Array<Align>}
 *   List of aligns.
 */
function gfmTableAlign(events, index) {
  let inDelimiterRow = false;
  /** @type {Array<Align>} */
  const align = [];
  while (index < events.length) {
    const event = events[index];
    if (inDelimiterRow) {
      if (event[0] === 'enter') {
        // Start of alignment value: set a new column.
        // To do: `markdown-rs` uses `tableDelimiterCellValue`.
        if (event[1].type === 'tableContent') {
          align.push(events[index + 1][1].type === 'tableDelimiterMarker' ? 'left' : 'none');
        }
      }
      // Exits:
      // End of alignment value: change the column.
      // To do: `markdown-rs` uses `tableDelimiterCellValue`.
      else if (event[1].type === 'tableContent') {
        if (events[index - 1][1].type === 'tableDelimiterMarker') {
          const alignIndex = align.length - 1;
          align[alignIndex] = align[alignIndex] === 'left' ? 'center' : 'right';
        }
      }
      // Done!
      else if (event[1].type === 'tableDelimiterRow') {
        break;
      }
    } else if (event[0] === 'enter' && event[1].type === 'tableDelimiterRow') {
      inDelimiterRow = true;
    }
    index += 1;
  }
  return align;
}

/**
 * @import {Event, Extension, Point, Resolver, State, Token, TokenizeContext, Tokenizer} from 'micromark-util-types'
 */


/**
 * Create an HTML extension for `micromark` to support GitHub tables syntax.
 *
 * @returns {Extension}
 *   Extension for `micromark` that can be passed in `extensions` to enable GFM
 *   table syntax.
 */
function gfmTable() {
  return {
    flow: {
      null: {
        name: 'table',
        tokenize: tokenizeTable,
        resolveAll: resolveTable
      }
    }
  };
}

/**
 * Tokenizer for GFM tables.
 *
 * @this {TokenizeContext}
 * @type {Tokenizer}
 */
function tokenizeTable(effects, ok, nok) {
  const self = this;
  let size = 0;
  let sizeB = 0;
  /** @type {boolean | undefined} */
  let seen;
  return start;

  /**
   * Start of a GFM table.
   *
   * If there is a valid table row or table head before, then we try to parse
   * another row.
   * Otherwise, we try to parse a head.
   *
   * ```markdown
   * > | | a |
   *     ^
   *   | | - |
   * > | | b |
   *     ^
   * ```
   * @type {State}
   */
  function start(code) {
    let index = self.events.length - 1;
    while (index > -1) {
      const {
        type
      } = self.events[index][1];
      if (type === "lineEnding" ||
      // Note: markdown-rs uses `whitespace` instead of `linePrefix`
      type === "linePrefix") {
        index--;
      } else {
        break;
      }
    }
    const tail = index > -1 ? self.events[index][1].type : null;
    const next = tail === 'tableHead' || tail === 'tableRow' ? bodyRowStart : headRowBefore;

    // Don’t allow lazy body rows.
    if (next === bodyRowStart && self.parser.lazy[self.now().line]) {
      return nok(code);
    }
    return next(code);
  }

  /**
   * Before table head row.
   *
   * ```markdown
   * > | | a |
   *     ^
   *   | | - |
   *   | | b |
   * ```
   *
   * @type {State}
   */
  function headRowBefore(code) {
    effects.enter('tableHead');
    effects.enter('tableRow');
    return headRowStart(code);
  }

  /**
   * Before table head row, after whitespace.
   *
   * ```markdown
   * > | | a |
   *     ^
   *   | | - |
   *   | | b |
   * ```
   *
   * @type {State}
   */
  function headRowStart(code) {
    if (code === 124) {
      return headRowBreak(code);
    }

    // To do: micromark-js should let us parse our own whitespace in extensions,
    // like `markdown-rs`:
    //
    // ```js
    // // 4+ spaces.
    // if (markdownSpace(code)) {
    //   return nok(code)
    // }
    // ```

    seen = true;
    // Count the first character, that isn’t a pipe, double.
    sizeB += 1;
    return headRowBreak(code);
  }

  /**
   * At break in table head row.
   *
   * ```markdown
   * > | | a |
   *     ^
   *       ^
   *         ^
   *   | | - |
   *   | | b |
   * ```
   *
   * @type {State}
   */
  function headRowBreak(code) {
    if (code === null) {
      // Note: in `markdown-rs`, we need to reset, in `micromark-js` we don‘t.
      return nok(code);
    }
    if (markdownLineEnding(code)) {
      // If anything other than one pipe (ignoring whitespace) was used, it’s fine.
      if (sizeB > 1) {
        sizeB = 0;
        // To do: check if this works.
        // Feel free to interrupt:
        self.interrupt = true;
        effects.exit('tableRow');
        effects.enter("lineEnding");
        effects.consume(code);
        effects.exit("lineEnding");
        return headDelimiterStart;
      }

      // Note: in `markdown-rs`, we need to reset, in `micromark-js` we don‘t.
      return nok(code);
    }
    if (markdownSpace(code)) {
      // To do: check if this is fine.
      // effects.attempt(State::Next(StateName::GfmTableHeadRowBreak), State::Nok)
      // State::Retry(space_or_tab(tokenizer))
      return factorySpace(effects, headRowBreak, "whitespace")(code);
    }
    sizeB += 1;
    if (seen) {
      seen = false;
      // Header cell count.
      size += 1;
    }
    if (code === 124) {
      effects.enter('tableCellDivider');
      effects.consume(code);
      effects.exit('tableCellDivider');
      // Whether a delimiter was seen.
      seen = true;
      return headRowBreak;
    }

    // Anything else is cell data.
    effects.enter("data");
    return headRowData(code);
  }

  /**
   * In table head row data.
   *
   * ```markdown
   * > | | a |
   *       ^
   *   | | - |
   *   | | b |
   * ```
   *
   * @type {State}
   */
  function headRowData(code) {
    if (code === null || code === 124 || markdownLineEndingOrSpace(code)) {
      effects.exit("data");
      return headRowBreak(code);
    }
    effects.consume(code);
    return code === 92 ? headRowEscape : headRowData;
  }

  /**
   * In table head row escape.
   *
   * ```markdown
   * > | | a\-b |
   *         ^
   *   | | ---- |
   *   | | c    |
   * ```
   *
   * @type {State}
   */
  function headRowEscape(code) {
    if (code === 92 || code === 124) {
      effects.consume(code);
      return headRowData;
    }
    return headRowData(code);
  }

  /**
   * Before delimiter row.
   *
   * ```markdown
   *   | | a |
   * > | | - |
   *     ^
   *   | | b |
   * ```
   *
   * @type {State}
   */
  function headDelimiterStart(code) {
    // Reset `interrupt`.
    self.interrupt = false;

    // Note: in `markdown-rs`, we need to handle piercing here too.
    if (self.parser.lazy[self.now().line]) {
      return nok(code);
    }
    effects.enter('tableDelimiterRow');
    // Track if we’ve seen a `:` or `|`.
    seen = false;
    if (markdownSpace(code)) {
      return factorySpace(effects, headDelimiterBefore, "linePrefix", self.parser.constructs.disable.null.includes('codeIndented') ? undefined : 4)(code);
    }
    return headDelimiterBefore(code);
  }

  /**
   * Before delimiter row, after optional whitespace.
   *
   * Reused when a `|` is found later, to parse another cell.
   *
   * ```markdown
   *   | | a |
   * > | | - |
   *     ^
   *   | | b |
   * ```
   *
   * @type {State}
   */
  function headDelimiterBefore(code) {
    if (code === 45 || code === 58) {
      return headDelimiterValueBefore(code);
    }
    if (code === 124) {
      seen = true;
      // If we start with a pipe, we open a cell marker.
      effects.enter('tableCellDivider');
      effects.consume(code);
      effects.exit('tableCellDivider');
      return headDelimiterCellBefore;
    }

    // More whitespace / empty row not allowed at start.
    return headDelimiterNok(code);
  }

  /**
   * After `|`, before delimiter cell.
   *
   * ```markdown
   *   | | a |
   * > | | - |
   *      ^
   * ```
   *
   * @type {State}
   */
  function headDelimiterCellBefore(code) {
    if (markdownSpace(code)) {
      return factorySpace(effects, headDelimiterValueBefore, "whitespace")(code);
    }
    return headDelimiterValueBefore(code);
  }

  /**
   * Before delimiter cell value.
   *
   * ```markdown
   *   | | a |
   * > | | - |
   *       ^
   * ```
   *
   * @type {State}
   */
  function headDelimiterValueBefore(code) {
    // Align: left.
    if (code === 58) {
      sizeB += 1;
      seen = true;
      effects.enter('tableDelimiterMarker');
      effects.consume(code);
      effects.exit('tableDelimiterMarker');
      return headDelimiterLeftAlignmentAfter;
    }

    // Align: none.
    if (code === 45) {
      sizeB += 1;
      // To do: seems weird that this *isn’t* left aligned, but that state is used?
      return headDelimiterLeftAlignmentAfter(code);
    }
    if (code === null || markdownLineEnding(code)) {
      return headDelimiterCellAfter(code);
    }
    return headDelimiterNok(code);
  }

  /**
   * After delimiter cell left alignment marker.
   *
   * ```markdown
   *   | | a  |
   * > | | :- |
   *        ^
   * ```
   *
   * @type {State}
   */
  function headDelimiterLeftAlignmentAfter(code) {
    if (code === 45) {
      effects.enter('tableDelimiterFiller');
      return headDelimiterFiller(code);
    }

    // Anything else is not ok after the left-align colon.
    return headDelimiterNok(code);
  }

  /**
   * In delimiter cell filler.
   *
   * ```markdown
   *   | | a |
   * > | | - |
   *       ^
   * ```
   *
   * @type {State}
   */
  function headDelimiterFiller(code) {
    if (code === 45) {
      effects.consume(code);
      return headDelimiterFiller;
    }

    // Align is `center` if it was `left`, `right` otherwise.
    if (code === 58) {
      seen = true;
      effects.exit('tableDelimiterFiller');
      effects.enter('tableDelimiterMarker');
      effects.consume(code);
      effects.exit('tableDelimiterMarker');
      return headDelimiterRightAlignmentAfter;
    }
    effects.exit('tableDelimiterFiller');
    return headDelimiterRightAlignmentAfter(code);
  }

  /**
   * After delimiter cell right alignment marker.
   *
   * ```markdown
   *   | |  a |
   * > | | -: |
   *         ^
   * ```
   *
   * @type {State}
   */
  function headDelimiterRightAlignmentAfter(code) {
    if (markdownSpace(code)) {
      return factorySpace(effects, headDelimiterCellAfter, "whitespace")(code);
    }
    return headDelimiterCellAfter(code);
  }

  /**
   * After delimiter cell.
   *
   * ```markdown
   *   | |  a |
   * > | | -: |
   *          ^
   * ```
   *
   * @type {State}
   */
  function headDelimiterCellAfter(code) {
    if (code === 124) {
      return headDelimiterBefore(code);
    }
    if (code === null || markdownLineEnding(code)) {
      // Exit when:
      // * there was no `:` or `|` at all (it’s a thematic break or setext
      //   underline instead)
      // * the header cell count is not the delimiter cell count
      if (!seen || size !== sizeB) {
        return headDelimiterNok(code);
      }

      // Note: in markdown-rs`, a reset is needed here.
      effects.exit('tableDelimiterRow');
      effects.exit('tableHead');
      // To do: in `markdown-rs`, resolvers need to be registered manually.
      // effects.register_resolver(ResolveName::GfmTable)
      return ok(code);
    }
    return headDelimiterNok(code);
  }

  /**
   * In delimiter row, at a disallowed byte.
   *
   * ```markdown
   *   | | a |
   * > | | x |
   *       ^
   * ```
   *
   * @type {State}
   */
  function headDelimiterNok(code) {
    // Note: in `markdown-rs`, we need to reset, in `micromark-js` we don‘t.
    return nok(code);
  }

  /**
   * Before table body row.
   *
   * ```markdown
   *   | | a |
   *   | | - |
   * > | | b |
   *     ^
   * ```
   *
   * @type {State}
   */
  function bodyRowStart(code) {
    // Note: in `markdown-rs` we need to manually take care of a prefix,
    // but in `micromark-js` that is done for us, so if we’re here, we’re
    // never at whitespace.
    effects.enter('tableRow');
    return bodyRowBreak(code);
  }

  /**
   * At break in table body row.
   *
   * ```markdown
   *   | | a |
   *   | | - |
   * > | | b |
   *     ^
   *       ^
   *         ^
   * ```
   *
   * @type {State}
   */
  function bodyRowBreak(code) {
    if (code === 124) {
      effects.enter('tableCellDivider');
      effects.consume(code);
      effects.exit('tableCellDivider');
      return bodyRowBreak;
    }
    if (code === null || markdownLineEnding(code)) {
      effects.exit('tableRow');
      return ok(code);
    }
    if (markdownSpace(code)) {
      return factorySpace(effects, bodyRowBreak, "whitespace")(code);
    }

    // Anything else is cell content.
    effects.enter("data");
    return bodyRowData(code);
  }

  /**
   * In table body row data.
   *
   * ```markdown
   *   | | a |
   *   | | - |
   * > | | b |
   *       ^
   * ```
   *
   * @type {State}
   */
  function bodyRowData(code) {
    if (code === null || code === 124 || markdownLineEndingOrSpace(code)) {
      effects.exit("data");
      return bodyRowBreak(code);
    }
    effects.consume(code);
    return code === 92 ? bodyRowEscape : bodyRowData;
  }

  /**
   * In table body row escape.
   *
   * ```markdown
   *   | | a    |
   *   | | ---- |
   * > | | b\-c |
   *         ^
   * ```
   *
   * @type {State}
   */
  function bodyRowEscape(code) {
    if (code === 92 || code === 124) {
      effects.consume(code);
      return bodyRowData;
    }
    return bodyRowData(code);
  }
}

/** @type {Resolver} */

function resolveTable(events, context) {
  let index = -1;
  let inFirstCellAwaitingPipe = true;
  /** @type {RowKind} */
  let rowKind = 0;
  /** @type {Range} */
  let lastCell = [0, 0, 0, 0];
  /** @type {Range} */
  let cell = [0, 0, 0, 0];
  let afterHeadAwaitingFirstBodyRow = false;
  let lastTableEnd = 0;
  /** @type {Token | undefined} */
  let currentTable;
  /** @type {Token | undefined} */
  let currentBody;
  /** @type {Token | undefined} */
  let currentCell;
  const map = new EditMap();
  while (++index < events.length) {
    const event = events[index];
    const token = event[1];
    if (event[0] === 'enter') {
      // Start of head.
      if (token.type === 'tableHead') {
        afterHeadAwaitingFirstBodyRow = false;

        // Inject previous (body end and) table end.
        if (lastTableEnd !== 0) {
          flushTableEnd(map, context, lastTableEnd, currentTable, currentBody);
          currentBody = undefined;
          lastTableEnd = 0;
        }

        // Inject table start.
        currentTable = {
          type: 'table',
          start: Object.assign({}, token.start),
          // Note: correct end is set later.
          end: Object.assign({}, token.end)
        };
        map.add(index, 0, [['enter', currentTable, context]]);
      } else if (token.type === 'tableRow' || token.type === 'tableDelimiterRow') {
        inFirstCellAwaitingPipe = true;
        currentCell = undefined;
        lastCell = [0, 0, 0, 0];
        cell = [0, index + 1, 0, 0];

        // Inject table body start.
        if (afterHeadAwaitingFirstBodyRow) {
          afterHeadAwaitingFirstBodyRow = false;
          currentBody = {
            type: 'tableBody',
            start: Object.assign({}, token.start),
            // Note: correct end is set later.
            end: Object.assign({}, token.end)
          };
          map.add(index, 0, [['enter', currentBody, context]]);
        }
        rowKind = token.type === 'tableDelimiterRow' ? 2 : currentBody ? 3 : 1;
      }
      // Cell data.
      else if (rowKind && (token.type === "data" || token.type === 'tableDelimiterMarker' || token.type === 'tableDelimiterFiller')) {
        inFirstCellAwaitingPipe = false;

        // First value in cell.
        if (cell[2] === 0) {
          if (lastCell[1] !== 0) {
            cell[0] = cell[1];
            currentCell = flushCell(map, context, lastCell, rowKind, undefined, currentCell);
            lastCell = [0, 0, 0, 0];
          }
          cell[2] = index;
        }
      } else if (token.type === 'tableCellDivider') {
        if (inFirstCellAwaitingPipe) {
          inFirstCellAwaitingPipe = false;
        } else {
          if (lastCell[1] !== 0) {
            cell[0] = cell[1];
            currentCell = flushCell(map, context, lastCell, rowKind, undefined, currentCell);
          }
          lastCell = cell;
          cell = [lastCell[1], index, 0, 0];
        }
      }
    }
    // Exit events.
    else if (token.type === 'tableHead') {
      afterHeadAwaitingFirstBodyRow = true;
      lastTableEnd = index;
    } else if (token.type === 'tableRow' || token.type === 'tableDelimiterRow') {
      lastTableEnd = index;
      if (lastCell[1] !== 0) {
        cell[0] = cell[1];
        currentCell = flushCell(map, context, lastCell, rowKind, index, currentCell);
      } else if (cell[1] !== 0) {
        currentCell = flushCell(map, context, cell, rowKind, index, currentCell);
      }
      rowKind = 0;
    } else if (rowKind && (token.type === "data" || token.type === 'tableDelimiterMarker' || token.type === 'tableDelimiterFiller')) {
      cell[3] = index;
    }
  }
  if (lastTableEnd !== 0) {
    flushTableEnd(map, context, lastTableEnd, currentTable, currentBody);
  }
  map.consume(context.events);

  // To do: move this into `html`, when events are exposed there.
  // That’s what `markdown-rs` does.
  // That needs updates to `mdast-util-gfm-table`.
  index = -1;
  while (++index < context.events.length) {
    const event = context.events[index];
    if (event[0] === 'enter' && event[1].type === 'table') {
      event[1]._align = gfmTableAlign(context.events, index);
    }
  }
  return events;
}

/**
 * Generate a cell.
 *
 * @param {EditMap} map
 *   Edit map to apply to.
 * @param {Readonly<TokenizeContext>} context
 *   Tokenize context.
 * @param {Readonly<Range>} range
 *   Range of the cell within events.
 * @param {RowKind} rowKind
 *   Type of row.
 * @param {number | undefined} rowEnd
 *   Index of the end of the row, if known.
 * @param {Token | undefined} previousCell
 *   Previous cell token, if any.
 * @returns {Token | undefined}
 *   Current cell token after flushing, if any.
 */
// eslint-disable-next-line max-params
function flushCell(map, context, range, rowKind, rowEnd, previousCell) {
  // `markdown-rs` uses:
  // rowKind === 2 ? 'tableDelimiterCell' : 'tableCell'
  const groupName = rowKind === 1 ? 'tableHeader' : rowKind === 2 ? 'tableDelimiter' : 'tableData';
  // `markdown-rs` uses:
  // rowKind === 2 ? 'tableDelimiterCellValue' : 'tableCellText'
  const valueName = 'tableContent';

  // Insert an exit for the previous cell, if there is one.
  //
  // ```markdown
  // > | | aa | bb | cc |
  //          ^-- exit
  //           ^^^^-- this cell
  // ```
  if (range[0] !== 0) {
    previousCell.end = Object.assign({}, getPoint(context.events, range[0]));
    map.add(range[0], 0, [['exit', previousCell, context]]);
  }

  // Insert enter of this cell.
  //
  // ```markdown
  // > | | aa | bb | cc |
  //           ^-- enter
  //           ^^^^-- this cell
  // ```
  const now = getPoint(context.events, range[1]);
  previousCell = {
    type: groupName,
    start: Object.assign({}, now),
    // Note: correct end is set later.
    end: Object.assign({}, now)
  };
  map.add(range[1], 0, [['enter', previousCell, context]]);

  // Insert text start at first data start and end at last data end, and
  // remove events between.
  //
  // ```markdown
  // > | | aa | bb | cc |
  //            ^-- enter
  //             ^-- exit
  //           ^^^^-- this cell
  // ```
  if (range[2] !== 0) {
    const relatedStart = getPoint(context.events, range[2]);
    const relatedEnd = getPoint(context.events, range[3]);
    /** @type {Token} */
    const valueToken = {
      type: valueName,
      start: Object.assign({}, relatedStart),
      end: Object.assign({}, relatedEnd)
    };
    map.add(range[2], 0, [['enter', valueToken, context]]);
    if (rowKind !== 2) {
      // Fix positional info on remaining events
      const start = context.events[range[2]];
      const end = context.events[range[3]];
      start[1].end = Object.assign({}, end[1].end);
      start[1].type = "chunkText";
      start[1].contentType = "text";

      // Remove if needed.
      if (range[3] > range[2] + 1) {
        const a = range[2] + 1;
        const b = range[3] - range[2] - 1;
        map.add(a, b, []);
      }
    }
    map.add(range[3] + 1, 0, [['exit', valueToken, context]]);
  }

  // Insert an exit for the last cell, if at the row end.
  //
  // ```markdown
  // > | | aa | bb | cc |
  //                    ^-- exit
  //               ^^^^^^-- this cell (the last one contains two “between” parts)
  // ```
  if (rowEnd !== undefined) {
    previousCell.end = Object.assign({}, getPoint(context.events, rowEnd));
    map.add(rowEnd, 0, [['exit', previousCell, context]]);
    previousCell = undefined;
  }
  return previousCell;
}

/**
 * Generate table end (and table body end).
 *
 * @param {Readonly<EditMap>} map
 *   Edit map to apply to.
 * @param {Readonly<TokenizeContext>} context
 *   Tokenize context.
 * @param {number} index
 *   Index within the events where the table end should be inserted.
 * @param {Token} table
 *   Table token.
 * @param {Token | undefined} tableBody
 *   Table body token, if any.
 * @returns {undefined}
 *   Nothing.
 */
// eslint-disable-next-line max-params
function flushTableEnd(map, context, index, table, tableBody) {
  /** @type {Array<Event>} */
  const exits = [];
  const related = getPoint(context.events, index);
  if (tableBody) {
    tableBody.end = Object.assign({}, related);
    exits.push(['exit', tableBody, context]);
  }
  table.end = Object.assign({}, related);
  exits.push(['exit', table, context]);
  map.add(index + 1, 0, exits);
}

/**
 * Get the point (start or end) for a given event in the list of events.
 *
 * @param {Readonly<Array<Event>>} events
 *   List of events.
 * @param {number} index
 *   Index of the event to get the point for.
 * @returns {Readonly<Point>}
 *   Start point for enter and end point for exit.
 */
function getPoint(events, index) {
  const event = events[index];
  const side = event[0] === 'enter' ? 'start' : 'end';
  return event[1][side];
}

/**
 * @import {Extension, State, TokenizeContext, Tokenizer} from 'micromark-util-types'
 */

const tasklistCheck = {
  name: 'tasklistCheck',
  tokenize: tokenizeTasklistCheck
};

/**
 * Create an HTML extension for `micromark` to support GFM task list items
 * syntax.
 *
 * @returns {Extension}
 *   Extension for `micromark` that can be passed in `htmlExtensions` to
 *   support GFM task list items when serializing to HTML.
 */
function gfmTaskListItem() {
  return {
    text: {
      [91]: tasklistCheck
    }
  };
}

/**
 * @this {TokenizeContext}
 * @type {Tokenizer}
 */
function tokenizeTasklistCheck(effects, ok, nok) {
  const self = this;
  return open;

  /**
   * At start of task list item check.
   *
   * ```markdown
   * > | * [x] y.
   *       ^
   * ```
   *
   * @type {State}
   */
  function open(code) {
    if (
    // Exit if there’s stuff before.
    self.previous !== null ||
    // Exit if not in the first content that is the first child of a list
    // item.
    !self._gfmTasklistFirstContentOfListItem) {
      return nok(code);
    }
    effects.enter('taskListCheck');
    effects.enter('taskListCheckMarker');
    effects.consume(code);
    effects.exit('taskListCheckMarker');
    return inside;
  }

  /**
   * In task list item check.
   *
   * ```markdown
   * > | * [x] y.
   *        ^
   * ```
   *
   * @type {State}
   */
  function inside(code) {
    // Currently we match how GH works in files.
    // To match how GH works in comments, use `markdownSpace` (`[\t ]`) instead
    // of `markdownLineEndingOrSpace` (`[\t\n\r ]`).
    if (markdownLineEndingOrSpace(code)) {
      effects.enter('taskListCheckValueUnchecked');
      effects.consume(code);
      effects.exit('taskListCheckValueUnchecked');
      return close;
    }
    if (code === 88 || code === 120) {
      effects.enter('taskListCheckValueChecked');
      effects.consume(code);
      effects.exit('taskListCheckValueChecked');
      return close;
    }
    return nok(code);
  }

  /**
   * At close of task list item check.
   *
   * ```markdown
   * > | * [x] y.
   *         ^
   * ```
   *
   * @type {State}
   */
  function close(code) {
    if (code === 93) {
      effects.enter('taskListCheckMarker');
      effects.consume(code);
      effects.exit('taskListCheckMarker');
      effects.exit('taskListCheck');
      return after;
    }
    return nok(code);
  }

  /**
   * @type {State}
   */
  function after(code) {
    // EOL in paragraph means there must be something else after it.
    if (markdownLineEnding(code)) {
      return ok(code);
    }

    // Space or tab?
    // Check what comes after.
    if (markdownSpace(code)) {
      return effects.check({
        tokenize: spaceThenNonSpace
      }, ok, nok)(code);
    }

    // EOF, or non-whitespace, both wrong.
    return nok(code);
  }
}

/**
 * @this {TokenizeContext}
 * @type {Tokenizer}
 */
function spaceThenNonSpace(effects, ok, nok) {
  return factorySpace(effects, after, "whitespace");

  /**
   * After whitespace, after task list item check.
   *
   * ```markdown
   * > | * [x] y.
   *           ^
   * ```
   *
   * @type {State}
   */
  function after(code) {
    // EOF means there was nothing, so bad.
    // EOL means there’s content after it, so good.
    // Impossible to have more spaces.
    // Anything else is good.
    return code === null ? nok(code) : ok(code);
  }
}

/**
 * @typedef {import('micromark-extension-gfm-footnote').HtmlOptions} HtmlOptions
 * @typedef {import('micromark-extension-gfm-strikethrough').Options} Options
 * @typedef {import('micromark-util-types').Extension} Extension
 * @typedef {import('micromark-util-types').HtmlExtension} HtmlExtension
 */


/**
 * Create an extension for `micromark` to enable GFM syntax.
 *
 * @param {Options | null | undefined} [options]
 *   Configuration (optional).
 *
 *   Passed to `micromark-extens-gfm-strikethrough`.
 * @returns {Extension}
 *   Extension for `micromark` that can be passed in `extensions` to enable GFM
 *   syntax.
 */
function gfm(options) {
  return combineExtensions([
    gfmAutolinkLiteral(),
    gfmFootnote(),
    gfmStrikethrough(options),
    gfmTable(),
    gfmTaskListItem()
  ])
}

/**
 * @import {Root} from 'mdast'
 * @import {Options} from 'remark-gfm'
 * @import {} from 'remark-parse'
 * @import {} from 'remark-stringify'
 * @import {Processor} from 'unified'
 */


/** @type {Options} */
const emptyOptions = {};

/**
 * Add support GFM (autolink literals, footnotes, strikethrough, tables,
 * tasklists).
 *
 * @param {Options | null | undefined} [options]
 *   Configuration (optional).
 * @returns {undefined}
 *   Nothing.
 */
function remarkGfm(options) {
  // @ts-expect-error: TS is wrong about `this`.
  // eslint-disable-next-line unicorn/no-this-assignment
  const self = /** @type {Processor<Root>} */ (this);
  const settings = options || emptyOptions;
  const data = self.data();

  const micromarkExtensions =
    data.micromarkExtensions || (data.micromarkExtensions = []);
  const fromMarkdownExtensions =
    data.fromMarkdownExtensions || (data.fromMarkdownExtensions = []);
  const toMarkdownExtensions =
    data.toMarkdownExtensions || (data.toMarkdownExtensions = []);

  micromarkExtensions.push(gfm(settings));
  fromMarkdownExtensions.push(gfmFromMarkdown());
  toMarkdownExtensions.push(gfmToMarkdown(settings));
}

/**
 * @typedef {import('mdast').Root} Root
 * @typedef {import('mdast-util-to-markdown').Options} ToMarkdownOptions
 * @typedef {import('unified').Compiler<Root, string>} Compiler
 * @typedef {import('unified').Processor<undefined, undefined, undefined, Root, string>} Processor
 */


/**
 * Add support for serializing to markdown.
 *
 * @param {Readonly<Options> | null | undefined} [options]
 *   Configuration (optional).
 * @returns {undefined}
 *   Nothing.
 */
function remarkStringify(options) {
  /** @type {Processor} */
  // @ts-expect-error: TS in JSDoc generates wrong types if `this` is typed regularly.
  const self = this;

  self.compiler = compiler;

  /**
   * @type {Compiler}
   */
  function compiler(tree) {
    return toMarkdown(tree, {
      ...self.data('settings'),
      ...options,
      // Note: this option is not in the readme.
      // The goal is for it to be set by plugins on `data` instead of being
      // passed by users.
      extensions: self.data('toMarkdownExtensions') || []
    })
  }
}

/**
 * Throw a given error.
 *
 * @param {Error|null|undefined} [error]
 *   Maybe error.
 * @returns {asserts error is null|undefined}
 */
function bail(error) {
  if (error) {
    throw error
  }
}

var extend$1;
var hasRequiredExtend;

function requireExtend () {
	if (hasRequiredExtend) return extend$1;
	hasRequiredExtend = 1;

	var hasOwn = Object.prototype.hasOwnProperty;
	var toStr = Object.prototype.toString;
	var defineProperty = Object.defineProperty;
	var gOPD = Object.getOwnPropertyDescriptor;

	var isArray = function isArray(arr) {
		if (typeof Array.isArray === 'function') {
			return Array.isArray(arr);
		}

		return toStr.call(arr) === '[object Array]';
	};

	var isPlainObject = function isPlainObject(obj) {
		if (!obj || toStr.call(obj) !== '[object Object]') {
			return false;
		}

		var hasOwnConstructor = hasOwn.call(obj, 'constructor');
		var hasIsPrototypeOf = obj.constructor && obj.constructor.prototype && hasOwn.call(obj.constructor.prototype, 'isPrototypeOf');
		// Not own constructor property must be Object
		if (obj.constructor && !hasOwnConstructor && !hasIsPrototypeOf) {
			return false;
		}

		// Own properties are enumerated firstly, so to speed up,
		// if last one is own, then all properties are own.
		var key;
		for (key in obj) { /**/ }

		return typeof key === 'undefined' || hasOwn.call(obj, key);
	};

	// If name is '__proto__', and Object.defineProperty is available, define __proto__ as an own property on target
	var setProperty = function setProperty(target, options) {
		if (defineProperty && options.name === '__proto__') {
			defineProperty(target, options.name, {
				enumerable: true,
				configurable: true,
				value: options.newValue,
				writable: true
			});
		} else {
			target[options.name] = options.newValue;
		}
	};

	// Return undefined instead of __proto__ if '__proto__' is not an own property
	var getProperty = function getProperty(obj, name) {
		if (name === '__proto__') {
			if (!hasOwn.call(obj, name)) {
				return void 0;
			} else if (gOPD) {
				// In early versions of node, obj['__proto__'] is buggy when obj has
				// __proto__ as an own property. Object.getOwnPropertyDescriptor() works.
				return gOPD(obj, name).value;
			}
		}

		return obj[name];
	};

	extend$1 = function extend() {
		var options, name, src, copy, copyIsArray, clone;
		var target = arguments[0];
		var i = 1;
		var length = arguments.length;
		var deep = false;

		// Handle a deep copy situation
		if (typeof target === 'boolean') {
			deep = target;
			target = arguments[1] || {};
			// skip the boolean and the target
			i = 2;
		}
		if (target == null || (typeof target !== 'object' && typeof target !== 'function')) {
			target = {};
		}

		for (; i < length; ++i) {
			options = arguments[i];
			// Only deal with non-null/undefined values
			if (options != null) {
				// Extend the base object
				for (name in options) {
					src = getProperty(target, name);
					copy = getProperty(options, name);

					// Prevent never-ending loop
					if (target !== copy) {
						// Recurse if we're merging plain objects or arrays
						if (deep && copy && (isPlainObject(copy) || (copyIsArray = isArray(copy)))) {
							if (copyIsArray) {
								copyIsArray = false;
								clone = src && isArray(src) ? src : [];
							} else {
								clone = src && isPlainObject(src) ? src : {};
							}

							// Never move original objects, clone them
							setProperty(target, { name: name, newValue: extend(deep, clone, copy) });

						// Don't bring in undefined values
						} else if (typeof copy !== 'undefined') {
							setProperty(target, { name: name, newValue: copy });
						}
					}
				}
			}
		}

		// Return the modified object
		return target;
	};
	return extend$1;
}

var extendExports = requireExtend();
var extend = /*@__PURE__*/getDefaultExportFromCjs(extendExports);

function isPlainObject(value) {
	if (typeof value !== 'object' || value === null) {
		return false;
	}

	const prototype = Object.getPrototypeOf(value);
	return (prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null) && !(Symbol.toStringTag in value) && !(Symbol.iterator in value);
}

// To do: remove `void`s
// To do: remove `null` from output of our APIs, allow it as user APIs.

/**
 * @typedef {(error?: Error | null | undefined, ...output: Array<any>) => void} Callback
 *   Callback.
 *
 * @typedef {(...input: Array<any>) => any} Middleware
 *   Ware.
 *
 * @typedef Pipeline
 *   Pipeline.
 * @property {Run} run
 *   Run the pipeline.
 * @property {Use} use
 *   Add middleware.
 *
 * @typedef {(...input: Array<any>) => void} Run
 *   Call all middleware.
 *
 *   Calls `done` on completion with either an error or the output of the
 *   last middleware.
 *
 *   > 👉 **Note**: as the length of input defines whether async functions get a
 *   > `next` function,
 *   > it’s recommended to keep `input` at one value normally.

 *
 * @typedef {(fn: Middleware) => Pipeline} Use
 *   Add middleware.
 */

/**
 * Create new middleware.
 *
 * @returns {Pipeline}
 *   Pipeline.
 */
function trough() {
  /** @type {Array<Middleware>} */
  const fns = [];
  /** @type {Pipeline} */
  const pipeline = {run, use};

  return pipeline

  /** @type {Run} */
  function run(...values) {
    let middlewareIndex = -1;
    /** @type {Callback} */
    const callback = values.pop();

    if (typeof callback !== 'function') {
      throw new TypeError('Expected function as last argument, not ' + callback)
    }

    next(null, ...values);

    /**
     * Run the next `fn`, or we’re done.
     *
     * @param {Error | null | undefined} error
     * @param {Array<any>} output
     */
    function next(error, ...output) {
      const fn = fns[++middlewareIndex];
      let index = -1;

      if (error) {
        callback(error);
        return
      }

      // Copy non-nullish input into values.
      while (++index < values.length) {
        if (output[index] === null || output[index] === undefined) {
          output[index] = values[index];
        }
      }

      // Save the newly created `output` for the next call.
      values = output;

      // Next or done.
      if (fn) {
        wrap(fn, next)(...output);
      } else {
        callback(null, ...output);
      }
    }
  }

  /** @type {Use} */
  function use(middelware) {
    if (typeof middelware !== 'function') {
      throw new TypeError(
        'Expected `middelware` to be a function, not ' + middelware
      )
    }

    fns.push(middelware);
    return pipeline
  }
}

/**
 * Wrap `middleware` into a uniform interface.
 *
 * You can pass all input to the resulting function.
 * `callback` is then called with the output of `middleware`.
 *
 * If `middleware` accepts more arguments than the later given in input,
 * an extra `done` function is passed to it after that input,
 * which must be called by `middleware`.
 *
 * The first value in `input` is the main input value.
 * All other input values are the rest input values.
 * The values given to `callback` are the input values,
 * merged with every non-nullish output value.
 *
 * * if `middleware` throws an error,
 *   returns a promise that is rejected,
 *   or calls the given `done` function with an error,
 *   `callback` is called with that error
 * * if `middleware` returns a value or returns a promise that is resolved,
 *   that value is the main output value
 * * if `middleware` calls `done`,
 *   all non-nullish values except for the first one (the error) overwrite the
 *   output values
 *
 * @param {Middleware} middleware
 *   Function to wrap.
 * @param {Callback} callback
 *   Callback called with the output of `middleware`.
 * @returns {Run}
 *   Wrapped middleware.
 */
function wrap(middleware, callback) {
  /** @type {boolean} */
  let called;

  return wrapped

  /**
   * Call `middleware`.
   * @this {any}
   * @param {Array<any>} parameters
   * @returns {void}
   */
  function wrapped(...parameters) {
    const fnExpectsCallback = middleware.length > parameters.length;
    /** @type {any} */
    let result;

    if (fnExpectsCallback) {
      parameters.push(done);
    }

    try {
      result = middleware.apply(this, parameters);
    } catch (error) {
      const exception = /** @type {Error} */ (error);

      // Well, this is quite the pickle.
      // `middleware` received a callback and called it synchronously, but that
      // threw an error.
      // The only thing left to do is to throw the thing instead.
      if (fnExpectsCallback && called) {
        throw exception
      }

      return done(exception)
    }

    if (!fnExpectsCallback) {
      if (result && result.then && typeof result.then === 'function') {
        result.then(then, done);
      } else if (result instanceof Error) {
        done(result);
      } else {
        then(result);
      }
    }
  }

  /**
   * Call `callback`, only once.
   *
   * @type {Callback}
   */
  function done(error, ...output) {
    if (!called) {
      called = true;
      callback(error, ...output);
    }
  }

  /**
   * Call `done` with one value.
   *
   * @param {any} [value]
   */
  function then(value) {
    done(null, value);
  }
}

/**
 * @typedef {import('unist').Node} Node
 * @typedef {import('unist').Point} Point
 * @typedef {import('unist').Position} Position
 */

/**
 * @typedef NodeLike
 * @property {string} type
 * @property {PositionLike | null | undefined} [position]
 *
 * @typedef PointLike
 * @property {number | null | undefined} [line]
 * @property {number | null | undefined} [column]
 * @property {number | null | undefined} [offset]
 *
 * @typedef PositionLike
 * @property {PointLike | null | undefined} [start]
 * @property {PointLike | null | undefined} [end]
 */

/**
 * Serialize the positional info of a point, position (start and end points),
 * or node.
 *
 * @param {Node | NodeLike | Point | PointLike | Position | PositionLike | null | undefined} [value]
 *   Node, position, or point.
 * @returns {string}
 *   Pretty printed positional info of a node (`string`).
 *
 *   In the format of a range `ls:cs-le:ce` (when given `node` or `position`)
 *   or a point `l:c` (when given `point`), where `l` stands for line, `c` for
 *   column, `s` for `start`, and `e` for end.
 *   An empty string (`''`) is returned if the given value is neither `node`,
 *   `position`, nor `point`.
 */
function stringifyPosition(value) {
  // Nothing.
  if (!value || typeof value !== 'object') {
    return ''
  }

  // Node.
  if ('position' in value || 'type' in value) {
    return position(value.position)
  }

  // Position.
  if ('start' in value || 'end' in value) {
    return position(value)
  }

  // Point.
  if ('line' in value || 'column' in value) {
    return point(value)
  }

  // ?
  return ''
}

/**
 * @param {Point | PointLike | null | undefined} point
 * @returns {string}
 */
function point(point) {
  return index(point && point.line) + ':' + index(point && point.column)
}

/**
 * @param {Position | PositionLike | null | undefined} pos
 * @returns {string}
 */
function position(pos) {
  return point(pos && pos.start) + '-' + point(pos && pos.end)
}

/**
 * @param {number | null | undefined} value
 * @returns {number}
 */
function index(value) {
  return value && typeof value === 'number' ? value : 1
}

/**
 * @import {Node, Point, Position} from 'unist'
 */


/**
 * Message.
 */
class VFileMessage extends Error {
  /**
   * Create a message for `reason`.
   *
   * > 🪦 **Note**: also has obsolete signatures.
   *
   * @overload
   * @param {string} reason
   *   Reason for message, should use markdown.
   * @param {Options | null | undefined} [options]
   *   Configuration (optional).
   * @returns
   *   Instance of `VFileMessage`.
   *
   * @overload
   * @param {string} reason
   *   Reason for message, should use markdown.
   * @param {Node | NodeLike | null | undefined} parent
   *   Node or node-like, used for `ancestors` and `place`.
   * @param {string | null | undefined} [origin]
   *   Place in code where the message originates (optional).
   * @returns
   *   Instance of `VFileMessage`.
   *
   * @overload
   * @param {string} reason
   *   Reason for message, should use markdown.
   * @param {Point | Position | null | undefined} place
   *   Place of message.
   * @param {string | null | undefined} [origin]
   *   Place in code where the message originates (optional).
   * @returns
   *   Instance of `VFileMessage`.
   *
   * @overload
   * @param {string} reason
   *   Reason for message, should use markdown.
   * @param {string | null | undefined} [origin]
   *   Place in code where the message originates (optional).
   * @returns
   *   Instance of `VFileMessage`.
   *
   * @overload
   * @param {Error | VFileMessage} cause
   *   Original error cause of the message.
   * @param {Node | NodeLike | null | undefined} parent
   *   Node or node-like, used for `ancestors` and `place`.
   * @param {string | null | undefined} [origin]
   *   Place in code where the message originates (optional).
   * @returns
   *   Instance of `VFileMessage`.
   *
   * @overload
   * @param {Error | VFileMessage} cause
   *   Original error cause of the message.
   * @param {Point | Position | null | undefined} place
   *   Place of message.
   * @param {string | null | undefined} [origin]
   *   Place in code where the message originates (optional).
   * @returns
   *   Instance of `VFileMessage`.
   *
   * @overload
   * @param {Error | VFileMessage} cause
   *   Original error cause of the message.
   * @param {string | null | undefined} [origin]
   *   Place in code where the message originates (optional).
   * @returns
   *   Instance of `VFileMessage`.
   *
   * @param {Error | VFileMessage | string} causeOrReason
   *   Reason for message, should use markdown.
   * @param {Node | NodeLike | Options | Point | Position | string | null | undefined} [optionsOrParentOrPlace]
   *   Configuration (optional).
   * @param {string | null | undefined} [origin]
   *   Place in code where the message originates (example:
   *   `'my-package:my-rule'` or `'my-rule'`).
   * @returns
   *   Instance of `VFileMessage`.
   */
  // eslint-disable-next-line complexity
  constructor(causeOrReason, optionsOrParentOrPlace, origin) {
    super();

    if (typeof optionsOrParentOrPlace === 'string') {
      origin = optionsOrParentOrPlace;
      optionsOrParentOrPlace = undefined;
    }

    /** @type {string} */
    let reason = '';
    /** @type {Options} */
    let options = {};
    let legacyCause = false;

    if (optionsOrParentOrPlace) {
      // Point.
      if (
        'line' in optionsOrParentOrPlace &&
        'column' in optionsOrParentOrPlace
      ) {
        options = {place: optionsOrParentOrPlace};
      }
      // Position.
      else if (
        'start' in optionsOrParentOrPlace &&
        'end' in optionsOrParentOrPlace
      ) {
        options = {place: optionsOrParentOrPlace};
      }
      // Node.
      else if ('type' in optionsOrParentOrPlace) {
        options = {
          ancestors: [optionsOrParentOrPlace],
          place: optionsOrParentOrPlace.position
        };
      }
      // Options.
      else {
        options = {...optionsOrParentOrPlace};
      }
    }

    if (typeof causeOrReason === 'string') {
      reason = causeOrReason;
    }
    // Error.
    else if (!options.cause && causeOrReason) {
      legacyCause = true;
      reason = causeOrReason.message;
      options.cause = causeOrReason;
    }

    if (!options.ruleId && !options.source && typeof origin === 'string') {
      const index = origin.indexOf(':');

      if (index === -1) {
        options.ruleId = origin;
      } else {
        options.source = origin.slice(0, index);
        options.ruleId = origin.slice(index + 1);
      }
    }

    if (!options.place && options.ancestors) {
      const parent = options.ancestors[options.ancestors.length - 1];

      if (parent) {
        options.place = parent.position;
      }
    }

    const start =
      options.place && 'start' in options.place
        ? options.place.start
        : options.place;

    /**
     * Stack of ancestor nodes surrounding the message.
     *
     * @type {Array<Node> | undefined}
     */
    this.ancestors = options.ancestors || undefined;

    /**
     * Original error cause of the message.
     *
     * @type {Error | undefined}
     */
    this.cause = options.cause || undefined;

    /**
     * Starting column of message.
     *
     * @type {number | undefined}
     */
    this.column = start ? start.column : undefined;

    /**
     * State of problem.
     *
     * * `true` — error, file not usable
     * * `false` — warning, change may be needed
     * * `undefined` — change likely not needed
     *
     * @type {boolean | null | undefined}
     */
    this.fatal = undefined;

    /**
     * Path of a file (used throughout the `VFile` ecosystem).
     *
     * @type {string | undefined}
     */
    this.file = '';

    // Field from `Error`.
    /**
     * Reason for message.
     *
     * @type {string}
     */
    this.message = reason;

    /**
     * Starting line of error.
     *
     * @type {number | undefined}
     */
    this.line = start ? start.line : undefined;

    // Field from `Error`.
    /**
     * Serialized positional info of message.
     *
     * On normal errors, this would be something like `ParseError`, buit in
     * `VFile` messages we use this space to show where an error happened.
     *
     * @type {string}
     */
    this.name = stringifyPosition(options.place) || '1:1';

    /**
     * Place of message.
     *
     * @type {Point | Position | undefined}
     */
    this.place = options.place || undefined;

    /**
     * Reason for message, should use markdown.
     *
     * @type {string}
     */
    this.reason = this.message;

    /**
     * Category of message (example: `'my-rule'`).
     *
     * @type {string | undefined}
     */
    this.ruleId = options.ruleId || undefined;

    /**
     * Namespace of message (example: `'my-package'`).
     *
     * @type {string | undefined}
     */
    this.source = options.source || undefined;

    // Field from `Error`.
    /**
     * Stack of message.
     *
     * This is used by normal errors to show where something happened in
     * programming code, irrelevant for `VFile` messages,
     *
     * @type {string}
     */
    this.stack =
      legacyCause && options.cause && typeof options.cause.stack === 'string'
        ? options.cause.stack
        : '';

    // The following fields are “well known”.
    // Not standard.
    // Feel free to add other non-standard fields to your messages.

    /**
     * Specify the source value that’s being reported, which is deemed
     * incorrect.
     *
     * @type {string | undefined}
     */
    this.actual = undefined;

    /**
     * Suggest acceptable values that can be used instead of `actual`.
     *
     * @type {Array<string> | undefined}
     */
    this.expected = undefined;

    /**
     * Long form description of the message (you should use markdown).
     *
     * @type {string | undefined}
     */
    this.note = undefined;

    /**
     * Link to docs for the message.
     *
     * > 👉 **Note**: this must be an absolute URL that can be passed as `x`
     * > to `new URL(x)`.
     *
     * @type {string | undefined}
     */
    this.url = undefined;
  }
}

// eslint-disable-next-line unicorn/no-top-level-side-effects -- our own class.
Object.defineProperties(VFileMessage.prototype, {
  file: {configurable: true, enumerable: true, value: '', writable: true},
  name: {configurable: true, enumerable: true, value: '', writable: true},
  reason: {configurable: true, enumerable: true, value: '', writable: true},
  message: {configurable: true, enumerable: true, value: '', writable: true},
  stack: {configurable: true, enumerable: true, value: '', writable: true},
  column: {configurable: true, enumerable: true, writable: true},
  line: {configurable: true, enumerable: true, writable: true},
  ancestors: {configurable: true, enumerable: true, writable: true},
  cause: {configurable: true, enumerable: true, writable: true},
  fatal: {configurable: true, enumerable: true, writable: true},
  place: {configurable: true, enumerable: true, writable: true},
  ruleId: {configurable: true, enumerable: true, writable: true},
  source: {configurable: true, enumerable: true, writable: true}
});

/**
 * Checks if a value has the shape of a WHATWG URL object.
 *
 * Using a symbol or instanceof would not be able to recognize URL objects
 * coming from other implementations (e.g. in Electron), so instead we are
 * checking some well known properties for a lack of a better test.
 *
 * We use `href` and `protocol` as they are the only properties that are
 * easy to retrieve and calculate due to the lazy nature of the getters.
 *
 * We check for auth attribute to distinguish legacy url instance with
 * WHATWG URL instance.
 *
 * @param {unknown} fileUrlOrPath
 *   File path or URL.
 * @returns {fileUrlOrPath is URL}
 *   Whether it’s a URL.
 */
// From: <https://github.com/nodejs/node/blob/6a3403c/lib/internal/url.js#L720>
function isUrl(fileUrlOrPath) {
  return Boolean(
    fileUrlOrPath !== null &&
      typeof fileUrlOrPath === 'object' &&
      'href' in fileUrlOrPath &&
      fileUrlOrPath.href &&
      'protocol' in fileUrlOrPath &&
      fileUrlOrPath.protocol &&
      // @ts-expect-error: indexing is fine.
      fileUrlOrPath.auth === undefined
  )
}

/**
 * @import {Node, Point, Position} from 'unist'
 * @import {Options as MessageOptions} from 'vfile-message'
 * @import {Compatible, Data, Map, Options, Value} from 'vfile'
 */


/**
 * Order of setting (least specific to most), we need this because otherwise
 * `{stem: 'a', path: '~/b.js'}` would throw, as a path is needed before a
 * stem can be set.
 */
const order = /** @type {const} */ ([
  'history',
  'path',
  'basename',
  'stem',
  'extname',
  'dirname'
]);

class VFile {
  /**
   * Create a new virtual file.
   *
   * `options` is treated as:
   *
   * *   `string` or `Uint8Array` — `{value: options}`
   * *   `URL` — `{path: options}`
   * *   `VFile` — shallow copies its data over to the new file
   * *   `object` — all fields are shallow copied over to the new file
   *
   * Path related fields are set in the following order (least specific to
   * most specific): `history`, `path`, `basename`, `stem`, `extname`,
   * `dirname`.
   *
   * You cannot set `dirname` or `extname` without setting either `history`,
   * `path`, `basename`, or `stem` too.
   *
   * @param {Compatible | null | undefined} [value]
   *   File value.
   * @returns
   *   New instance.
   */
  constructor(value) {
    /** @type {Options | VFile} */
    let options;

    if (!value) {
      options = {};
    } else if (isUrl(value)) {
      options = {path: value};
    } else if (typeof value === 'string' || isUint8Array$1(value)) {
      options = {value};
    } else {
      options = value;
    }

    /* eslint-disable no-unused-expressions */

    /**
     * Base of `path` (default: `process.cwd()` or `'/'` in browsers).
     *
     * @type {string}
     */
    // Prevent calling `cwd` (which could be expensive) if it’s not needed;
    // the empty string will be overridden in the next block.
    this.cwd = 'cwd' in options ? '' : minproc.cwd();

    /**
     * Place to store custom info (default: `{}`).
     *
     * It’s OK to store custom data directly on the file but moving it to
     * `data` is recommended.
     *
     * @type {Data}
     */
    this.data = {};

    /**
     * List of file paths the file moved between.
     *
     * The first is the original path and the last is the current path.
     *
     * @type {Array<string>}
     */
    this.history = [];

    /**
     * List of messages associated with the file.
     *
     * @type {Array<VFileMessage>}
     */
    this.messages = [];

    /**
     * Raw value.
     *
     * @type {Value}
     */
    this.value;

    // The below are non-standard, they are “well-known”.
    // As in, used in several tools.
    /**
     * Source map.
     *
     * This type is equivalent to the `RawSourceMap` type from the `source-map`
     * module.
     *
     * @type {Map | null | undefined}
     */
    this.map;

    /**
     * Custom, non-string, compiled, representation.
     *
     * This is used by unified to store non-string results.
     * One example is when turning markdown into React nodes.
     *
     * @type {unknown}
     */
    this.result;

    /**
     * Whether a file was saved to disk.
     *
     * This is used by vfile reporters.
     *
     * @type {boolean}
     */
    this.stored;
    /* eslint-enable no-unused-expressions */

    // Set path related properties in the correct order.
    let index = -1;

    while (++index < order.length) {
      const field = order[index];

      // Note: we specifically use `in` instead of `hasOwnProperty` to accept
      // `vfile`s too.
      if (
        field in options &&
        options[field] !== undefined &&
        options[field] !== null
      ) {
        // @ts-expect-error: TS doesn’t understand basic reality.
        this[field] = field === 'history' ? [...options[field]] : options[field];
      }
    }

    /** @type {string} */
    let field;

    // Set non-path related properties.
    for (field in options) {
      // @ts-expect-error: fine to set other things.
      if (!order.includes(field)) {
        // @ts-expect-error: fine to set other things.
        this[field] = options[field];
      }
    }
  }

  /**
   * Get the basename (including extname) (example: `'index.min.js'`).
   *
   * @returns {string | undefined}
   *   Basename.
   */
  get basename() {
    return typeof this.path === 'string'
      ? path$1.basename(this.path)
      : undefined
  }

  /**
   * Set basename (including extname) (`'index.min.js'`).
   *
   * Cannot contain path separators (`'/'` on unix, macOS, and browsers, `'\'`
   * on windows).
   * Cannot be nullified (use `file.path = file.dirname` instead).
   *
   * @param {string} basename
   *   Basename.
   * @returns {undefined}
   *   Nothing.
   */
  set basename(basename) {
    assertNonEmpty(basename, 'basename');
    assertPart(basename, 'basename');
    this.path = path$1.join(this.dirname || '', basename);
  }

  /**
   * Get the parent path (example: `'~'`).
   *
   * @returns {string | undefined}
   *   Dirname.
   */
  get dirname() {
    return typeof this.path === 'string'
      ? path$1.dirname(this.path)
      : undefined
  }

  /**
   * Set the parent path (example: `'~'`).
   *
   * Cannot be set if there’s no `path` yet.
   *
   * @param {string | undefined} dirname
   *   Dirname.
   * @returns {undefined}
   *   Nothing.
   */
  set dirname(dirname) {
    assertPath(this.basename, 'dirname');
    this.path = path$1.join(dirname || '', this.basename);
  }

  /**
   * Get the extname (including dot) (example: `'.js'`).
   *
   * @returns {string | undefined}
   *   Extname.
   */
  get extname() {
    return typeof this.path === 'string'
      ? path$1.extname(this.path)
      : undefined
  }

  /**
   * Set the extname (including dot) (example: `'.js'`).
   *
   * Cannot contain path separators (`'/'` on unix, macOS, and browsers, `'\'`
   * on windows).
   * Cannot be set if there’s no `path` yet.
   *
   * @param {string | undefined} extname
   *   Extname.
   * @returns {undefined}
   *   Nothing.
   */
  set extname(extname) {
    assertPart(extname, 'extname');
    assertPath(this.dirname, 'extname');

    if (extname) {
      if (extname.codePointAt(0) !== 46 /* `.` */) {
        throw new Error('`extname` must start with `.`')
      }

      if (extname.includes('.', 1)) {
        throw new Error('`extname` cannot contain multiple dots')
      }
    }

    this.path = path$1.join(this.dirname, this.stem + (extname || ''));
  }

  /**
   * Get the full path (example: `'~/index.min.js'`).
   *
   * @returns {string}
   *   Path.
   */
  get path() {
    return this.history[this.history.length - 1]
  }

  /**
   * Set the full path (example: `'~/index.min.js'`).
   *
   * Cannot be nullified.
   * You can set a file URL (a `URL` object with a `file:` protocol) which will
   * be turned into a path with `url.fileURLToPath`.
   *
   * @param {URL | string} path
   *   Path.
   * @returns {undefined}
   *   Nothing.
   */
  set path(path) {
    if (isUrl(path)) {
      path = fileURLToPath(path);
    }

    assertNonEmpty(path, 'path');

    if (this.path !== path) {
      this.history.push(path);
    }
  }

  /**
   * Get the stem (basename w/o extname) (example: `'index.min'`).
   *
   * @returns {string | undefined}
   *   Stem.
   */
  get stem() {
    return typeof this.path === 'string'
      ? path$1.basename(this.path, this.extname)
      : undefined
  }

  /**
   * Set the stem (basename w/o extname) (example: `'index.min'`).
   *
   * Cannot contain path separators (`'/'` on unix, macOS, and browsers, `'\'`
   * on windows).
   * Cannot be nullified (use `file.path = file.dirname` instead).
   *
   * @param {string} stem
   *   Stem.
   * @returns {undefined}
   *   Nothing.
   */
  set stem(stem) {
    assertNonEmpty(stem, 'stem');
    assertPart(stem, 'stem');
    this.path = path$1.join(this.dirname || '', stem + (this.extname || ''));
  }

  // Normal prototypal methods.
  /**
   * Create a fatal message for `reason` associated with the file.
   *
   * The `fatal` field of the message is set to `true` (error; file not usable)
   * and the `file` field is set to the current file path.
   * The message is added to the `messages` field on `file`.
   *
   * > 🪦 **Note**: also has obsolete signatures.
   *
   * @overload
   * @param {string} reason
   * @param {MessageOptions | null | undefined} [options]
   * @returns {never}
   *
   * @overload
   * @param {string} reason
   * @param {Node | NodeLike | null | undefined} parent
   * @param {string | null | undefined} [origin]
   * @returns {never}
   *
   * @overload
   * @param {string} reason
   * @param {Point | Position | null | undefined} place
   * @param {string | null | undefined} [origin]
   * @returns {never}
   *
   * @overload
   * @param {string} reason
   * @param {string | null | undefined} [origin]
   * @returns {never}
   *
   * @overload
   * @param {Error | VFileMessage} cause
   * @param {Node | NodeLike | null | undefined} parent
   * @param {string | null | undefined} [origin]
   * @returns {never}
   *
   * @overload
   * @param {Error | VFileMessage} cause
   * @param {Point | Position | null | undefined} place
   * @param {string | null | undefined} [origin]
   * @returns {never}
   *
   * @overload
   * @param {Error | VFileMessage} cause
   * @param {string | null | undefined} [origin]
   * @returns {never}
   *
   * @param {Error | VFileMessage | string} causeOrReason
   *   Reason for message, should use markdown.
   * @param {Node | NodeLike | MessageOptions | Point | Position | string | null | undefined} [optionsOrParentOrPlace]
   *   Configuration (optional).
   * @param {string | null | undefined} [origin]
   *   Place in code where the message originates (example:
   *   `'my-package:my-rule'` or `'my-rule'`).
   * @returns {never}
   *   Never.
   * @throws {VFileMessage}
   *   Message.
   */
  fail(causeOrReason, optionsOrParentOrPlace, origin) {
    // @ts-expect-error: the overloads are fine.
    const message = this.message(causeOrReason, optionsOrParentOrPlace, origin);

    message.fatal = true;

    throw message
  }

  /**
   * Create an info message for `reason` associated with the file.
   *
   * The `fatal` field of the message is set to `undefined` (info; change
   * likely not needed) and the `file` field is set to the current file path.
   * The message is added to the `messages` field on `file`.
   *
   * > 🪦 **Note**: also has obsolete signatures.
   *
   * @overload
   * @param {string} reason
   * @param {MessageOptions | null | undefined} [options]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {string} reason
   * @param {Node | NodeLike | null | undefined} parent
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {string} reason
   * @param {Point | Position | null | undefined} place
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {string} reason
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {Error | VFileMessage} cause
   * @param {Node | NodeLike | null | undefined} parent
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {Error | VFileMessage} cause
   * @param {Point | Position | null | undefined} place
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {Error | VFileMessage} cause
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @param {Error | VFileMessage | string} causeOrReason
   *   Reason for message, should use markdown.
   * @param {Node | NodeLike | MessageOptions | Point | Position | string | null | undefined} [optionsOrParentOrPlace]
   *   Configuration (optional).
   * @param {string | null | undefined} [origin]
   *   Place in code where the message originates (example:
   *   `'my-package:my-rule'` or `'my-rule'`).
   * @returns {VFileMessage}
   *   Message.
   */
  info(causeOrReason, optionsOrParentOrPlace, origin) {
    // @ts-expect-error: the overloads are fine.
    const message = this.message(causeOrReason, optionsOrParentOrPlace, origin);

    message.fatal = undefined;

    return message
  }

  /**
   * Create a message for `reason` associated with the file.
   *
   * The `fatal` field of the message is set to `false` (warning; change may be
   * needed) and the `file` field is set to the current file path.
   * The message is added to the `messages` field on `file`.
   *
   * > 🪦 **Note**: also has obsolete signatures.
   *
   * @overload
   * @param {string} reason
   * @param {MessageOptions | null | undefined} [options]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {string} reason
   * @param {Node | NodeLike | null | undefined} parent
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {string} reason
   * @param {Point | Position | null | undefined} place
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {string} reason
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {Error | VFileMessage} cause
   * @param {Node | NodeLike | null | undefined} parent
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {Error | VFileMessage} cause
   * @param {Point | Position | null | undefined} place
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {Error | VFileMessage} cause
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @param {Error | VFileMessage | string} causeOrReason
   *   Reason for message, should use markdown.
   * @param {Node | NodeLike | MessageOptions | Point | Position | string | null | undefined} [optionsOrParentOrPlace]
   *   Configuration (optional).
   * @param {string | null | undefined} [origin]
   *   Place in code where the message originates (example:
   *   `'my-package:my-rule'` or `'my-rule'`).
   * @returns {VFileMessage}
   *   Message.
   */
  message(causeOrReason, optionsOrParentOrPlace, origin) {
    const message = new VFileMessage(
      // @ts-expect-error: the overloads are fine.
      causeOrReason,
      optionsOrParentOrPlace,
      origin
    );

    if (this.path) {
      message.name = this.path + ':' + message.name;
      message.file = this.path;
    }

    message.fatal = false;

    this.messages.push(message);

    return message
  }

  /**
   * Serialize the file.
   *
   * > **Note**: which encodings are supported depends on the engine.
   * > For info on Node.js, see:
   * > <https://nodejs.org/api/util.html#whatwg-supported-encodings>.
   *
   * @param {string | null | undefined} [encoding='utf8']
   *   Character encoding to understand `value` as when it’s a `Uint8Array`
   *   (default: `'utf-8'`).
   * @returns {string}
   *   Serialized file.
   */
  toString(encoding) {
    if (this.value === undefined) {
      return ''
    }

    if (typeof this.value === 'string') {
      return this.value
    }

    const decoder = new TextDecoder(encoding || undefined);
    return decoder.decode(this.value)
  }
}

/**
 * Assert that `part` is not a path (as in, does not contain `path.sep`).
 *
 * @param {string | null | undefined} part
 *   File path part.
 * @param {string} name
 *   Part name.
 * @returns {undefined}
 *   Nothing.
 */
function assertPart(part, name) {
  if (part && part.includes(path$1.sep)) {
    throw new Error(
      '`' + name + '` cannot be a path: did not expect `' + path$1.sep + '`'
    )
  }
}

/**
 * Assert that `part` is not empty.
 *
 * @param {string | undefined} part
 *   Thing.
 * @param {string} name
 *   Part name.
 * @returns {asserts part is string}
 *   Nothing.
 */
function assertNonEmpty(part, name) {
  if (!part) {
    throw new Error('`' + name + '` cannot be empty')
  }
}

/**
 * Assert `path` exists.
 *
 * @param {string | undefined} path
 *   Path.
 * @param {string} name
 *   Dependency name.
 * @returns {asserts path is string}
 *   Nothing.
 */
function assertPath(path, name) {
  if (!path) {
    throw new Error('Setting `' + name + '` requires `path` to be set too')
  }
}

/**
 * Assert `value` is an `Uint8Array`.
 *
 * @param {unknown} value
 *   thing.
 * @returns {value is Uint8Array}
 *   Whether `value` is an `Uint8Array`.
 */
function isUint8Array$1(value) {
  return Boolean(
    value &&
      typeof value === 'object' &&
      'byteLength' in value &&
      'byteOffset' in value
  )
}

const CallableInstance =
  /**
   * @type {new <Parameters extends Array<unknown>, Result>(property: string | symbol) => (...parameters: Parameters) => Result}
   */
  (
    /** @type {unknown} */
    (
      /**
       * @this {Function}
       * @param {string | symbol} property
       * @returns {(...parameters: Array<unknown>) => unknown}
       */
      function (property) {
        const self = this;
        const constr = self.constructor;
        const proto = /** @type {Record<string | symbol, Function>} */ (
          // Prototypes do exist.
          // type-coverage:ignore-next-line
          constr.prototype
        );
        const value = proto[property];
        /** @type {(...parameters: Array<unknown>) => unknown} */
        const apply = function () {
          return value.apply(apply, arguments)
        };

        Object.setPrototypeOf(apply, proto);

        // Not needed for us in `unified`: we only call this on the `copy`
        // function,
        // and we don't need to add its fields (`length`, `name`)
        // over.
        // See also: GH-246.
        // const names = Object.getOwnPropertyNames(value)
        //
        // for (const p of names) {
        //   const descriptor = Object.getOwnPropertyDescriptor(value, p)
        //   if (descriptor) Object.defineProperty(apply, p, descriptor)
        // }

        return apply
      }
    )
  );

/**
 * @typedef {import('trough').Pipeline} Pipeline
 *
 * @typedef {import('unist').Node} Node
 *
 * @typedef {import('vfile').Compatible} Compatible
 * @typedef {import('vfile').Value} Value
 *
 * @typedef {import('../index.js').CompileResultMap} CompileResultMap
 * @typedef {import('../index.js').Data} Data
 * @typedef {import('../index.js').Settings} Settings
 */


// To do: next major: drop `Compiler`, `Parser`: prefer lowercase.

// To do: we could start yielding `never` in TS when a parser is missing and
// `parse` is called.
// Currently, we allow directly setting `processor.parser`, which is untyped.

const own$1 = {}.hasOwnProperty;

/**
 * @template {Node | undefined} [ParseTree=undefined]
 *   Output of `parse` (optional).
 * @template {Node | undefined} [HeadTree=undefined]
 *   Input for `run` (optional).
 * @template {Node | undefined} [TailTree=undefined]
 *   Output for `run` (optional).
 * @template {Node | undefined} [CompileTree=undefined]
 *   Input of `stringify` (optional).
 * @template {CompileResults | undefined} [CompileResult=undefined]
 *   Output of `stringify` (optional).
 * @extends {CallableInstance<[], Processor<ParseTree, HeadTree, TailTree, CompileTree, CompileResult>>}
 */
class Processor extends CallableInstance {
  /**
   * Create a processor.
   */
  constructor() {
    // If `Processor()` is called (w/o new), `copy` is called instead.
    super('copy');

    /**
     * Compiler to use (deprecated).
     *
     * @deprecated
     *   Use `compiler` instead.
     * @type {(
     *   Compiler<
     *     CompileTree extends undefined ? Node : CompileTree,
     *     CompileResult extends undefined ? CompileResults : CompileResult
     *   > |
     *   undefined
     * )}
     */
    this.Compiler = undefined;

    /**
     * Parser to use (deprecated).
     *
     * @deprecated
     *   Use `parser` instead.
     * @type {(
     *   Parser<ParseTree extends undefined ? Node : ParseTree> |
     *   undefined
     * )}
     */
    this.Parser = undefined;

    // Note: the following fields are considered private.
    // However, they are needed for tests, and TSC generates an untyped
    // `private freezeIndex` field for, which trips `type-coverage` up.
    // Instead, we use `@deprecated` to visualize that they shouldn’t be used.
    /**
     * Internal list of configured plugins.
     *
     * @deprecated
     *   This is a private internal property and should not be used.
     * @type {Array<PluginTuple<Array<unknown>>>}
     */
    this.attachers = [];

    /**
     * Compiler to use.
     *
     * @type {(
     *   Compiler<
     *     CompileTree extends undefined ? Node : CompileTree,
     *     CompileResult extends undefined ? CompileResults : CompileResult
     *   > |
     *   undefined
     * )}
     */
    this.compiler = undefined;

    /**
     * Internal state to track where we are while freezing.
     *
     * @deprecated
     *   This is a private internal property and should not be used.
     * @type {number}
     */
    this.freezeIndex = -1;

    /**
     * Internal state to track whether we’re frozen.
     *
     * @deprecated
     *   This is a private internal property and should not be used.
     * @type {boolean | undefined}
     */
    this.frozen = undefined;

    /**
     * Internal state.
     *
     * @deprecated
     *   This is a private internal property and should not be used.
     * @type {Data}
     */
    this.namespace = {};

    /**
     * Parser to use.
     *
     * @type {(
     *   Parser<ParseTree extends undefined ? Node : ParseTree> |
     *   undefined
     * )}
     */
    this.parser = undefined;

    /**
     * Internal list of configured transformers.
     *
     * @deprecated
     *   This is a private internal property and should not be used.
     * @type {Pipeline}
     */
    this.transformers = trough();
  }

  /**
   * Copy a processor.
   *
   * @deprecated
   *   This is a private internal method and should not be used.
   * @returns {Processor<ParseTree, HeadTree, TailTree, CompileTree, CompileResult>}
   *   New *unfrozen* processor ({@linkcode Processor}) that is
   *   configured to work the same as its ancestor.
   *   When the descendant processor is configured in the future it does not
   *   affect the ancestral processor.
   */
  copy() {
    // Cast as the type parameters will be the same after attaching.
    const destination =
      /** @type {Processor<ParseTree, HeadTree, TailTree, CompileTree, CompileResult>} */ (
        new Processor()
      );
    let index = -1;

    while (++index < this.attachers.length) {
      const attacher = this.attachers[index];
      destination.use(...attacher);
    }

    destination.data(extend(true, {}, this.namespace));

    return destination
  }

  /**
   * Configure the processor with info available to all plugins.
   * Information is stored in an object.
   *
   * Typically, options can be given to a specific plugin, but sometimes it
   * makes sense to have information shared with several plugins.
   * For example, a list of HTML elements that are self-closing, which is
   * needed during all phases.
   *
   * > **Note**: setting information cannot occur on *frozen* processors.
   * > Call the processor first to create a new unfrozen processor.
   *
   * > **Note**: to register custom data in TypeScript, augment the
   * > {@linkcode Data} interface.
   *
   * @example
   *   This example show how to get and set info:
   *
   *   ```js
   *   import {unified} from 'unified'
   *
   *   const processor = unified().data('alpha', 'bravo')
   *
   *   processor.data('alpha') // => 'bravo'
   *
   *   processor.data() // => {alpha: 'bravo'}
   *
   *   processor.data({charlie: 'delta'})
   *
   *   processor.data() // => {charlie: 'delta'}
   *   ```
   *
   * @template {keyof Data} Key
   *
   * @overload
   * @returns {Data}
   *
   * @overload
   * @param {Data} dataset
   * @returns {Processor<ParseTree, HeadTree, TailTree, CompileTree, CompileResult>}
   *
   * @overload
   * @param {Key} key
   * @returns {Data[Key]}
   *
   * @overload
   * @param {Key} key
   * @param {Data[Key]} value
   * @returns {Processor<ParseTree, HeadTree, TailTree, CompileTree, CompileResult>}
   *
   * @param {Data | Key} [key]
   *   Key to get or set, or entire dataset to set, or nothing to get the
   *   entire dataset (optional).
   * @param {Data[Key]} [value]
   *   Value to set (optional).
   * @returns {unknown}
   *   The current processor when setting, the value at `key` when getting, or
   *   the entire dataset when getting without key.
   */
  data(key, value) {
    if (typeof key === 'string') {
      // Set `key`.
      if (arguments.length === 2) {
        assertUnfrozen('data', this.frozen);
        this.namespace[key] = value;
        return this
      }

      // Get `key`.
      return (own$1.call(this.namespace, key) && this.namespace[key]) || undefined
    }

    // Set space.
    if (key) {
      assertUnfrozen('data', this.frozen);
      this.namespace = key;
      return this
    }

    // Get space.
    return this.namespace
  }

  /**
   * Freeze a processor.
   *
   * Frozen processors are meant to be extended and not to be configured
   * directly.
   *
   * When a processor is frozen it cannot be unfrozen.
   * New processors working the same way can be created by calling the
   * processor.
   *
   * It’s possible to freeze processors explicitly by calling `.freeze()`.
   * Processors freeze automatically when `.parse()`, `.run()`, `.runSync()`,
   * `.stringify()`, `.process()`, or `.processSync()` are called.
   *
   * @returns {Processor<ParseTree, HeadTree, TailTree, CompileTree, CompileResult>}
   *   The current processor.
   */
  freeze() {
    if (this.frozen) {
      return this
    }

    // Cast so that we can type plugins easier.
    // Plugins are supposed to be usable on different processors, not just on
    // this exact processor.
    const self = /** @type {Processor} */ (/** @type {unknown} */ (this));

    while (++this.freezeIndex < this.attachers.length) {
      const [attacher, ...options] = this.attachers[this.freezeIndex];

      if (options[0] === false) {
        continue
      }

      if (options[0] === true) {
        options[0] = undefined;
      }

      const transformer = attacher.call(self, ...options);

      if (typeof transformer === 'function') {
        this.transformers.use(transformer);
      }
    }

    this.frozen = true;
    this.freezeIndex = Number.POSITIVE_INFINITY;

    return this
  }

  /**
   * Parse text to a syntax tree.
   *
   * > **Note**: `parse` freezes the processor if not already *frozen*.
   *
   * > **Note**: `parse` performs the parse phase, not the run phase or other
   * > phases.
   *
   * @param {Compatible | undefined} [file]
   *   file to parse (optional); typically `string` or `VFile`; any value
   *   accepted as `x` in `new VFile(x)`.
   * @returns {ParseTree extends undefined ? Node : ParseTree}
   *   Syntax tree representing `file`.
   */
  parse(file) {
    this.freeze();
    const realFile = vfile(file);
    const parser = this.parser || this.Parser;
    assertParser('parse', parser);
    return parser(String(realFile), realFile)
  }

  /**
   * Process the given file as configured on the processor.
   *
   * > **Note**: `process` freezes the processor if not already *frozen*.
   *
   * > **Note**: `process` performs the parse, run, and stringify phases.
   *
   * @overload
   * @param {Compatible | undefined} file
   * @param {ProcessCallback<VFileWithOutput<CompileResult>>} done
   * @returns {undefined}
   *
   * @overload
   * @param {Compatible | undefined} [file]
   * @returns {Promise<VFileWithOutput<CompileResult>>}
   *
   * @param {Compatible | undefined} [file]
   *   File (optional); typically `string` or `VFile`]; any value accepted as
   *   `x` in `new VFile(x)`.
   * @param {ProcessCallback<VFileWithOutput<CompileResult>> | undefined} [done]
   *   Callback (optional).
   * @returns {Promise<VFile> | undefined}
   *   Nothing if `done` is given.
   *   Otherwise a promise, rejected with a fatal error or resolved with the
   *   processed file.
   *
   *   The parsed, transformed, and compiled value is available at
   *   `file.value` (see note).
   *
   *   > **Note**: unified typically compiles by serializing: most
   *   > compilers return `string` (or `Uint8Array`).
   *   > Some compilers, such as the one configured with
   *   > [`rehype-react`][rehype-react], return other values (in this case, a
   *   > React tree).
   *   > If you’re using a compiler that doesn’t serialize, expect different
   *   > result values.
   *   >
   *   > To register custom results in TypeScript, add them to
   *   > {@linkcode CompileResultMap}.
   *
   *   [rehype-react]: https://github.com/rehypejs/rehype-react
   */
  process(file, done) {
    const self = this;

    this.freeze();
    assertParser('process', this.parser || this.Parser);
    assertCompiler('process', this.compiler || this.Compiler);

    return done ? executor(undefined, done) : new Promise(executor)

    // Note: `void`s needed for TS.
    /**
     * @param {((file: VFileWithOutput<CompileResult>) => undefined | void) | undefined} resolve
     * @param {(error: Error | undefined) => undefined | void} reject
     * @returns {undefined}
     */
    function executor(resolve, reject) {
      const realFile = vfile(file);
      // Assume `ParseTree` (the result of the parser) matches `HeadTree` (the
      // input of the first transform).
      const parseTree =
        /** @type {HeadTree extends undefined ? Node : HeadTree} */ (
          /** @type {unknown} */ (self.parse(realFile))
        );

      self.run(parseTree, realFile, function (error, tree, file) {
        if (error || !tree || !file) {
          return realDone(error)
        }

        // Assume `TailTree` (the output of the last transform) matches
        // `CompileTree` (the input of the compiler).
        const compileTree =
          /** @type {CompileTree extends undefined ? Node : CompileTree} */ (
            /** @type {unknown} */ (tree)
          );

        const compileResult = self.stringify(compileTree, file);

        if (looksLikeAValue(compileResult)) {
          file.value = compileResult;
        } else {
          file.result = compileResult;
        }

        realDone(error, /** @type {VFileWithOutput<CompileResult>} */ (file));
      });

      /**
       * @param {Error | undefined} error
       * @param {VFileWithOutput<CompileResult> | undefined} [file]
       * @returns {undefined}
       */
      function realDone(error, file) {
        if (error || !file) {
          reject(error);
        } else if (resolve) {
          resolve(file);
        } else {
          done(undefined, file);
        }
      }
    }
  }

  /**
   * Process the given file as configured on the processor.
   *
   * An error is thrown if asynchronous transforms are configured.
   *
   * > **Note**: `processSync` freezes the processor if not already *frozen*.
   *
   * > **Note**: `processSync` performs the parse, run, and stringify phases.
   *
   * @param {Compatible | undefined} [file]
   *   File (optional); typically `string` or `VFile`; any value accepted as
   *   `x` in `new VFile(x)`.
   * @returns {VFileWithOutput<CompileResult>}
   *   The processed file.
   *
   *   The parsed, transformed, and compiled value is available at
   *   `file.value` (see note).
   *
   *   > **Note**: unified typically compiles by serializing: most
   *   > compilers return `string` (or `Uint8Array`).
   *   > Some compilers, such as the one configured with
   *   > [`rehype-react`][rehype-react], return other values (in this case, a
   *   > React tree).
   *   > If you’re using a compiler that doesn’t serialize, expect different
   *   > result values.
   *   >
   *   > To register custom results in TypeScript, add them to
   *   > {@linkcode CompileResultMap}.
   *
   *   [rehype-react]: https://github.com/rehypejs/rehype-react
   */
  processSync(file) {
    /** @type {boolean} */
    let complete = false;
    /** @type {VFileWithOutput<CompileResult> | undefined} */
    let result;

    this.freeze();
    assertParser('processSync', this.parser || this.Parser);
    assertCompiler('processSync', this.compiler || this.Compiler);

    this.process(file, realDone);
    assertDone('processSync', 'process', complete);

    return result

    /**
     * @type {ProcessCallback<VFileWithOutput<CompileResult>>}
     */
    function realDone(error, file) {
      complete = true;
      bail(error);
      result = file;
    }
  }

  /**
   * Run *transformers* on a syntax tree.
   *
   * > **Note**: `run` freezes the processor if not already *frozen*.
   *
   * > **Note**: `run` performs the run phase, not other phases.
   *
   * @overload
   * @param {HeadTree extends undefined ? Node : HeadTree} tree
   * @param {RunCallback<TailTree extends undefined ? Node : TailTree>} done
   * @returns {undefined}
   *
   * @overload
   * @param {HeadTree extends undefined ? Node : HeadTree} tree
   * @param {Compatible | undefined} file
   * @param {RunCallback<TailTree extends undefined ? Node : TailTree>} done
   * @returns {undefined}
   *
   * @overload
   * @param {HeadTree extends undefined ? Node : HeadTree} tree
   * @param {Compatible | undefined} [file]
   * @returns {Promise<TailTree extends undefined ? Node : TailTree>}
   *
   * @param {HeadTree extends undefined ? Node : HeadTree} tree
   *   Tree to transform and inspect.
   * @param {(
   *   RunCallback<TailTree extends undefined ? Node : TailTree> |
   *   Compatible
   * )} [file]
   *   File associated with `node` (optional); any value accepted as `x` in
   *   `new VFile(x)`.
   * @param {RunCallback<TailTree extends undefined ? Node : TailTree>} [done]
   *   Callback (optional).
   * @returns {Promise<TailTree extends undefined ? Node : TailTree> | undefined}
   *   Nothing if `done` is given.
   *   Otherwise, a promise rejected with a fatal error or resolved with the
   *   transformed tree.
   */
  run(tree, file, done) {
    assertNode(tree);
    this.freeze();

    const transformers = this.transformers;

    if (!done && typeof file === 'function') {
      done = file;
      file = undefined;
    }

    return done ? executor(undefined, done) : new Promise(executor)

    // Note: `void`s needed for TS.
    /**
     * @param {(
     *   ((tree: TailTree extends undefined ? Node : TailTree) => undefined | void) |
     *   undefined
     * )} resolve
     * @param {(error: Error) => undefined | void} reject
     * @returns {undefined}
     */
    function executor(resolve, reject) {
      const realFile = vfile(file);
      transformers.run(tree, realFile, realDone);

      /**
       * @param {Error | undefined} error
       * @param {Node} outputTree
       * @param {VFile} file
       * @returns {undefined}
       */
      function realDone(error, outputTree, file) {
        const resultingTree =
          /** @type {TailTree extends undefined ? Node : TailTree} */ (
            outputTree || tree
          );

        if (error) {
          reject(error);
        } else if (resolve) {
          resolve(resultingTree);
        } else {
          done(undefined, resultingTree, file);
        }
      }
    }
  }

  /**
   * Run *transformers* on a syntax tree.
   *
   * An error is thrown if asynchronous transforms are configured.
   *
   * > **Note**: `runSync` freezes the processor if not already *frozen*.
   *
   * > **Note**: `runSync` performs the run phase, not other phases.
   *
   * @param {HeadTree extends undefined ? Node : HeadTree} tree
   *   Tree to transform and inspect.
   * @param {Compatible | undefined} [file]
   *   File associated with `node` (optional); any value accepted as `x` in
   *   `new VFile(x)`.
   * @returns {TailTree extends undefined ? Node : TailTree}
   *   Transformed tree.
   */
  runSync(tree, file) {
    /** @type {boolean} */
    let complete = false;
    /** @type {(TailTree extends undefined ? Node : TailTree) | undefined} */
    let result;

    this.run(tree, file, realDone);

    assertDone('runSync', 'run', complete);
    return result

    /**
     * @type {RunCallback<TailTree extends undefined ? Node : TailTree>}
     */
    function realDone(error, tree) {
      bail(error);
      result = tree;
      complete = true;
    }
  }

  /**
   * Compile a syntax tree.
   *
   * > **Note**: `stringify` freezes the processor if not already *frozen*.
   *
   * > **Note**: `stringify` performs the stringify phase, not the run phase
   * > or other phases.
   *
   * @param {CompileTree extends undefined ? Node : CompileTree} tree
   *   Tree to compile.
   * @param {Compatible | undefined} [file]
   *   File associated with `node` (optional); any value accepted as `x` in
   *   `new VFile(x)`.
   * @returns {CompileResult extends undefined ? Value : CompileResult}
   *   Textual representation of the tree (see note).
   *
   *   > **Note**: unified typically compiles by serializing: most compilers
   *   > return `string` (or `Uint8Array`).
   *   > Some compilers, such as the one configured with
   *   > [`rehype-react`][rehype-react], return other values (in this case, a
   *   > React tree).
   *   > If you’re using a compiler that doesn’t serialize, expect different
   *   > result values.
   *   >
   *   > To register custom results in TypeScript, add them to
   *   > {@linkcode CompileResultMap}.
   *
   *   [rehype-react]: https://github.com/rehypejs/rehype-react
   */
  stringify(tree, file) {
    this.freeze();
    const realFile = vfile(file);
    const compiler = this.compiler || this.Compiler;
    assertCompiler('stringify', compiler);
    assertNode(tree);

    return compiler(tree, realFile)
  }

  /**
   * Configure the processor to use a plugin, a list of usable values, or a
   * preset.
   *
   * If the processor is already using a plugin, the previous plugin
   * configuration is changed based on the options that are passed in.
   * In other words, the plugin is not added a second time.
   *
   * > **Note**: `use` cannot be called on *frozen* processors.
   * > Call the processor first to create a new unfrozen processor.
   *
   * @example
   *   There are many ways to pass plugins to `.use()`.
   *   This example gives an overview:
   *
   *   ```js
   *   import {unified} from 'unified'
   *
   *   unified()
   *     // Plugin with options:
   *     .use(pluginA, {x: true, y: true})
   *     // Passing the same plugin again merges configuration (to `{x: true, y: false, z: true}`):
   *     .use(pluginA, {y: false, z: true})
   *     // Plugins:
   *     .use([pluginB, pluginC])
   *     // Two plugins, the second with options:
   *     .use([pluginD, [pluginE, {}]])
   *     // Preset with plugins and settings:
   *     .use({plugins: [pluginF, [pluginG, {}]], settings: {position: false}})
   *     // Settings only:
   *     .use({settings: {position: false}})
   *   ```
   *
   * @template {Array<unknown>} [Parameters=[]]
   * @template {Node | string | undefined} [Input=undefined]
   * @template [Output=Input]
   *
   * @overload
   * @param {Preset | null | undefined} [preset]
   * @returns {Processor<ParseTree, HeadTree, TailTree, CompileTree, CompileResult>}
   *
   * @overload
   * @param {PluggableList} list
   * @returns {Processor<ParseTree, HeadTree, TailTree, CompileTree, CompileResult>}
   *
   * @overload
   * @param {Plugin<Parameters, Input, Output>} plugin
   * @param {...(Parameters | [boolean])} parameters
   * @returns {UsePlugin<ParseTree, HeadTree, TailTree, CompileTree, CompileResult, Input, Output>}
   *
   * @param {PluggableList | Plugin | Preset | null | undefined} value
   *   Usable value.
   * @param {...unknown} parameters
   *   Parameters, when a plugin is given as a usable value.
   * @returns {Processor<ParseTree, HeadTree, TailTree, CompileTree, CompileResult>}
   *   Current processor.
   */
  use(value, ...parameters) {
    const attachers = this.attachers;
    const namespace = this.namespace;

    assertUnfrozen('use', this.frozen);

    if (value === null || value === undefined) ; else if (typeof value === 'function') {
      addPlugin(value, parameters);
    } else if (typeof value === 'object') {
      if (Array.isArray(value)) {
        addList(value);
      } else {
        addPreset(value);
      }
    } else {
      throw new TypeError('Expected usable value, not `' + value + '`')
    }

    return this

    /**
     * @param {Pluggable} value
     * @returns {undefined}
     */
    function add(value) {
      if (typeof value === 'function') {
        addPlugin(value, []);
      } else if (typeof value === 'object') {
        if (Array.isArray(value)) {
          const [plugin, ...parameters] =
            /** @type {PluginTuple<Array<unknown>>} */ (value);
          addPlugin(plugin, parameters);
        } else {
          addPreset(value);
        }
      } else {
        throw new TypeError('Expected usable value, not `' + value + '`')
      }
    }

    /**
     * @param {Preset} result
     * @returns {undefined}
     */
    function addPreset(result) {
      if (!('plugins' in result) && !('settings' in result)) {
        throw new Error(
          'Expected usable value but received an empty preset, which is probably a mistake: presets typically come with `plugins` and sometimes with `settings`, but this has neither'
        )
      }

      addList(result.plugins);

      if (result.settings) {
        namespace.settings = extend(true, namespace.settings, result.settings);
      }
    }

    /**
     * @param {PluggableList | null | undefined} plugins
     * @returns {undefined}
     */
    function addList(plugins) {
      let index = -1;

      if (plugins === null || plugins === undefined) ; else if (Array.isArray(plugins)) {
        while (++index < plugins.length) {
          const thing = plugins[index];
          add(thing);
        }
      } else {
        throw new TypeError('Expected a list of plugins, not `' + plugins + '`')
      }
    }

    /**
     * @param {Plugin} plugin
     * @param {Array<unknown>} parameters
     * @returns {undefined}
     */
    function addPlugin(plugin, parameters) {
      let index = -1;
      let entryIndex = -1;

      while (++index < attachers.length) {
        if (attachers[index][0] === plugin) {
          entryIndex = index;
          break
        }
      }

      if (entryIndex === -1) {
        attachers.push([plugin, ...parameters]);
      }
      // Only set if there was at least a `primary` value, otherwise we’d change
      // `arguments.length`.
      else if (parameters.length > 0) {
        let [primary, ...rest] = parameters;
        const currentPrimary = attachers[entryIndex][1];
        if (isPlainObject(currentPrimary) && isPlainObject(primary)) {
          primary = extend(true, currentPrimary, primary);
        }

        attachers[entryIndex] = [plugin, primary, ...rest];
      }
    }
  }
}

// Note: this returns a *callable* instance.
// That’s why it’s documented as a function.
/**
 * Create a new processor.
 *
 * @example
 *   This example shows how a new processor can be created (from `remark`) and linked
 *   to **stdin**(4) and **stdout**(4).
 *
 *   ```js
 *   import process from 'node:process'
 *   import concatStream from 'concat-stream'
 *   import {remark} from 'remark'
 *
 *   process.stdin.pipe(
 *     concatStream(function (buf) {
 *       process.stdout.write(String(remark().processSync(buf)))
 *     })
 *   )
 *   ```
 *
 * @returns
 *   New *unfrozen* processor (`processor`).
 *
 *   This processor is configured to work the same as its ancestor.
 *   When the descendant processor is configured in the future it does not
 *   affect the ancestral processor.
 */
const unified = new Processor().freeze();

/**
 * Assert a parser is available.
 *
 * @param {string} name
 * @param {unknown} value
 * @returns {asserts value is Parser}
 */
function assertParser(name, value) {
  if (typeof value !== 'function') {
    throw new TypeError('Cannot `' + name + '` without `parser`')
  }
}

/**
 * Assert a compiler is available.
 *
 * @param {string} name
 * @param {unknown} value
 * @returns {asserts value is Compiler}
 */
function assertCompiler(name, value) {
  if (typeof value !== 'function') {
    throw new TypeError('Cannot `' + name + '` without `compiler`')
  }
}

/**
 * Assert the processor is not frozen.
 *
 * @param {string} name
 * @param {unknown} frozen
 * @returns {asserts frozen is false}
 */
function assertUnfrozen(name, frozen) {
  if (frozen) {
    throw new Error(
      'Cannot call `' +
        name +
        '` on a frozen processor.\nCreate a new processor first, by calling it: use `processor()` instead of `processor`.'
    )
  }
}

/**
 * Assert `node` is a unist node.
 *
 * @param {unknown} node
 * @returns {asserts node is Node}
 */
function assertNode(node) {
  // `isPlainObj` unfortunately uses `any` instead of `unknown`.
  // type-coverage:ignore-next-line
  if (!isPlainObject(node) || typeof node.type !== 'string') {
    throw new TypeError('Expected node, got `' + node + '`')
    // Fine.
  }
}

/**
 * Assert that `complete` is `true`.
 *
 * @param {string} name
 * @param {string} asyncName
 * @param {unknown} complete
 * @returns {asserts complete is true}
 */
function assertDone(name, asyncName, complete) {
  if (!complete) {
    throw new Error(
      '`' + name + '` finished async. Use `' + asyncName + '` instead'
    )
  }
}

/**
 * @param {Compatible | undefined} [value]
 * @returns {VFile}
 */
function vfile(value) {
  return looksLikeAVFile(value) ? value : new VFile(value)
}

/**
 * @param {Compatible | undefined} [value]
 * @returns {value is VFile}
 */
function looksLikeAVFile(value) {
  return Boolean(
    value &&
      typeof value === 'object' &&
      'message' in value &&
      'messages' in value
  )
}

/**
 * @param {unknown} [value]
 * @returns {value is Value}
 */
function looksLikeAValue(value) {
  return typeof value === 'string' || isUint8Array(value)
}

/**
 * Assert `value` is an `Uint8Array`.
 *
 * @param {unknown} value
 *   thing.
 * @returns {value is Uint8Array}
 *   Whether `value` is an `Uint8Array`.
 */
function isUint8Array(value) {
  return Boolean(
    value &&
      typeof value === 'object' &&
      'byteLength' in value &&
      'byteOffset' in value
  )
}

/** The longest untrusted string shown in full; longer ones are cut with an ellipsis. */
const MAX_UNTRUSTED_LENGTH = 120;
const ZWNJ = '\u200c';
// Bidirectional overrides and isolates, zero-width and other format characters that can disguise text.
const INVISIBLE = /[\u200b\u200d-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/**
 * Makes untrusted text inert for GitHub markdown: one line, no control or direction-override characters,
 * and @mentions, #references (and GH-12), bare URLs, e-mail autolinks and HTML comment openers broken with a zero-width
 * non-joiner. Markdown syntax itself (`<`, `|`, `[`, `*` …) is escaped by remark-stringify because the result
 * only ever enters the tree as a text or inline-code node.
 */
function neutralize(value, maxLength = MAX_UNTRUSTED_LENGTH) {
    let s = String(value ?? '');
    s = s.replace(/\r\n?|\n/g, ' ⏎ ').replace(/\t/g, ' ');
    s = s.replace(INVISIBLE, '�').replace(CONTROL, '�');
    if (s.length > maxLength)
        s = `${s.slice(0, maxLength - 1)}…`;
    return s
        .replace(/@/g, `@${ZWNJ}`)
        .replace(/#(?=\w)/g, `#${ZWNJ}`)
        .replace(/\b(GH)-(?=\d)/gi, `$1${ZWNJ}-`)
        .replace(/:\/\//g, `:${ZWNJ}//`)
        .replace(/\bwww\./gi, m => `${m.slice(0, 3)}${ZWNJ}.`)
        .replace(/<!/g, `<${ZWNJ}!`)
        .replace(/::/g, `:${ZWNJ}:`);
}
/** Own text from a template literal: `` own`${n} runs` ``; only numbers and own text may be interpolated. */
function own(strings, ...parts) {
    return strings.reduce((out, s, i) => out + s + (i < parts.length ? String(parts[i]) : ''), '');
}
/**
 * Declares a string the project composed from its own words and numbers as `Own`. Only the formatting modules
 * (report/format.ts, report/chart.ts) may call it (the lint enforces this); everything else uses `own` or `text`.
 */
function trusted(value) {
    return value;
}
/** Untrusted text as a text node: the only way text from run outputs, PRs or comments enters a tree. */
function untrusted(value, maxLength) {
    return { type: 'text', value: neutralize(value, maxLength) };
}
/** Untrusted text as inline code (run names, commits, values): neutralised like `untrusted`; `""` when empty. */
function untrustedCode(value, maxLength) {
    // Markdown has no empty code span (`` renders as two backticks): an empty value is shown as an empty string.
    return { type: 'inlineCode', value: neutralize(value, maxLength) || '""' };
}
/** Own text as a text node: `` text`In words: ` `` or `text(ownValue)`; a plain string does not compile. */
function text$2(strings, ...parts) {
    return { type: 'text', value: typeof strings === 'string' ? strings : own(strings, ...parts) };
}
/** Own text as inline code: `` code`experiment-review` ``. */
function code(strings, ...parts) {
    return { type: 'inlineCode', value: typeof strings === 'string' ? strings : own(strings, ...parts) };
}
/** Bold. */
function strong(...children) {
    return { type: 'strong', children };
}
/** A link to a URL we built ourselves (never one taken from input). */
function link(url, ...children) {
    return { type: 'link', url, children };
}
/** A name made of letters, digits, `.`, `_`, `-` and `:` only (others become `-`): safe in a marker or an id. */
function safeName(value) {
    return value.replace(/[^A-Za-z0-9._:-]/g, '-');
}
const SAFE_URL = /^https?:\/\/[^\s<>()[\]"'`\\]+$/;
/**
 * A GitHub web URL built from the server's web root (GITHUB_SERVER_URL, trusted runner configuration) and path
 * segments, each percent-encoded: `githubUrl('https://github.com', 'acme', 'models', 'pull', 7)`. Undefined when the
 * root is not an http(s) URL.
 */
function githubUrl(serverUrl, ...segments) {
    const root = (serverUrl ?? '').replace(/\/+$/, '');
    if (!SAFE_URL.test(root))
        return undefined;
    return [root, ...segments.map(s => encodeURIComponent(String(s)))].join('/');
}
/** A URL GitHub gave us (e.g. a comment's html_url) checked to be a plain http(s) URL; undefined otherwise. */
function checkedUrl(value) {
    return value && SAFE_URL.test(value) ? value : undefined;
}
/** A paragraph. */
function paragraph(...children) {
    return { type: 'paragraph', children };
}
/** A heading. */
function heading(depth, ...children) {
    return { type: 'heading', depth, children };
}
/** A bullet list of paragraphs. */
function bulletList(items) {
    return {
        type: 'list',
        ordered: false,
        spread: false,
        children: items.map((children) => ({
            type: 'listItem',
            spread: false,
            children: [paragraph(...children)]
        }))
    };
}
/** A GFM table; every row has as many cells as the header. */
function table(align, header, rows) {
    const cell = (c) => ({
        type: 'tableCell',
        children: c === undefined ? [] : typeof c === 'string' ? (c ? [text$2(c)] : []) : Array.isArray(c) ? c : [c]
    });
    const row = (cells) => ({
        type: 'tableRow',
        children: header.map((_, i) => cell(cells[i]))
    });
    return { type: 'table', align, children: [row(header), ...rows.map(row)] };
}
/** A fenced code block (e.g. a Mermaid chart) whose content we built from sanitised parts. */
function codeBlock(lang, value) {
    return { type: 'code', lang, value };
}
/** Raw HTML we wrote ourselves (markers, details tags). Only this module and the docs markers build it. */
function trustedHtml(value) {
    return { type: 'html', value };
}
/** Escapes text for the inside of an HTML element we write (e.g. a <summary>): entities only. */
function escapeHtml(value) {
    return value.replace(/[&<>"']/g, c => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}
/** The HTML of a summary line; text nodes are already own or neutralised, so only HTML entities remain to escape. */
function summaryHtml(summary) {
    const nodes = typeof summary === 'string' ? [text$2(summary)] : summary;
    const html = (n) => {
        if (n.type === 'inlineCode')
            return `<code>${escapeHtml(n.value)}</code>`;
        if (n.type === 'text')
            return escapeHtml(n.value);
        if (n.type === 'link' && SAFE_URL.test(n.url))
            return `<a href="${escapeHtml(n.url)}">${n.children.map(html).join('')}</a>`;
        throw new Error(`a summary line cannot hold a ${n.type} node`);
    };
    return nodes.map(html).join('').replace(/\r?\n/g, ' ');
}
/** A folded section: `<details><summary>…</summary>` around block content. */
function details(summary, children, open = false) {
    return [
        trustedHtml(own `<details${open ? own ` open` : own ``}><summary>${trusted(summaryHtml(summary))}</summary>`),
        ...children,
        trustedHtml(own `</details>`)
    ];
}
/** The hidden marker of the PR comment of a review id (see hiddenMarker) as a node. */
function marker(id) {
    return trustedHtml(trusted(hiddenMarker(id)));
}
/** A root node. */
function root(children) {
    return { type: 'root', children };
}
/** Small print (`<sub>`) around phrasing content. */
function small(children) {
    return [
        {
            type: 'paragraph',
            children: [
                trustedHtml(own `<sub>`),
                ...children,
                trustedHtml(own `</sub>`)
            ]
        }
    ];
}
const processor = unified().use(remarkGfm).use(remarkStringify, {
    bullet: '-',
    fences: true,
    rule: '-',
    emphasis: '_',
    strong: '*',
    listItemIndent: 'one',
    tightDefinitions: true
});
/** The one place a tree becomes markdown. */
function stringify(tree) {
    const node = Array.isArray(tree) ? root(tree) : tree;
    return processor.stringify(node);
}

const MINUS = '−';
/** The fewest significant digits a number is ever shown with, in every surface. */
const MIN_SIGNIFICANT_DIGITS = 3;
/** The most decimal places a number is written with before it switches to exponent notation. */
const MAX_DECIMALS = 6;
/** Decimal places a value needs to show `digits` significant digits (3: 0.00025 → 6, 0.9 → 3, 12.5 → 1, 123456 → 0). */
function decimalsToKeepDigits(abs, digits = MIN_SIGNIFICANT_DIGITS) {
    return Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
}
/**
 * Decimal places for a column of values, from their magnitude (4 below 1, 3 below 10, 1 below 1000, else 0), and
 * more when a small value needs them to keep three significant digits (up to six places).
 */
function decimalsFor(...values) {
    const finite = values.filter((v) => v !== undefined && Number.isFinite(v)).map(Math.abs);
    const largest = finite.length ? Math.max(...finite) : 0;
    const byMagnitude = largest >= 1000 ? 0 : largest >= 10 ? 1 : largest >= 1 ? 3 : 4;
    const needed = finite.filter(v => v > 0).map(v => Math.min(MAX_DECIMALS, decimalsToKeepDigits(v)));
    return Math.max(byMagnitude, ...needed);
}
/**
 * A number with a proper minus sign; NaN and infinities spelled out. `decimals` is a minimum (so a column lines up);
 * a value that would keep fewer than `minSignificant` significant digits gets more places (0.00025 → 0.000250), or
 * exponent notation beyond six places or from 1e9 up (2.50e-7, 1.23e+12).
 */
function fmtNumber(value, decimals, minSignificant = MIN_SIGNIFICANT_DIGITS) {
    if (Number.isNaN(value))
        return trusted('NaN');
    if (value === Infinity)
        return trusted('∞');
    if (value === -Infinity)
        return trusted(`${MINUS}∞`);
    const abs = Math.abs(value);
    let s;
    if (abs === 0)
        s = value.toFixed(decimals);
    else {
        const needed = Math.max(decimals, decimalsToKeepDigits(abs, minSignificant));
        s =
            abs >= 1e9 || needed > MAX_DECIMALS
                ? value.toExponential(MIN_SIGNIFICANT_DIGITS - 1)
                : value.toFixed(needed);
    }
    return trusted(s.replace(/^-/, MINUS));
}
/**
 * A signed difference: +1.00 or −1.00, at the decimals of the values it is the difference of (a change is as precise
 * as its values), never rounded to zero: a change too small for those decimals gets its first digit.
 */
function fmtSigned(value, decimals, minSignificant = 1) {
    const s = fmtNumber(value, decimals, minSignificant);
    return value > 0 ? trusted(`+${s}`) : s;
}
/** The exact text of a number a double could not hold, as read from a run file (digits only, else made inert). */
function exactText(exact) {
    return trusted(/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(exact) ? exact : neutralize(exact, 40));
}
/** A metric value: mean ± sd when there are samples, the exact text when a double could not hold it. */
function fmtStat(stat, decimals) {
    if (!stat)
        return trusted('—');
    if (stat.exact)
        return exactText(stat.exact);
    const base = fmtNumber(stat.value, decimals);
    // The spread is shown at the value's decimals (one significant digit at least): it qualifies the value.
    return stat.n > 1 && stat.sd !== undefined ? trusted(`${base} ± ${fmtNumber(stat.sd, decimals, 1)}`) : base;
}
/** True when a change reads best in percentage points (a maximised fraction such as accuracy). */
function inPoints(m) {
    const values = [m.baseline?.value, m.current?.value].filter((v) => v !== undefined);
    return m.goal === 'maximize' && values.length > 0 && values.every(v => v >= 0 && v <= 1);
}
/** The change of a metric: "−3.00 pts (−3.3%)" or "+0.010 (+3.3%)" (relative part optional); "new" or "vanished". */
function fmtChange(m, withRelative = true) {
    if (m.status === 'added')
        return trusted('new');
    if (m.status === 'removed')
        return trusted('vanished');
    if (m.change === undefined)
        return trusted('not comparable');
    const decimals = decimalsFor(m.baseline?.value, m.current?.value);
    const absolute = inPoints(m) ? `${fmtSigned(m.change * 100, 2)} pts` : fmtSigned(m.change, decimals);
    if (!withRelative)
        return trusted(absolute);
    const relative = m.relativeChange !== undefined && Number.isFinite(m.relativeChange)
        ? ` (${fmtSigned(m.relativeChange * 100, 1, 2)}%)`
        : '';
    return trusted(`${absolute}${relative}`);
}
/** The arrow of a metric's goal: ↑ maximize, ↓ minimize. */
function goalArrow(m) {
    return trusted(m.goal === 'maximize' ? '↑' : '↓');
}
/** What the numbers mean, in words: "significant drop (p = 0.004)", "within noise (p = 0.41)", "better". */
function fmtMeaning(m) {
    return trusted(meaningWords(m));
}
function meaningWords(m) {
    const s = m.significance;
    if (m.status === 'added')
        return 'new metric';
    if (m.status === 'removed')
        return 'no longer reported';
    if (m.status === 'not-comparable')
        return 'not comparable (not a finite number)';
    if (m.status === 'unchanged')
        return 'unchanged';
    const worse = m.status === 'regressed';
    const moved = worse ? (m.goal === 'maximize' ? 'drop' : 'rise') : 'improvement';
    const direction = worse ? 'worse' : 'better';
    switch (s?.state) {
        case 'significant':
            return `significant ${moved} (${pPhrase(s.p)})`;
        case 'within-noise':
            return `within noise (${pPhrase(s.p)})`;
        case 'exact':
            return `${direction} (no variance: an exact difference)`;
        case 'inconclusive':
            return `${direction}; inconclusive: too few samples to test (${s.n.baseline} vs ${s.n.current})`;
        default:
            return direction;
    }
}
/**
 * The rule status of a metric in words: "rule: drop ≤ 1% broken", "rule: ≤ 50 met", "not gated", and who accepted a
 * regression and why. A plain string: it carries a login and a reason, so markdown takes it through `untrusted`.
 */
function fmtRules(m) {
    if (!m.checks.length)
        return m.gated ? 'gated' : 'not gated';
    return m.checks
        .map(c => {
        const note = checkNote(c, m.significance);
        const state = c.passed
            ? note
                ? `met (${note})`
                : 'met'
            : 'inconclusive' in c && c.inconclusive
                ? 'broken (inconclusive: too few samples to rule out noise)'
                : 'broken';
        return `rule: ${checkText(c, m)} ${state}`;
    })
        .concat(m.accepted ? [`accepted by ${m.accepted.by}: ${m.accepted.reason}`] : [])
        .join('; ');
}
/** A one-line sentence for a metric: "accuracy −0.80 pts (p = 0.41, within noise)". */
function metricSentence(m) {
    return `${m.name} ${fmtChange(m, false)}${m.significance ? ` (${significanceWords(m.significance)})` : ''}`;
}
/** The status icon of a metric row. */
function metricIcon(m) {
    return trusted(m.broken ? '❌' : m.accepted ? '⚠️' : !m.gated ? '➖' : '✅');
}
/** A short commit sha. */
function shortSha(sha) {
    return sha ? sha.slice(0, 7) : undefined;
}

// Terminal escape sequences and other control characters from untrusted text must never reach the terminal.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Untrusted text made safe for a terminal line: control, escape and direction characters replaced. */
function plain(value, max = 80) {
    // `::` is broken so no workflow command (::error::, ::add-mask::) can start from untrusted text in a runner log.
    const s = String(value ?? '')
        .replace(/\r\n?|\n/g, ' ⏎ ')
        .replace(UNSAFE, '�')
        .replace(/::/g, ':\u200c:');
    return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
/** Lays out rows as aligned columns (the first row is the header). */
function columns(rows, align = []) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map(r => [...(r[i] ?? '')].length)));
    const line = (r) => r
        .map((c, i) => {
        const pad = ' '.repeat(widths[i] - [...c].length);
        return align[i] === 'right' ? pad + c : c + pad;
    })
        .join('  ')
        .trimEnd();
    return [line(rows[0]), widths.map(w => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
/** The comparison as terminal text. */
function renderText(c) {
    const out = [];
    const broken = c.violations.filter(v => !v.accepted);
    out.push(c.verdict === 'fail'
        ? `FAIL: ${broken.length} rule${broken.length === 1 ? '' : 's'} broken`
        : c.verdict === 'no-baseline'
            ? 'NO BASELINE: nothing to compare against yet'
            : 'PASS: all rules met');
    for (const v of broken)
        out.push(`  ✗ ${plain(violationMessage(v), 200)}`);
    if (c.champion) {
        out.push('', `Champion: ${plain(c.champion.name)}${c.primary ? ` (best ${plain(c.primary)} of ${c.experiments.length})` : ''}${c.baseline ? `  vs baseline ${plain(c.baseline.name)}` : ''}`);
    }
    if (c.metrics.length) {
        const rows = [['', 'metric', 'baseline', 'this', 'change', 'verdict']];
        for (const m of c.metrics) {
            const d = decimalsFor(m.baseline?.value, m.current?.value);
            rows.push([
                m.broken ? '✗' : m.accepted ? '!' : m.gated ? '✓' : '·',
                `${plain(m.name, 40)} ${goalArrow(m)}`,
                fmtStat(m.baseline, d),
                fmtStat(m.current, d),
                fmtChange(m),
                `${fmtMeaning(m)}; ${plain(fmtRules(m), 300)}`
            ]);
        }
        out.push('', columns(rows, ['left', 'left', 'right', 'right', 'right', 'left']));
    }
    if (c.notLikeForLike.length)
        out.push('', `Not like for like: ${plain(c.notLikeForLike.map(notLikeForLikeText).join('; '), 300)}`);
    if (c.params.length) {
        out.push('', 'Parameters changed:');
        for (const p of c.params)
            out.push(`  ${plain(p.name, 40)}: ${p.kind === 'added' ? '—' : plain(paramText(p.baseline), 30)} → ${p.kind === 'removed' ? '—' : plain(paramText(p.current), 30)}`);
    }
    if (c.experiments.length > 1) {
        const primary = c.primary;
        const rows = [['run', primary ? plain(primary, 30) : '', 'status']];
        for (const e of c.experiments) {
            const stat = primary ? e.metrics[primary] : undefined;
            rows.push([
                plain(e.name, 40),
                stat ? fmtStat(stat, decimalsFor(stat.value)) : '—',
                e.status + (e.runs.length > 1 ? ` (${e.runs.length} runs)` : '')
            ]);
        }
        out.push('', `All runs (${c.experiments.length}), best first:`, columns(rows, ['left', 'right', 'left']));
    }
    if (c.warnings.length) {
        out.push('', `Warnings (${c.warnings.length}):`);
        for (const w of c.warnings)
            out.push(`  ! ${plain(warningMessage(w), 200)}`);
    }
    return `${out.join('\n')}\n`;
}
/** A list of runs as terminal text. */
function renderRunList(runs) {
    if (!runs.length)
        return 'No runs found.\n';
    const rows = [['run', 'format', 'status', 'metrics', 'params', 'path']];
    for (const r of runs)
        rows.push([
            plain(r.name, 40),
            r.source,
            r.metadata.status,
            String(Object.keys(r.metrics).length),
            String(Object.keys(r.params).length),
            plain(r.path, 60)
        ]);
    return `${columns(rows)}\n`;
}
/** One run in detail as terminal text. */
function renderRun(run) {
    const out = [
        `${plain(run.name, 100)}  (${run.source}, ${plain(run.path, 100)})`,
        `status: ${run.metadata.status}${run.metadata.statusReason ? ` (${plain(run.metadata.statusReason)})` : ''}`
    ];
    const m = run.metadata;
    for (const [label, value] of [
        ['commit', m.gitCommit],
        ['data', m.dataVersion],
        ['group', m.group],
        ['author', m.author],
        ['description', m.description],
        ['hypothesis', m.hypothesis]
    ]) {
        if (value)
            out.push(`${label}: ${plain(value, 120)}`);
    }
    if (m.tags.length)
        out.push(`tags: ${m.tags.map(t => plain(t, 40)).join(', ')}`);
    const metrics = Object.entries(run.metrics);
    if (metrics.length) {
        const rows = [['metric', 'value', 'history']];
        for (const [k, v] of metrics)
            rows.push([
                plain(k, 50),
                v.exact ?? fmtStat({ value: v.value, samples: [v.value], n: 1 }, decimalsFor(v.value)),
                historyText(v)
            ]);
        out.push('', columns(rows, ['left', 'right', 'left']));
    }
    const params = Object.entries(run.params);
    if (params.length) {
        const rows = [['param', 'value']];
        for (const [k, v] of params)
            rows.push([plain(k, 50), plain(paramText(v), 60)]);
        out.push('', columns(rows));
    }
    const env = Object.entries(m.environment);
    if (env.length)
        out.push('', ...env.map(([k, v]) => `env ${plain(k, 30)}: ${plain(v, 80)}`));
    return `${out.join('\n')}\n`;
}
/** A history's length: "1,001 points (500 kept)" when the reader thinned it, "120 points" when it kept all. */
function historyText(metric) {
    if (!metric.history)
        return '';
    const kept = metric.history.length;
    const full = Math.max(metric.historyPoints ?? kept, kept);
    const count = (n) => n.toLocaleString('en-US');
    return full > kept
        ? `${count(full)} point${full === 1 ? '' : 's'} (${count(kept)} kept)`
        : `${count(full)} point${full === 1 ? '' : 's'}`;
}
/** Diagnostics as terminal lines for stderr. */
function renderDiagnostics(diagnostics) {
    return diagnostics
        .map(d => `${d.severity}: ${plain(formatDiagnostic(d), 400)}`)
        .join('\n');
}

var utils = {};

var constants;
var hasRequiredConstants;

function requireConstants () {
	if (hasRequiredConstants) return constants;
	hasRequiredConstants = 1;

	const WIN_SLASH = '\\\\/';
	const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

	const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

	/**
	 * Posix glob regex
	 */

	const DOT_LITERAL = '\\.';
	const PLUS_LITERAL = '\\+';
	const QMARK_LITERAL = '\\?';
	const SLASH_LITERAL = '\\/';
	const ONE_CHAR = '(?=.)';
	const QMARK = '[^/]';
	const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
	const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
	const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
	const NO_DOT = `(?!${DOT_LITERAL})`;
	const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
	const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
	const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
	const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
	const STAR = `${QMARK}*?`;
	const SEP = '/';

	const POSIX_CHARS = {
	  DOT_LITERAL,
	  PLUS_LITERAL,
	  QMARK_LITERAL,
	  SLASH_LITERAL,
	  ONE_CHAR,
	  QMARK,
	  END_ANCHOR,
	  DOTS_SLASH,
	  NO_DOT,
	  NO_DOTS,
	  NO_DOT_SLASH,
	  NO_DOTS_SLASH,
	  QMARK_NO_DOT,
	  STAR,
	  START_ANCHOR,
	  SEP
	};

	/**
	 * Windows glob regex
	 */

	const WINDOWS_CHARS = {
	  ...POSIX_CHARS,

	  SLASH_LITERAL: `[${WIN_SLASH}]`,
	  QMARK: WIN_NO_SLASH,
	  STAR: `${WIN_NO_SLASH}*?`,
	  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
	  NO_DOT: `(?!${DOT_LITERAL})`,
	  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
	  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
	  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
	  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
	  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
	  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
	  SEP: '\\'
	};

	/**
	 * POSIX Bracket Regex
	 */

	const POSIX_REGEX_SOURCE = {
	  __proto__: null,
	  alnum: 'a-zA-Z0-9',
	  alpha: 'a-zA-Z',
	  ascii: '\\x00-\\x7F',
	  blank: ' \\t',
	  cntrl: '\\x00-\\x1F\\x7F',
	  digit: '0-9',
	  graph: '\\x21-\\x7E',
	  lower: 'a-z',
	  print: '\\x20-\\x7E ',
	  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
	  space: ' \\t\\r\\n\\v\\f',
	  upper: 'A-Z',
	  word: 'A-Za-z0-9_',
	  xdigit: 'A-Fa-f0-9'
	};

	constants = {
	  DEFAULT_MAX_EXTGLOB_RECURSION,
	  MAX_LENGTH: 1024 * 64,
	  POSIX_REGEX_SOURCE,

	  // regular expressions
	  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
	  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
	  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
	  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
	  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
	  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

	  // Replace globs with equivalent patterns to reduce parsing time.
	  REPLACEMENTS: {
	    __proto__: null,
	    '***': '*',
	    '**/**': '**',
	    '**/**/**': '**'
	  },

	  // Digits
	  CHAR_0: 48, /* 0 */
	  CHAR_9: 57, /* 9 */

	  // Alphabet chars.
	  CHAR_UPPERCASE_A: 65, /* A */
	  CHAR_LOWERCASE_A: 97, /* a */
	  CHAR_UPPERCASE_Z: 90, /* Z */
	  CHAR_LOWERCASE_Z: 122, /* z */

	  CHAR_LEFT_PARENTHESES: 40, /* ( */
	  CHAR_RIGHT_PARENTHESES: 41, /* ) */

	  CHAR_ASTERISK: 42, /* * */

	  // Non-alphabetic chars.
	  CHAR_AMPERSAND: 38, /* & */
	  CHAR_AT: 64, /* @ */
	  CHAR_BACKWARD_SLASH: 92, /* \ */
	  CHAR_CARRIAGE_RETURN: 13, /* \r */
	  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
	  CHAR_COLON: 58, /* : */
	  CHAR_COMMA: 44, /* , */
	  CHAR_DOT: 46, /* . */
	  CHAR_DOUBLE_QUOTE: 34, /* " */
	  CHAR_EQUAL: 61, /* = */
	  CHAR_EXCLAMATION_MARK: 33, /* ! */
	  CHAR_FORM_FEED: 12, /* \f */
	  CHAR_FORWARD_SLASH: 47, /* / */
	  CHAR_GRAVE_ACCENT: 96, /* ` */
	  CHAR_HASH: 35, /* # */
	  CHAR_HYPHEN_MINUS: 45, /* - */
	  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
	  CHAR_LEFT_CURLY_BRACE: 123, /* { */
	  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
	  CHAR_LINE_FEED: 10, /* \n */
	  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
	  CHAR_PERCENT: 37, /* % */
	  CHAR_PLUS: 43, /* + */
	  CHAR_QUESTION_MARK: 63, /* ? */
	  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
	  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
	  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
	  CHAR_SEMICOLON: 59, /* ; */
	  CHAR_SINGLE_QUOTE: 39, /* ' */
	  CHAR_SPACE: 32, /*   */
	  CHAR_TAB: 9, /* \t */
	  CHAR_UNDERSCORE: 95, /* _ */
	  CHAR_VERTICAL_LINE: 124, /* | */
	  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

	  /**
	   * Create EXTGLOB_CHARS
	   */

	  extglobChars(chars) {
	    return {
	      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
	      '?': { type: 'qmark', open: '(?:', close: ')?' },
	      '+': { type: 'plus', open: '(?:', close: ')+' },
	      '*': { type: 'star', open: '(?:', close: ')*' },
	      '@': { type: 'at', open: '(?:', close: ')' }
	    };
	  },

	  /**
	   * Create GLOB_CHARS
	   */

	  globChars(win32) {
	    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
	  }
	};
	return constants;
}

/*global navigator*/

var hasRequiredUtils;

function requireUtils () {
	if (hasRequiredUtils) return utils;
	hasRequiredUtils = 1;
	(function (exports) {

		const {
		  REGEX_BACKSLASH,
		  REGEX_REMOVE_BACKSLASH,
		  REGEX_SPECIAL_CHARS,
		  REGEX_SPECIAL_CHARS_GLOBAL
		} = /*@__PURE__*/ requireConstants();

		exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
		exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
		exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
		exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
		exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

		exports.isWindows = () => {
		  if (typeof navigator !== 'undefined' && navigator.platform) {
		    const platform = navigator.platform.toLowerCase();
		    return platform === 'win32' || platform === 'windows';
		  }

		  if (typeof process !== 'undefined' && process.platform) {
		    return process.platform === 'win32';
		  }

		  return false;
		};

		exports.removeBackslashes = str => {
		  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
		    return match === '\\' ? '' : match;
		  });
		};

		exports.escapeLast = (input, char, lastIdx) => {
		  const idx = input.lastIndexOf(char, lastIdx);
		  if (idx === -1) return input;
		  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
		  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
		};

		exports.removePrefix = (input, state = {}) => {
		  let output = input;
		  if (output.startsWith('./')) {
		    output = output.slice(2);
		    state.prefix = './';
		  }
		  return output;
		};

		exports.wrapOutput = (input, state = {}, options = {}) => {
		  const prepend = options.contains ? '' : '^';
		  const append = options.contains ? '' : '$';

		  let output = `${prepend}(?:${input})${append}`;
		  if (state.negated === true) {
		    output = `(?:^(?!${output}).*$)`;
		  }
		  return output;
		};

		exports.basename = (path, { windows } = {}) => {
		  const segs = path.split(windows ? /[\\/]/ : '/');
		  const last = segs[segs.length - 1];

		  if (last === '') {
		    return segs[segs.length - 2];
		  }

		  return last;
		}; 
	} (utils));
	return utils;
}

var scan_1;
var hasRequiredScan;

function requireScan () {
	if (hasRequiredScan) return scan_1;
	hasRequiredScan = 1;

	const utils = /*@__PURE__*/ requireUtils();
	const {
	  CHAR_ASTERISK,             /* * */
	  CHAR_AT,                   /* @ */
	  CHAR_BACKWARD_SLASH,       /* \ */
	  CHAR_COMMA,                /* , */
	  CHAR_DOT,                  /* . */
	  CHAR_EXCLAMATION_MARK,     /* ! */
	  CHAR_FORWARD_SLASH,        /* / */
	  CHAR_LEFT_CURLY_BRACE,     /* { */
	  CHAR_LEFT_PARENTHESES,     /* ( */
	  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
	  CHAR_PLUS,                 /* + */
	  CHAR_QUESTION_MARK,        /* ? */
	  CHAR_RIGHT_CURLY_BRACE,    /* } */
	  CHAR_RIGHT_PARENTHESES,    /* ) */
	  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
	} = /*@__PURE__*/ requireConstants();

	const isPathSeparator = code => {
	  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
	};

	const depth = token => {
	  if (token.isPrefix !== true) {
	    token.depth = token.isGlobstar ? Infinity : 1;
	  }
	};

	/**
	 * Quickly scans a glob pattern and returns an object with a handful of
	 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
	 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
	 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
	 *
	 * ```js
	 * const pm = require('picomatch');
	 * console.log(pm.scan('foo/bar/*.js'));
	 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
	 * ```
	 * @param {String} `str`
	 * @param {Object} `options`
	 * @return {Object} Returns an object with tokens and regex source string.
	 * @api public
	 */

	const scan = (input, options) => {
	  const opts = options || {};

	  const length = input.length - 1;
	  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
	  const slashes = [];
	  const tokens = [];
	  const parts = [];

	  let str = input;
	  let index = -1;
	  let start = 0;
	  let lastIndex = 0;
	  let isBrace = false;
	  let isBracket = false;
	  let isGlob = false;
	  let isExtglob = false;
	  let isGlobstar = false;
	  let braceEscaped = false;
	  let backslashes = false;
	  let negated = false;
	  let negatedExtglob = false;
	  let finished = false;
	  let braces = 0;
	  let prev;
	  let code;
	  let token = { value: '', depth: 0, isGlob: false };

	  const eos = () => index >= length;
	  const peek = () => str.charCodeAt(index + 1);
	  const advance = () => {
	    prev = code;
	    return str.charCodeAt(++index);
	  };

	  while (index < length) {
	    code = advance();
	    let next;

	    if (code === CHAR_BACKWARD_SLASH) {
	      backslashes = token.backslashes = true;
	      code = advance();

	      if (code === CHAR_LEFT_CURLY_BRACE) {
	        braceEscaped = true;
	      }
	      continue;
	    }

	    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
	      braces++;

	      while (eos() !== true && (code = advance())) {
	        if (code === CHAR_BACKWARD_SLASH) {
	          backslashes = token.backslashes = true;
	          advance();
	          continue;
	        }

	        if (code === CHAR_LEFT_CURLY_BRACE) {
	          braces++;
	          continue;
	        }

	        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
	          isBrace = token.isBrace = true;
	          isGlob = token.isGlob = true;
	          finished = true;

	          if (scanToEnd === true) {
	            continue;
	          }

	          break;
	        }

	        if (braceEscaped !== true && code === CHAR_COMMA) {
	          isBrace = token.isBrace = true;
	          isGlob = token.isGlob = true;
	          finished = true;

	          if (scanToEnd === true) {
	            continue;
	          }

	          break;
	        }

	        if (code === CHAR_RIGHT_CURLY_BRACE) {
	          braces--;

	          if (braces === 0) {
	            braceEscaped = false;
	            isBrace = token.isBrace = true;
	            finished = true;
	            break;
	          }
	        }
	      }

	      if (scanToEnd === true) {
	        continue;
	      }

	      break;
	    }

	    if (code === CHAR_FORWARD_SLASH) {
	      slashes.push(index);
	      tokens.push(token);
	      token = { value: '', depth: 0, isGlob: false };

	      if (finished === true) continue;
	      if (prev === CHAR_DOT && index === (start + 1)) {
	        start += 2;
	        continue;
	      }

	      lastIndex = index + 1;
	      continue;
	    }

	    if (opts.noext !== true) {
	      const isExtglobChar = code === CHAR_PLUS
	        || code === CHAR_AT
	        || code === CHAR_ASTERISK
	        || code === CHAR_QUESTION_MARK
	        || code === CHAR_EXCLAMATION_MARK;

	      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
	        isGlob = token.isGlob = true;
	        isExtglob = token.isExtglob = true;
	        finished = true;
	        if (code === CHAR_EXCLAMATION_MARK && index === start) {
	          negatedExtglob = true;
	        }

	        if (scanToEnd === true) {
	          let parens = 0;

	          while (eos() !== true && (code = advance())) {
	            if (code === CHAR_BACKWARD_SLASH) {
	              backslashes = token.backslashes = true;
	              advance();
	              continue;
	            }

	            if (code === CHAR_LEFT_PARENTHESES) {
	              parens++;
	              continue;
	            }

	            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
	              finished = true;
	              break;
	            }
	          }
	          continue;
	        }
	        break;
	      }
	    }

	    if (code === CHAR_ASTERISK) {
	      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
	      isGlob = token.isGlob = true;
	      finished = true;

	      if (scanToEnd === true) {
	        continue;
	      }
	      break;
	    }

	    if (code === CHAR_QUESTION_MARK) {
	      isGlob = token.isGlob = true;
	      finished = true;

	      if (scanToEnd === true) {
	        continue;
	      }
	      break;
	    }

	    if (code === CHAR_LEFT_SQUARE_BRACKET) {
	      while (eos() !== true && (next = advance())) {
	        if (next === CHAR_BACKWARD_SLASH) {
	          backslashes = token.backslashes = true;
	          advance();
	          continue;
	        }

	        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
	          isBracket = token.isBracket = true;
	          isGlob = token.isGlob = true;
	          finished = true;
	          break;
	        }
	      }

	      if (scanToEnd === true) {
	        continue;
	      }

	      break;
	    }

	    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
	      negated = token.negated = true;
	      start++;
	      continue;
	    }

	    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
	      isGlob = token.isGlob = true;

	      if (scanToEnd === true) {
	        let parens = 1;

	        while (eos() !== true && (code = advance())) {
	          if (code === CHAR_BACKWARD_SLASH) {
	            backslashes = token.backslashes = true;
	            advance();
	            continue;
	          }

	          if (code === CHAR_LEFT_PARENTHESES) {
	            parens++;
	            continue;
	          }

	          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
	            finished = true;
	            break;
	          }
	        }
	        continue;
	      }
	      break;
	    }

	    if (isGlob === true) {
	      finished = true;

	      if (scanToEnd === true) {
	        continue;
	      }

	      break;
	    }
	  }

	  if (opts.noext === true) {
	    isExtglob = false;
	    isGlob = false;
	  }

	  let base = str;
	  let prefix = '';
	  let glob = '';

	  if (start > 0) {
	    prefix = str.slice(0, start);
	    str = str.slice(start);
	    lastIndex -= start;
	  }

	  if (base && isGlob === true && lastIndex > 0) {
	    base = str.slice(0, lastIndex);
	    glob = str.slice(lastIndex);
	  } else if (isGlob === true) {
	    base = '';
	    glob = str;
	  } else {
	    base = str;
	  }

	  if (base && base !== '' && base !== '/' && base !== str) {
	    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
	      base = base.slice(0, -1);
	    }
	  }

	  if (opts.unescape === true) {
	    if (glob) glob = utils.removeBackslashes(glob);

	    if (base && backslashes === true) {
	      base = utils.removeBackslashes(base);
	    }
	  }

	  const state = {
	    prefix,
	    input,
	    start,
	    base,
	    glob,
	    isBrace,
	    isBracket,
	    isGlob,
	    isExtglob,
	    isGlobstar,
	    negated,
	    negatedExtglob
	  };

	  if (opts.tokens === true) {
	    state.maxDepth = 0;
	    if (!isPathSeparator(code)) {
	      tokens.push(token);
	    }
	    state.tokens = tokens;
	  }

	  if (opts.parts === true || opts.tokens === true) {
	    let prevIndex;

	    for (let idx = 0; idx < slashes.length; idx++) {
	      const n = prevIndex !== undefined ? prevIndex + 1 : start;
	      const i = slashes[idx];
	      const value = input.slice(n, i);
	      if (opts.tokens) {
	        if (idx === 0 && start !== 0) {
	          tokens[idx].isPrefix = true;
	          tokens[idx].value = prefix;
	        } else {
	          tokens[idx].value = value;
	        }
	        depth(tokens[idx]);
	        state.maxDepth += tokens[idx].depth;
	      }
	      if (i >= start) {
	        parts.push(value);
	        prevIndex = i;
	      }
	    }

	    const n = prevIndex !== undefined ? prevIndex + 1 : start;
	    const value = input.slice(n);
	    parts.push(value);

	    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
	      tokens[tokens.length - 1].value = value;
	      depth(tokens[tokens.length - 1]);
	      state.maxDepth += tokens[tokens.length - 1].depth;
	    }

	    state.slashes = slashes;
	    state.parts = parts;
	  }

	  return state;
	};

	scan_1 = scan;
	return scan_1;
}

var parse_1;
var hasRequiredParse;

function requireParse () {
	if (hasRequiredParse) return parse_1;
	hasRequiredParse = 1;

	const constants = /*@__PURE__*/ requireConstants();
	const utils = /*@__PURE__*/ requireUtils();

	/**
	 * Constants
	 */

	const {
	  MAX_LENGTH,
	  POSIX_REGEX_SOURCE,
	  REGEX_NON_SPECIAL_CHARS,
	  REGEX_SPECIAL_CHARS_BACKREF,
	  REPLACEMENTS
	} = constants;

	/**
	 * Helpers
	 */

	const expandRange = (args, options) => {
	  if (typeof options.expandRange === 'function') {
	    return options.expandRange(...args, options);
	  }

	  args.sort();
	  const value = `[${args.join('-')}]`;

	  try {
	    /* eslint-disable-next-line no-new */
	    new RegExp(value);
	  } catch (ex) {
	    return args.map(v => utils.escapeRegex(v)).join('..');
	  }

	  return value;
	};

	/**
	 * Create the message for a syntax error
	 */

	const syntaxError = (type, char) => {
	  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
	};

	const splitTopLevel = input => {
	  const parts = [];
	  let bracket = 0;
	  let paren = 0;
	  let quote = 0;
	  let value = '';
	  let escaped = false;

	  for (const ch of input) {
	    if (escaped === true) {
	      value += ch;
	      escaped = false;
	      continue;
	    }

	    if (ch === '\\') {
	      value += ch;
	      escaped = true;
	      continue;
	    }

	    if (ch === '"') {
	      quote = quote === 1 ? 0 : 1;
	      value += ch;
	      continue;
	    }

	    if (quote === 0) {
	      if (ch === '[') {
	        bracket++;
	      } else if (ch === ']' && bracket > 0) {
	        bracket--;
	      } else if (bracket === 0) {
	        if (ch === '(') {
	          paren++;
	        } else if (ch === ')' && paren > 0) {
	          paren--;
	        } else if (ch === '|' && paren === 0) {
	          parts.push(value);
	          value = '';
	          continue;
	        }
	      }
	    }

	    value += ch;
	  }

	  parts.push(value);
	  return parts;
	};

	const isPlainBranch = branch => {
	  let escaped = false;

	  for (const ch of branch) {
	    if (escaped === true) {
	      escaped = false;
	      continue;
	    }

	    if (ch === '\\') {
	      escaped = true;
	      continue;
	    }

	    if (/[?*+@!()[\]{}]/.test(ch)) {
	      return false;
	    }
	  }

	  return true;
	};

	const normalizeSimpleBranch = branch => {
	  let value = branch.trim();
	  let changed = true;

	  while (changed === true) {
	    changed = false;

	    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
	      value = value.slice(2, -1);
	      changed = true;
	    }
	  }

	  if (!isPlainBranch(value)) {
	    return;
	  }

	  return value.replace(/\\(.)/g, '$1');
	};

	const hasRepeatedCharPrefixOverlap = branches => {
	  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

	  for (let i = 0; i < values.length; i++) {
	    for (let j = i + 1; j < values.length; j++) {
	      const a = values[i];
	      const b = values[j];
	      const char = a[0];

	      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
	        continue;
	      }

	      if (a === b || a.startsWith(b) || b.startsWith(a)) {
	        return true;
	      }
	    }
	  }

	  return false;
	};

	const parseRepeatedExtglob = (pattern, requireEnd = true) => {
	  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
	    return;
	  }

	  let bracket = 0;
	  let paren = 0;
	  let quote = 0;
	  let escaped = false;

	  for (let i = 1; i < pattern.length; i++) {
	    const ch = pattern[i];

	    if (escaped === true) {
	      escaped = false;
	      continue;
	    }

	    if (ch === '\\') {
	      escaped = true;
	      continue;
	    }

	    if (ch === '"') {
	      quote = quote === 1 ? 0 : 1;
	      continue;
	    }

	    if (quote === 1) {
	      continue;
	    }

	    if (ch === '[') {
	      bracket++;
	      continue;
	    }

	    if (ch === ']' && bracket > 0) {
	      bracket--;
	      continue;
	    }

	    if (bracket > 0) {
	      continue;
	    }

	    if (ch === '(') {
	      paren++;
	      continue;
	    }

	    if (ch === ')') {
	      paren--;

	      if (paren === 0) {
	        if (requireEnd === true && i !== pattern.length - 1) {
	          return;
	        }

	        return {
	          type: pattern[0],
	          body: pattern.slice(2, i),
	          end: i
	        };
	      }
	    }
	  }
	};

	const buildCharClassStar = chars => {
	  const source = chars.length === 1
	    ? utils.escapeRegex(chars[0])
	    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

	  return `${source}*`;
	};

	const getStarExtglobSequenceChars = pattern => {
	  let index = 0;
	  const chars = [];

	  while (index < pattern.length) {
	    const match = parseRepeatedExtglob(pattern.slice(index), false);

	    if (!match || match.type !== '*') {
	      return;
	    }

	    const branches = splitTopLevel(match.body).map(branch => branch.trim());
	    if (branches.length !== 1) {
	      return;
	    }

	    const branch = normalizeSimpleBranch(branches[0]);
	    if (!branch || branch.length !== 1) {
	      return;
	    }

	    chars.push(branch);
	    index += match.end + 1;
	  }

	  if (chars.length < 1) {
	    return;
	  }

	  return chars;
	};

	const repeatedExtglobRecursion = pattern => {
	  let depth = 0;
	  let value = pattern.trim();
	  let match = parseRepeatedExtglob(value);

	  while (match) {
	    depth++;
	    value = match.body.trim();
	    match = parseRepeatedExtglob(value);
	  }

	  return depth;
	};

	const analyzeRepeatedExtglob = (body, options) => {
	  if (options.maxExtglobRecursion === false) {
	    return { risky: false };
	  }

	  const max =
	    typeof options.maxExtglobRecursion === 'number'
	      ? options.maxExtglobRecursion
	      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

	  const branches = splitTopLevel(body).map(branch => branch.trim());

	  if (branches.length > 1) {
	    if (
	      branches.some(branch => branch === '') ||
	      branches.some(branch => /^[*?]+$/.test(branch)) ||
	      hasRepeatedCharPrefixOverlap(branches)
	    ) {
	      return { risky: true };
	    }
	  }

	  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
	  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
	  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
	  // characters we can emit one flat, ReDoS-safe character class that preserves the
	  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
	  // every branch but the first.
	  const safeChars = [];
	  let sawStarSequence = false;
	  let combinable = true;

	  for (const branch of branches) {
	    const chars = getStarExtglobSequenceChars(branch);
	    if (chars) {
	      sawStarSequence = true;
	      safeChars.push(...chars);
	      continue;
	    }

	    const literal = normalizeSimpleBranch(branch);
	    if (literal && literal.length === 1) {
	      safeChars.push(literal);
	      continue;
	    }

	    combinable = false;

	    if (repeatedExtglobRecursion(branch) > max) {
	      return { risky: true };
	    }
	  }

	  if (sawStarSequence) {
	    return combinable
	      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
	      : { risky: true };
	  }

	  return { risky: false };
	};

	/**
	 * Parse the given input string.
	 * @param {String} input
	 * @param {Object} options
	 * @return {Object}
	 */

	const parse = (input, options) => {
	  if (typeof input !== 'string') {
	    throw new TypeError('Expected a string');
	  }

	  input = REPLACEMENTS[input] || input;

	  const opts = { ...options };
	  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

	  let len = input.length;
	  if (len > max) {
	    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
	  }

	  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
	  const tokens = [bos];

	  const capture = opts.capture ? '' : '?:';

	  // create constants based on platform, for windows or posix
	  const PLATFORM_CHARS = constants.globChars(opts.windows);
	  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

	  const {
	    DOT_LITERAL,
	    PLUS_LITERAL,
	    SLASH_LITERAL,
	    ONE_CHAR,
	    DOTS_SLASH,
	    NO_DOT,
	    NO_DOT_SLASH,
	    NO_DOTS_SLASH,
	    QMARK,
	    QMARK_NO_DOT,
	    STAR,
	    START_ANCHOR
	  } = PLATFORM_CHARS;

	  const globstar = opts => {
	    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
	  };

	  const nodot = opts.dot ? '' : NO_DOT;
	  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
	  let star = opts.bash === true ? globstar(opts) : STAR;

	  if (opts.capture) {
	    star = `(${star})`;
	  }

	  // minimatch options support
	  if (typeof opts.noext === 'boolean') {
	    opts.noextglob = opts.noext;
	  }

	  const state = {
	    input,
	    index: -1,
	    start: 0,
	    dot: opts.dot === true,
	    consumed: '',
	    output: '',
	    prefix: '',
	    backtrack: false,
	    negated: false,
	    brackets: 0,
	    braces: 0,
	    parens: 0,
	    quotes: 0,
	    globstar: false,
	    tokens
	  };

	  input = utils.removePrefix(input, state);
	  len = input.length;

	  const extglobs = [];
	  const braces = [];
	  const stack = [];
	  let prev = bos;
	  let value;

	  /**
	   * Tokenizing helpers
	   */

	  const eos = () => state.index === len - 1;
	  const peek = state.peek = (n = 1) => input[state.index + n];
	  const advance = state.advance = () => input[++state.index] || '';
	  const remaining = () => input.slice(state.index + 1);
	  const consume = (value = '', num = 0) => {
	    state.consumed += value;
	    state.index += num;
	  };

	  const append = token => {
	    state.output += token.output != null ? token.output : token.value;
	    consume(token.value);
	  };

	  const negate = () => {
	    let count = 1;

	    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
	      advance();
	      state.start++;
	      count++;
	    }

	    if (count % 2 === 0) {
	      return false;
	    }

	    state.negated = true;
	    state.start++;
	    return true;
	  };

	  const increment = type => {
	    state[type]++;
	    stack.push(type);
	  };

	  const decrement = type => {
	    state[type]--;
	    stack.pop();
	  };

	  /**
	   * Push tokens onto the tokens array. This helper speeds up
	   * tokenizing by 1) helping us avoid backtracking as much as possible,
	   * and 2) helping us avoid creating extra tokens when consecutive
	   * characters are plain text. This improves performance and simplifies
	   * lookbehinds.
	   */

	  const push = tok => {
	    if (prev.type === 'globstar') {
	      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
	      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

	      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
	        state.output = state.output.slice(0, -prev.output.length);
	        prev.type = 'star';
	        prev.value = '*';
	        prev.output = star;
	        state.output += prev.output;
	      }
	    }

	    if (extglobs.length && tok.type !== 'paren') {
	      extglobs[extglobs.length - 1].inner += tok.value;
	    }

	    if (tok.value || tok.output) append(tok);
	    if (prev && prev.type === 'text' && tok.type === 'text') {
	      prev.output = (prev.output || prev.value) + tok.value;
	      prev.value += tok.value;
	      return;
	    }

	    tok.prev = prev;
	    tokens.push(tok);
	    prev = tok;
	  };

	  const extglobOpen = (type, value) => {
	    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

	    token.prev = prev;
	    token.parens = state.parens;
	    token.output = state.output;
	    token.startIndex = state.index;
	    token.tokensIndex = tokens.length;
	    const output = (opts.capture ? '(' : '') + token.open;

	    increment('parens');
	    push({ type, value, output: state.output ? '' : ONE_CHAR });
	    push({ type: 'paren', extglob: true, value: advance(), output });
	    extglobs.push(token);
	  };

	  const extglobClose = token => {
	    const literal = input.slice(token.startIndex, state.index + 1);
	    const body = input.slice(token.startIndex + 2, state.index);
	    const analysis = analyzeRepeatedExtglob(body, opts);

	    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
	      const safeOutput = analysis.safeOutput
	        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
	        : undefined;
	      const open = tokens[token.tokensIndex];

	      open.type = 'text';
	      open.value = literal;
	      open.output = safeOutput || utils.escapeRegex(literal);

	      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
	        tokens[i].value = '';
	        tokens[i].output = '';
	        delete tokens[i].suffix;
	      }

	      state.output = token.output + open.output;
	      state.backtrack = true;

	      push({ type: 'paren', extglob: true, value, output: '' });
	      decrement('parens');
	      return;
	    }

	    let output = token.close + (opts.capture ? ')' : '');
	    let rest;

	    if (token.type === 'negate') {
	      let extglobStar = star;

	      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
	        extglobStar = globstar(opts);
	      }

	      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
	        output = token.close = `)$))${extglobStar}`;
	      }

	      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
	        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
	        // In this case, we need to parse the string and use it in the output of the original pattern.
	        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
	        //
	        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
	        const expression = parse(rest, { ...options, fastpaths: false }).output;

	        output = token.close = `)${expression})${extglobStar})`;
	      }

	      if (token.prev.type === 'bos') {
	        state.negatedExtglob = true;
	      }
	    }

	    push({ type: 'paren', extglob: true, value, output });
	    decrement('parens');
	  };

	  /**
	   * Fast paths
	   */

	  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
	    let backslashes = false;

	    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
	      if (first === '\\') {
	        backslashes = true;
	        return m;
	      }

	      if (first === '?') {
	        if (esc) {
	          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
	        }
	        if (index === 0) {
	          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
	        }
	        return QMARK.repeat(chars.length);
	      }

	      if (first === '.') {
	        return DOT_LITERAL.repeat(chars.length);
	      }

	      if (first === '*') {
	        if (esc) {
	          return esc + first + (rest ? star : '');
	        }
	        return star;
	      }
	      return esc ? m : `\\${m}`;
	    });

	    if (backslashes === true) {
	      if (opts.unescape === true) {
	        output = output.replace(/\\/g, '');
	      } else {
	        output = output.replace(/\\+/g, m => {
	          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
	        });
	      }
	    }

	    if (output === input && opts.contains === true) {
	      state.output = input;
	      return state;
	    }

	    state.output = utils.wrapOutput(output, state, options);
	    return state;
	  }

	  /**
	   * Tokenize input until we reach end-of-string
	   */

	  while (!eos()) {
	    value = advance();

	    if (value === '\u0000') {
	      continue;
	    }

	    /**
	     * Escaped characters
	     */

	    if (value === '\\') {
	      const next = peek();

	      if (next === '/' && opts.bash !== true) {
	        continue;
	      }

	      if (next === '.' || next === ';') {
	        continue;
	      }

	      if (!next) {
	        value += '\\';
	        push({ type: 'text', value });
	        continue;
	      }

	      // collapse slashes to reduce potential for exploits
	      const match = /^\\+/.exec(remaining());
	      let slashes = 0;

	      if (match && match[0].length > 2) {
	        slashes = match[0].length;
	        state.index += slashes;
	        if (slashes % 2 !== 0) {
	          value += '\\';
	        }
	      }

	      if (opts.unescape === true) {
	        value = advance();
	      } else {
	        value += advance();
	      }

	      if (state.brackets === 0) {
	        push({ type: 'text', value });
	        continue;
	      }
	    }

	    /**
	     * If we're inside a regex character class, continue
	     * until we reach the closing bracket.
	     */

	    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
	      if (opts.posix !== false && value === ':') {
	        const inner = prev.value.slice(1);
	        if (inner.includes('[')) {
	          prev.posix = true;

	          if (inner.includes(':')) {
	            const idx = prev.value.lastIndexOf('[');
	            const pre = prev.value.slice(0, idx);
	            const rest = prev.value.slice(idx + 2);
	            const posix = POSIX_REGEX_SOURCE[rest];
	            if (posix) {
	              prev.value = pre + posix;
	              state.backtrack = true;
	              advance();

	              if (!bos.output && tokens.indexOf(prev) === 1) {
	                bos.output = ONE_CHAR;
	              }
	              continue;
	            }
	          }
	        }
	      }

	      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
	        value = `\\${value}`;
	      }

	      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
	        value = `\\${value}`;
	      }

	      if (opts.posix === true && value === '!' && prev.value === '[') {
	        value = '^';
	      }

	      prev.value += value;
	      append({ value });
	      continue;
	    }

	    /**
	     * If we're inside a quoted string, continue
	     * until we reach the closing double quote.
	     */

	    if (state.quotes === 1 && value !== '"') {
	      value = utils.escapeRegex(value);
	      prev.value += value;
	      append({ value });
	      continue;
	    }

	    /**
	     * Double quotes
	     */

	    if (value === '"') {
	      state.quotes = state.quotes === 1 ? 0 : 1;
	      if (opts.keepQuotes === true) {
	        push({ type: 'text', value });
	      }
	      continue;
	    }

	    /**
	     * Parentheses
	     */

	    if (value === '(') {
	      increment('parens');
	      push({ type: 'paren', value });
	      continue;
	    }

	    if (value === ')') {
	      if (state.parens === 0 && opts.strictBrackets === true) {
	        throw new SyntaxError(syntaxError('opening', '('));
	      }

	      const extglob = extglobs[extglobs.length - 1];
	      if (extglob && state.parens === extglob.parens + 1) {
	        extglobClose(extglobs.pop());
	        continue;
	      }

	      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
	      decrement('parens');
	      continue;
	    }

	    /**
	     * Square brackets
	     */

	    if (value === '[') {
	      if (opts.nobracket === true || !remaining().includes(']')) {
	        if (opts.nobracket !== true && opts.strictBrackets === true) {
	          throw new SyntaxError(syntaxError('closing', ']'));
	        }

	        value = `\\${value}`;
	      } else {
	        increment('brackets');
	      }

	      push({ type: 'bracket', value });
	      continue;
	    }

	    if (value === ']') {
	      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
	        push({ type: 'text', value, output: `\\${value}` });
	        continue;
	      }

	      if (state.brackets === 0) {
	        if (opts.strictBrackets === true) {
	          throw new SyntaxError(syntaxError('opening', '['));
	        }

	        push({ type: 'text', value, output: `\\${value}` });
	        continue;
	      }

	      decrement('brackets');

	      const prevValue = prev.value.slice(1);
	      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
	        value = `/${value}`;
	      }

	      prev.value += value;
	      append({ value });

	      // when literal brackets are explicitly disabled
	      // assume we should match with a regex character class
	      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
	        continue;
	      }

	      const escaped = utils.escapeRegex(prev.value);
	      state.output = state.output.slice(0, -prev.value.length);

	      // when literal brackets are explicitly enabled
	      // assume we should escape the brackets to match literal characters
	      if (opts.literalBrackets === true) {
	        state.output += escaped;
	        prev.value = escaped;
	        continue;
	      }

	      // when the user specifies nothing, try to match both
	      prev.value = `(${capture}${escaped}|${prev.value})`;
	      state.output += prev.value;
	      continue;
	    }

	    /**
	     * Braces
	     */

	    if (value === '{' && opts.nobrace !== true) {
	      increment('braces');

	      const open = {
	        type: 'brace',
	        value,
	        output: '(',
	        outputIndex: state.output.length,
	        tokensIndex: state.tokens.length
	      };

	      braces.push(open);
	      push(open);
	      continue;
	    }

	    if (value === '}') {
	      const brace = braces[braces.length - 1];

	      if (opts.nobrace === true || !brace) {
	        push({ type: 'text', value, output: value });
	        continue;
	      }

	      let output = ')';

	      if (brace.dots === true) {
	        const arr = tokens.slice();
	        const range = [];

	        for (let i = arr.length - 1; i >= 0; i--) {
	          tokens.pop();
	          if (arr[i].type === 'brace') {
	            break;
	          }
	          if (arr[i].type !== 'dots') {
	            range.unshift(arr[i].value);
	          }
	        }

	        output = expandRange(range, opts);
	        state.backtrack = true;
	      }

	      if (brace.comma !== true && brace.dots !== true) {
	        const out = state.output.slice(0, brace.outputIndex);
	        const toks = state.tokens.slice(brace.tokensIndex);
	        brace.value = brace.output = '\\{';
	        value = output = '\\}';
	        state.output = out;
	        for (const t of toks) {
	          state.output += (t.output || t.value);
	        }
	      }

	      push({ type: 'brace', value, output });
	      decrement('braces');
	      braces.pop();
	      continue;
	    }

	    /**
	     * Pipes
	     */

	    if (value === '|') {
	      if (extglobs.length > 0) {
	        extglobs[extglobs.length - 1].conditions++;
	      }
	      push({ type: 'text', value });
	      continue;
	    }

	    /**
	     * Commas
	     */

	    if (value === ',') {
	      let output = value;

	      const brace = braces[braces.length - 1];
	      if (brace && stack[stack.length - 1] === 'braces') {
	        brace.comma = true;
	        output = '|';
	      }

	      push({ type: 'comma', value, output });
	      continue;
	    }

	    /**
	     * Slashes
	     */

	    if (value === '/') {
	      // if the beginning of the glob is "./", advance the start
	      // to the current index, and don't add the "./" characters
	      // to the state. This greatly simplifies lookbehinds when
	      // checking for BOS characters like "!" and "." (not "./")
	      if (prev.type === 'dot' && state.index === state.start + 1) {
	        state.start = state.index + 1;
	        state.consumed = '';
	        state.output = '';
	        tokens.pop();
	        prev = bos; // reset "prev" to the first token
	        continue;
	      }

	      push({ type: 'slash', value, output: SLASH_LITERAL });
	      continue;
	    }

	    /**
	     * Dots
	     */

	    if (value === '.') {
	      if (state.braces > 0 && prev.type === 'dot') {
	        if (prev.value === '.') prev.output = DOT_LITERAL;
	        const brace = braces[braces.length - 1];
	        prev.type = 'dots';
	        prev.output += value;
	        prev.value += value;
	        brace.dots = true;
	        continue;
	      }

	      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
	        push({ type: 'text', value, output: DOT_LITERAL });
	        continue;
	      }

	      push({ type: 'dot', value, output: DOT_LITERAL });
	      continue;
	    }

	    /**
	     * Question marks
	     */

	    if (value === '?') {
	      const isGroup = prev && prev.value === '(';
	      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
	        extglobOpen('qmark', value);
	        continue;
	      }

	      if (prev && prev.type === 'paren') {
	        const next = peek();
	        let output = value;

	        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
	          output = `\\${value}`;
	        }

	        push({ type: 'text', value, output });
	        continue;
	      }

	      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
	        push({ type: 'qmark', value, output: QMARK_NO_DOT });
	        continue;
	      }

	      push({ type: 'qmark', value, output: QMARK });
	      continue;
	    }

	    /**
	     * Exclamation
	     */

	    if (value === '!') {
	      if (opts.noextglob !== true && peek() === '(') {
	        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
	          extglobOpen('negate', value);
	          continue;
	        }
	      }

	      if (opts.nonegate !== true && state.index === 0) {
	        negate();
	        continue;
	      }
	    }

	    /**
	     * Plus
	     */

	    if (value === '+') {
	      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
	        extglobOpen('plus', value);
	        continue;
	      }

	      if ((prev && prev.value === '(') || opts.regex === false) {
	        push({ type: 'plus', value, output: PLUS_LITERAL });
	        continue;
	      }

	      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
	        push({ type: 'plus', value });
	        continue;
	      }

	      push({ type: 'plus', value: PLUS_LITERAL });
	      continue;
	    }

	    /**
	     * Plain text
	     */

	    if (value === '@') {
	      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
	        push({ type: 'at', extglob: true, value, output: '' });
	        continue;
	      }

	      push({ type: 'text', value });
	      continue;
	    }

	    /**
	     * Plain text
	     */

	    if (value !== '*') {
	      if (value === '$' || value === '^') {
	        value = `\\${value}`;
	      }

	      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
	      if (match) {
	        value += match[0];
	        state.index += match[0].length;
	      }

	      push({ type: 'text', value });
	      continue;
	    }

	    /**
	     * Stars
	     */

	    if (prev && (prev.type === 'globstar' || prev.star === true)) {
	      prev.type = 'star';
	      prev.star = true;
	      prev.value += value;
	      prev.output = star;
	      state.backtrack = true;
	      state.globstar = true;
	      consume(value);
	      continue;
	    }

	    let rest = remaining();
	    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
	      extglobOpen('star', value);
	      continue;
	    }

	    if (prev.type === 'star') {
	      if (opts.noglobstar === true) {
	        consume(value);
	        continue;
	      }

	      const prior = prev.prev;
	      const before = prior.prev;
	      const isStart = prior.type === 'slash' || prior.type === 'bos';
	      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

	      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
	        push({ type: 'star', value, output: '' });
	        continue;
	      }

	      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
	      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
	      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
	        push({ type: 'star', value, output: '' });
	        continue;
	      }

	      // strip consecutive `/**/`
	      while (rest.slice(0, 3) === '/**') {
	        const after = input[state.index + 4];
	        if (after && after !== '/') {
	          break;
	        }
	        rest = rest.slice(3);
	        consume('/**', 3);
	      }

	      // A globstar followed only by balanced closing parens is at the logical end of patterns like
	      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
	      // parent path, except in negated extglobs where that would change the exclusion semantics.
	      const isEnd = eos() || (
	        state.parens > 0
	        && rest === ')'.repeat(state.parens)
	        && !extglobs.some(extglob => extglob.type === 'negate')
	      );

	      if (prior.type === 'bos' && eos()) {
	        prev.type = 'globstar';
	        prev.value += value;
	        prev.output = globstar(opts);
	        state.output = prev.output;
	        state.globstar = true;
	        consume(value);
	        continue;
	      }

	      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
	        state.output = state.output.slice(0, -(prior.output + prev.output).length);
	        prior.output = `(?:${prior.output}`;

	        prev.type = 'globstar';
	        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
	        prev.value += value;
	        state.globstar = true;
	        state.output += prior.output + prev.output;
	        consume(value);
	        continue;
	      }

	      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
	        const end = rest[1] !== void 0 ? '|$' : '';

	        state.output = state.output.slice(0, -(prior.output + prev.output).length);
	        prior.output = `(?:${prior.output}`;

	        prev.type = 'globstar';
	        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
	        prev.value += value;

	        state.output += prior.output + prev.output;
	        state.globstar = true;

	        consume(value + advance());

	        push({ type: 'slash', value: '/', output: '' });
	        continue;
	      }

	      if (prior.type === 'bos' && rest[0] === '/') {
	        prev.type = 'globstar';
	        prev.value += value;
	        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
	        state.output = prev.output;
	        state.globstar = true;
	        consume(value + advance());
	        push({ type: 'slash', value: '/', output: '' });
	        continue;
	      }

	      // remove single star from output
	      state.output = state.output.slice(0, -prev.output.length);

	      // reset previous token to globstar
	      prev.type = 'globstar';
	      prev.output = globstar(opts);
	      prev.value += value;

	      // reset output with globstar
	      state.output += prev.output;
	      state.globstar = true;
	      consume(value);
	      continue;
	    }

	    const token = { type: 'star', value, output: star };

	    if (opts.bash === true) {
	      token.output = '.*?';
	      if (prev.type === 'bos' || prev.type === 'slash') {
	        token.output = nodot + token.output;
	      }
	      push(token);
	      continue;
	    }

	    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
	      token.output = value;
	      push(token);
	      continue;
	    }

	    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
	      if (prev.type === 'dot') {
	        state.output += NO_DOT_SLASH;
	        prev.output += NO_DOT_SLASH;

	      } else if (opts.dot === true) {
	        state.output += NO_DOTS_SLASH;
	        prev.output += NO_DOTS_SLASH;

	      } else {
	        state.output += nodot;
	        prev.output += nodot;
	      }

	      if (peek() !== '*') {
	        state.output += ONE_CHAR;
	        prev.output += ONE_CHAR;
	      }
	    }

	    push(token);
	  }

	  while (state.brackets > 0) {
	    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
	    state.output = utils.escapeLast(state.output, '[');
	    decrement('brackets');
	  }

	  while (state.parens > 0) {
	    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
	    state.output = utils.escapeLast(state.output, '(');
	    decrement('parens');
	  }

	  while (state.braces > 0) {
	    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
	    state.output = utils.escapeLast(state.output, '{');
	    decrement('braces');
	  }

	  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
	    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
	  }

	  // rebuild the output if we had to backtrack at any point
	  if (state.backtrack === true) {
	    state.output = '';

	    for (const token of state.tokens) {
	      state.output += token.output != null ? token.output : token.value;

	      if (token.suffix) {
	        state.output += token.suffix;
	      }
	    }
	  }

	  return state;
	};

	/**
	 * Fast paths for creating regular expressions for common glob patterns.
	 * This can significantly speed up processing and has very little downside
	 * impact when none of the fast paths match.
	 */

	parse.fastpaths = (input, options) => {
	  const opts = { ...options };
	  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
	  const len = input.length;
	  if (len > max) {
	    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
	  }

	  input = REPLACEMENTS[input] || input;

	  // create constants based on platform, for windows or posix
	  const {
	    DOT_LITERAL,
	    SLASH_LITERAL,
	    ONE_CHAR,
	    DOTS_SLASH,
	    NO_DOT,
	    NO_DOTS,
	    NO_DOTS_SLASH,
	    STAR,
	    START_ANCHOR
	  } = constants.globChars(opts.windows);

	  const nodot = opts.dot ? NO_DOTS : NO_DOT;
	  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
	  const capture = opts.capture ? '' : '?:';
	  const state = { negated: false, prefix: '' };
	  let star = opts.bash === true ? '.*?' : STAR;

	  if (opts.capture) {
	    star = `(${star})`;
	  }

	  const globstar = opts => {
	    if (opts.noglobstar === true) return star;
	    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
	  };

	  const create = str => {
	    switch (str) {
	      case '*':
	        return `${nodot}${ONE_CHAR}${star}`;

	      case '.*':
	        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

	      case '*.*':
	        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

	      case '*/*':
	        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

	      case '**':
	        return nodot + globstar(opts);

	      case '**/*':
	        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

	      case '**/*.*':
	        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

	      case '**/.*':
	        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

	      default: {
	        const match = /^(.*?)\.(\w+)$/.exec(str);
	        if (!match) return;

	        const source = create(match[1]);
	        if (!source) return;

	        return source + DOT_LITERAL + match[2];
	      }
	    }
	  };

	  const output = utils.removePrefix(input, state);
	  let source = create(output);

	  if (source && opts.strictSlashes !== true) {
	    source += `${SLASH_LITERAL}?`;
	  }

	  return source;
	};

	parse_1 = parse;
	return parse_1;
}

var picomatch_1$1;
var hasRequiredPicomatch$1;

function requirePicomatch$1 () {
	if (hasRequiredPicomatch$1) return picomatch_1$1;
	hasRequiredPicomatch$1 = 1;

	const scan = /*@__PURE__*/ requireScan();
	const parse = /*@__PURE__*/ requireParse();
	const utils = /*@__PURE__*/ requireUtils();
	const constants = /*@__PURE__*/ requireConstants();
	const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

	/**
	 * Creates a matcher function from one or more glob patterns. The
	 * returned function takes a string to match as its first argument,
	 * and returns true if the string is a match. The returned matcher
	 * function also takes a boolean as the second argument that, when true,
	 * returns an object with additional information.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch(glob[, options]);
	 *
	 * const isMatch = picomatch('*.!(*a)');
	 * console.log(isMatch('a.a')); //=> false
	 * console.log(isMatch('a.b')); //=> true
	 *
	 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
	 * const picomatch = require('picomatch/posix');
	 * // the same API, defaulting to posix paths
	 * const isMatch = picomatch('a/*');
	 * console.log(isMatch('a\\b')); //=> false
	 * console.log(isMatch('a/b')); //=> true
	 *
	 * // you can still configure the matcher function to accept windows paths
	 * const isMatch = picomatch('a/*', { options: windows });
	 * console.log(isMatch('a\\b')); //=> true
	 * console.log(isMatch('a/b')); //=> true
	 * ```
	 * @name picomatch
	 * @param {String|Array} `globs` One or more glob patterns.
	 * @param {Object=} `options`
	 * @return {Function=} Returns a matcher function.
	 * @api public
	 */

	const picomatch = (glob, options, returnState = false) => {
	  if (Array.isArray(glob)) {
	    const fns = glob.map(input => picomatch(input, options, returnState));
	    const arrayMatcher = str => {
	      for (const isMatch of fns) {
	        const state = isMatch(str);
	        if (state) return state;
	      }
	      return false;
	    };
	    return arrayMatcher;
	  }

	  const isState = isObject(glob) && glob.tokens && glob.input;

	  if (glob === '' || (typeof glob !== 'string' && !isState)) {
	    throw new TypeError('Expected pattern to be a non-empty string');
	  }

	  const opts = options || {};
	  const posix = opts.windows;
	  const regex = isState
	    ? picomatch.compileRe(glob, options)
	    : picomatch.makeRe(glob, options, false, true);

	  const state = regex.state;
	  delete regex.state;

	  let isIgnored = () => false;
	  if (opts.ignore) {
	    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
	    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
	  }

	  const matcher = (input, returnObject = false) => {
	    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
	    const result = { glob, state, regex, posix, input, output, match, isMatch };

	    if (typeof opts.onResult === 'function') {
	      opts.onResult(result);
	    }

	    if (isMatch === false) {
	      result.isMatch = false;
	      return returnObject ? result : false;
	    }

	    if (isIgnored(input)) {
	      if (typeof opts.onIgnore === 'function') {
	        opts.onIgnore(result);
	      }
	      result.isMatch = false;
	      return returnObject ? result : false;
	    }

	    if (typeof opts.onMatch === 'function') {
	      opts.onMatch(result);
	    }
	    return returnObject ? result : true;
	  };

	  if (returnState) {
	    matcher.state = state;
	  }

	  return matcher;
	};

	/**
	 * Test `input` with the given `regex`. This is used by the main
	 * `picomatch()` function to test the input string.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.test(input, regex[, options]);
	 *
	 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
	 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
	 * ```
	 * @param {String} `input` String to test.
	 * @param {RegExp} `regex`
	 * @return {Object} Returns an object with matching info.
	 * @api public
	 */

	picomatch.test = (input, regex, options, { glob, posix } = {}) => {
	  if (typeof input !== 'string') {
	    throw new TypeError('Expected input to be a string');
	  }

	  if (input === '') {
	    return { isMatch: false, output: '' };
	  }

	  const opts = options || {};
	  const format = opts.format || (posix ? utils.toPosixSlashes : null);
	  let match = input === glob;
	  let output = (match && format) ? format(input) : input;

	  if (match === false) {
	    output = format ? format(input) : input;
	    match = output === glob;
	  }

	  if (match === false || opts.capture === true) {
	    if (opts.matchBase === true || opts.basename === true) {
	      match = picomatch.matchBase(input, regex, options, posix);
	    } else {
	      match = regex.exec(output);
	    }
	  }

	  return { isMatch: Boolean(match), match, output };
	};

	/**
	 * Match the basename of a filepath.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.matchBase(input, glob[, options]);
	 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
	 * ```
	 * @param {String} `input` String to test.
	 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
	 * @return {Boolean}
	 * @api public
	 */

	picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
	  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
	  return regex.test(utils.basename(input, { windows: posix }));
	};

	/**
	 * Returns true if **any** of the given glob `patterns` match the specified `string`.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.isMatch(string, patterns[, options]);
	 *
	 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
	 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
	 * ```
	 * @param {String|Array} str The string to test.
	 * @param {String|Array} patterns One or more glob patterns to use for matching.
	 * @param {Object} [options] See available [options](#options).
	 * @return {Boolean} Returns true if any patterns match `str`
	 * @api public
	 */

	picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

	/**
	 * Parse a glob pattern to create the source string for a regular
	 * expression.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * const result = picomatch.parse(pattern[, options]);
	 * ```
	 * @param {String} `pattern`
	 * @param {Object} `options`
	 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
	 * @api public
	 */

	picomatch.parse = (pattern, options) => {
	  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
	  return parse(pattern, { ...options, fastpaths: false });
	};

	/**
	 * Scan a glob pattern to separate the pattern into segments.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.scan(input[, options]);
	 *
	 * const result = picomatch.scan('!./foo/*.js');
	 * console.log(result);
	 * { prefix: '!./',
	 *   input: '!./foo/*.js',
	 *   start: 3,
	 *   base: 'foo',
	 *   glob: '*.js',
	 *   isBrace: false,
	 *   isBracket: false,
	 *   isGlob: true,
	 *   isExtglob: false,
	 *   isGlobstar: false,
	 *   negated: true }
	 * ```
	 * @param {String} `input` Glob pattern to scan.
	 * @param {Object} `options`
	 * @return {Object} Returns an object with
	 * @api public
	 */

	picomatch.scan = (input, options) => scan(input, options);

	/**
	 * Compile a regular expression from the `state` object returned by the
	 * [parse()](#parse) method.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * const state = picomatch.parse('*.js');
	 * // picomatch.compileRe(state[, options]);
	 *
	 * console.log(picomatch.compileRe(state));
	 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
	 * ```
	 * @param {Object} `state`
	 * @param {Object} `options`
	 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
	 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
	 * @return {RegExp}
	 * @api public
	 */

	picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
	  if (returnOutput === true) {
	    return state.output;
	  }

	  const opts = options || {};
	  const prepend = opts.contains ? '' : '^';
	  const append = opts.contains ? '' : '$';

	  let source = `${prepend}(?:${state.output})${append}`;
	  if (state && state.negated === true) {
	    source = `^(?!${source}).*$`;
	  }

	  const regex = picomatch.toRegex(source, options);
	  if (returnState === true) {
	    regex.state = state;
	  }

	  return regex;
	};

	/**
	 * Create a regular expression from a parsed glob pattern.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.makeRe(state[, options]);
	 *
	 * const result = picomatch.makeRe('*.js');
	 * console.log(result);
	 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
	 * ```
	 * @param {String} `state` The object returned from the `.parse` method.
	 * @param {Object} `options`
	 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
	 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
	 * @return {RegExp} Returns a regex created from the given pattern.
	 * @api public
	 */

	picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
	  if (!input || typeof input !== 'string') {
	    throw new TypeError('Expected a non-empty string');
	  }

	  let parsed = { negated: false, fastpaths: true };

	  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
	    parsed.output = parse.fastpaths(input, options);
	  }

	  if (!parsed.output) {
	    parsed = parse(input, options);
	  }

	  return picomatch.compileRe(parsed, options, returnOutput, returnState);
	};

	/**
	 * Create a regular expression from the given regex source string.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.toRegex(source[, options]);
	 *
	 * const { output } = picomatch.parse('*.js');
	 * console.log(picomatch.toRegex(output));
	 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
	 * ```
	 * @param {String} `source` Regular expression source string.
	 * @param {Object} `options`
	 * @return {RegExp}
	 * @api public
	 */

	picomatch.toRegex = (source, options) => {
	  try {
	    const opts = options || {};
	    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
	  } catch (err) {
	    if (options && options.debug === true) throw err;
	    return /$^/;
	  }
	};

	/**
	 * Picomatch constants.
	 * @return {Object}
	 */

	picomatch.constants = constants;

	/**
	 * Expose "picomatch"
	 */

	picomatch_1$1 = picomatch;
	return picomatch_1$1;
}

var picomatch_1;
var hasRequiredPicomatch;

function requirePicomatch () {
	if (hasRequiredPicomatch) return picomatch_1;
	hasRequiredPicomatch = 1;

	const pico = /*@__PURE__*/ requirePicomatch$1();
	const utils = /*@__PURE__*/ requireUtils();

	function picomatch(glob, options, returnState = false) {
	  // default to os.platform()
	  if (options && (options.windows === null || options.windows === undefined)) {
	    // don't mutate the original options object
	    options = { ...options, windows: utils.isWindows() };
	  }

	  return pico(glob, options, returnState);
	}

	Object.assign(picomatch, pico);
	picomatch_1 = picomatch;
	return picomatch_1;
}

var picomatchExports = /*@__PURE__*/ requirePicomatch();
var picomatch = /*@__PURE__*/getDefaultExportFromCjs(picomatchExports);

// A fast path for the small flat YAML files most runs carry (`name: x`, `seed: 3`, `tags: [a, b]`): parsed here
// without the full YAML library, which costs more than reading the file. Anything beyond plain `key: scalar`
// lines returns undefined and goes to the full parser, so the result is always what the YAML library would give.
const KEY = /^([A-Za-z_][A-Za-z0-9_.-]*):(?:[ \t]+(.*))?$/;
const DECIMAL = /^[-+]?(?:\d{1,15}|\d{1,15}\.\d*|\.\d+|\d{1,15}\.\d*[eE][-+]?\d{1,2}|\d{1,15}[eE][-+]?\d{1,2})$/;
const PLAIN = /^[A-Za-z0-9_/][A-Za-z0-9 _./@+,=-]*$/;
const AMBIGUOUS = /^(?:true|false|null|~|y|n|yes|no|on|off)$|^(?:\.inf|\.nan|0x|0o|[-+]\.inf)/i;
/** A plain or double-quoted scalar without escapes, or undefined when it needs the full parser. */
function scalar(raw) {
    const v = raw.replace(/[ \t]+#.*$/, '').trimEnd();
    if (v === '' || v === '~' || v === 'null')
        return null;
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    if (v.startsWith('"'))
        return /^"[^"\\]*"$/.test(v) ? v.slice(1, -1) : undefined;
    if (v.startsWith("'"))
        return /^'[^']*'$/.test(v) ? v.slice(1, -1) : undefined;
    if (DECIMAL.test(v))
        return Number(v);
    if (/^[-+.]?\d/.test(v) || AMBIGUOUS.test(v) || !PLAIN.test(v) || v.includes(' #') || v.endsWith(':'))
        return undefined;
    return v;
}
/** Parses flat `key: scalar` YAML (and one-line `[a, b]` lists of plain words); undefined when it is anything more. */
function parseFlatYaml(text) {
    const out = Object.create(null);
    for (const line of text.split(/\r?\n/)) {
        if (line === '' || line.startsWith('#'))
            continue;
        const m = KEY.exec(line);
        if (!m || m[1] === '__proto__' || Object.prototype.hasOwnProperty.call(out, m[1]))
            return undefined;
        const raw = (m[2] ?? '').trim();
        if (raw.startsWith('[')) {
            const list = /^\[([A-Za-z0-9 _./@+=,-]*)\]$/.exec(raw);
            if (!list)
                return undefined;
            const items = list[1].trim() === '' ? [] : list[1].split(',').map(s => scalar(s.trim()));
            if (items.some(v => v === undefined || v === null))
                return undefined;
            out[m[1]] = items;
            continue;
        }
        if (raw === '')
            return undefined; // maybe a nested block follows
        const value = scalar(raw);
        if (value === undefined)
            return undefined;
        out[m[1]] = value;
    }
    return out;
}

// A JSON reader for tool output: accepts NaN/Infinity (Python's json.dump writes them), keeps the exact
// text of numbers a double cannot hold, reports duplicate keys, limits nesting, and names line and column.
/** A number whose text a double cannot represent exactly (e.g. 9223372036854775807). */
class ExactNumber {
    value;
    text;
    constructor(
    /** The nearest double. */
    value, 
    /** The number exactly as written. */
    text) {
        this.value = value;
        this.text = text;
    }
}
/** A JSON syntax error with its position. */
class JsonSyntaxError extends Error {
    line;
    column;
    constructor(message, line, column) {
        super(message);
        this.line = line;
        this.column = column;
    }
}
const MAX_DEPTH = 200;
// Number literals a double may not hold exactly (16+ digit runs, exponents of 3 digits) send a text to the slow path.
const INEXACT_NUMBER = /\d{16,}|[eE][+-]?\d{3}/;
const STRING_TOKEN = /"(?:[^"\\]|\\.)*"(\s*:)?/g;
/** Counts the keys of every object in a parsed JSON value; -1 when it nests deeper than MAX_DEPTH. */
function countKeys(root) {
    let n = 0;
    const stack = [[root, 0]];
    while (stack.length) {
        const [value, depth] = stack.pop();
        if (!value || typeof value !== 'object')
            continue;
        if (depth >= MAX_DEPTH)
            return -1;
        const children = Array.isArray(value) ? value : Object.values(value);
        if (!Array.isArray(value))
            n += children.length;
        for (const child of children)
            if (child && typeof child === 'object')
                stack.push([child, depth + 1]);
    }
    return n;
}
/** Native JSON.parse when the text has nothing it would silently change: no inexact numbers, no duplicate keys. */
function parseFast(text) {
    if (INEXACT_NUMBER.test(text))
        return undefined;
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    let keys = 0;
    for (const m of text.matchAll(STRING_TOKEN))
        if (m[1])
            keys++;
    return keys === countKeys(value) ? { value, warnings: [] } : undefined;
}
/** Parses JSON leniently (NaN, Infinity, -Infinity, BOM); throws JsonSyntaxError with line and column. */
function parseJsonLenient(text) {
    const fast = text.length < 1 << 24 && text.charCodeAt(0) !== 0xfeff ? parseFast(text) : undefined;
    if (fast)
        return fast;
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const warnings = [];
    const position = (at) => {
        let line = 1;
        let lineStart = 0;
        for (let k = 0; k < at && k < text.length; k++) {
            if (text.charCodeAt(k) === 10) {
                line++;
                lineStart = k + 1;
            }
        }
        return { line, column: at - lineStart + 1 };
    };
    const fail = (message, at = i) => {
        const { line, column } = position(at);
        const found = at >= text.length ? 'the end of the file' : JSON.stringify(text.slice(at, at + 12));
        throw new JsonSyntaxError(`${message} at line ${line}, column ${column} (found ${found})`, line, column);
    };
    const skipSpace = () => {
        for (;;) {
            const c = text.charCodeAt(i);
            if (c === 32 || c === 9 || c === 10 || c === 13)
                i++;
            else
                break;
        }
    };
    const parseString = () => {
        i++; // opening quote
        let out = '';
        let start = i;
        for (;;) {
            if (i >= text.length)
                fail('unterminated string');
            const c = text.charCodeAt(i);
            if (c === 34) {
                out += text.slice(start, i);
                i++;
                return out;
            }
            if (c === 92) {
                out += text.slice(start, i);
                const e = text[i + 1];
                const map = {
                    '"': '"',
                    '\\': '\\',
                    '/': '/',
                    b: '\b',
                    f: '\f',
                    n: '\n',
                    r: '\r',
                    t: '\t'
                };
                if (e === 'u') {
                    const hex = text.slice(i + 2, i + 6);
                    if (!/^[0-9a-fA-F]{4}$/.test(hex))
                        fail('bad \\u escape in string', i);
                    out += String.fromCharCode(parseInt(hex, 16));
                    i += 6;
                }
                else if (e !== undefined && e in map) {
                    out += map[e];
                    i += 2;
                }
                else
                    fail('bad escape in string', i);
                start = i;
                continue;
            }
            if (c < 0x20)
                fail('control character in string', i);
            i++;
        }
    };
    const parseNumber = () => {
        const m = /^-?(?:Infinity|NaN|(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
        if (!m)
            return fail('expected a value');
        const literal = m[0];
        i += literal.length;
        if (literal.endsWith('Infinity'))
            return literal.startsWith('-') ? -Infinity : Infinity;
        if (literal.endsWith('NaN'))
            return NaN;
        const value = Number(literal);
        if (!isExact(literal, value))
            return new ExactNumber(value, literal);
        return value;
    };
    const parseValue = (depth) => {
        if (depth > MAX_DEPTH)
            fail(`nesting deeper than ${MAX_DEPTH} levels`);
        skipSpace();
        const c = text[i];
        if (c === '{') {
            i++;
            const obj = Object.create(null);
            skipSpace();
            if (text[i] === '}') {
                i++;
                return obj;
            }
            for (;;) {
                skipSpace();
                if (text[i] !== '"')
                    fail('expected a quoted key');
                const keyAt = i;
                const key = parseString();
                skipSpace();
                if (text[i] !== ':')
                    fail("expected ':' after a key");
                i++;
                const value = parseValue(depth + 1);
                if (Object.prototype.hasOwnProperty.call(obj, key)) {
                    const { line, column } = position(keyAt);
                    warnings.push({
                        message: `key "${key}" appears more than once; the last value is used`,
                        line,
                        column,
                        key
                    });
                }
                obj[key] = value;
                skipSpace();
                if (text[i] === ',') {
                    i++;
                    continue;
                }
                if (text[i] === '}') {
                    i++;
                    return obj;
                }
                fail("expected ',' or '}'");
            }
        }
        if (c === '[') {
            i++;
            const arr = [];
            skipSpace();
            if (text[i] === ']') {
                i++;
                return arr;
            }
            for (;;) {
                arr.push(parseValue(depth + 1));
                skipSpace();
                if (text[i] === ',') {
                    i++;
                    continue;
                }
                if (text[i] === ']') {
                    i++;
                    return arr;
                }
                fail("expected ',' or ']'");
            }
        }
        if (c === '"')
            return parseString();
        if (text.startsWith('true', i))
            return ((i += 4), true);
        if (text.startsWith('false', i))
            return ((i += 5), false);
        if (text.startsWith('null', i))
            return ((i += 4), null);
        return parseNumber();
    };
    const value = parseValue(0);
    skipSpace();
    if (i < text.length)
        fail('unexpected text after the JSON value');
    return { value, warnings };
}
/** True when the double `value` prints back to the same number as `literal`. */
function isExact(literal, value) {
    if (!Number.isFinite(value))
        return false;
    if (/^-?\d+$/.test(literal))
        return Number.isSafeInteger(value) || BigInt(literal) === BigInt(value);
    // A decimal literal is kept as a double unless it overflows, underflows to zero, or is denormal-rounded.
    if (value === 0)
        return !/[1-9]/.test(literal.split(/[eE]/)[0]);
    return Math.abs(value) >= Number.MIN_VALUE * 2 ** 52;
}
/** Turns values from parseJsonLenient into plain JSON values (ExactNumber → its double). */
function plainJson(value) {
    if (value instanceof ExactNumber)
        return value.value;
    if (Array.isArray(value))
        return value.map(plainJson);
    if (value && typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[k] = plainJson(v);
        return out;
    }
    return value;
}

// Guarded file access for the readers: stays inside the workspace, limits sizes, and records every
// problem as a diagnostic instead of throwing, so one bad file never stops a review.
/** The default limits: 64 MiB for any file read whole, 200,000 folders per search. */
const DEFAULT_LIMITS = { maxTextBytes: 64 * 1024 * 1024, maxFolders: 200_000 };
/** Creates the guarded read context for one workspace. */
async function createReadContext(workspace, options = {}) {
    const given = path$1.resolve(workspace);
    let root = given;
    try {
        root = realpathSync(given);
    }
    catch {
        // A workspace that does not exist yet: keep the resolved path; reads will report it.
    }
    /** A path made absolute inside the real workspace: one given through a linked workspace path is mapped. */
    const resolve = (file) => {
        const abs = path$1.resolve(root, file);
        if (given !== root && (abs === given || abs.startsWith(given + path$1.sep)))
            return root + abs.slice(given.length);
        return abs;
    };
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const diagnostics = [];
    const rel = (file) => {
        const r = path$1.relative(root, resolve(file));
        return (r === '' ? '.' : r).split(path$1.sep).join('/');
    };
    const add = (severity, file, message, place = {}) => {
        const { missingOk: _missingOk, ...where } = place;
        diagnostics.push({ severity, file: rel(file), message, ...stripUndefined(where) });
    };
    const within = (p) => p === root || p.startsWith(root.endsWith(path$1.sep) ? root : root + path$1.sep);
    const insideWorkspace = async (file) => {
        try {
            return within(realpathSync(resolve(file)));
        }
        catch {
            return within(resolve(file));
        }
    };
    /** Checks a file before reading it: inside the workspace, a regular file, and its size. */
    const admit = async (file, place) => {
        const abs = resolve(file);
        if (!within(abs)) {
            add('error', abs, 'is outside the workspace; it was not read', place);
            return undefined;
        }
        let info;
        try {
            info = lstatSync(abs);
        }
        catch (e) {
            if (place?.missingOk && e.code === 'ENOENT')
                return undefined;
            add('error', abs, `cannot read the file: ${e.code ?? String(e)}`, place);
            return undefined;
        }
        if (info.isSymbolicLink()) {
            if (!(await insideWorkspace(abs))) {
                add('error', abs, 'is a symbolic link that leaves the workspace; it was not followed', place);
                return undefined;
            }
            try {
                info = statSync(abs);
            }
            catch {
                add('error', abs, 'is a symbolic link to nothing (dangling); it was skipped', place);
                return undefined;
            }
        }
        if (!info.isFile()) {
            add('error', abs, 'is not a regular file; it was skipped', place);
            return undefined;
        }
        return { size: info.size };
    };
    const ctx = {
        workspace: root,
        limits,
        diagnostics,
        rel,
        warn: (file, message, place) => add('warning', file, message, place),
        error: (file, message, place) => add('error', file, message, place),
        insideWorkspace,
        async readBytes(file, place, maxBytes = limits.maxTextBytes) {
            const abs = resolve(file);
            const tooLarge = (size) => {
                add('error', file, `is ${size} bytes, over the ${maxBytes}-byte limit for reading a file whole; it was skipped`, place);
                return undefined;
            };
            // The common case in one open: O_NOFOLLOW refuses a symbolic link (ELOOP), which then goes through admit().
            let fd;
            if (within(abs)) {
                try {
                    fd = openSync(abs, constants$1.O_RDONLY | constants$1.O_NOFOLLOW);
                }
                catch {
                    fd = undefined;
                }
            }
            if (fd !== undefined) {
                try {
                    const info = fstatSync(fd);
                    if (info.isFile()) {
                        if (info.size > maxBytes)
                            return tooLarge(info.size);
                        return readFileSync(fd);
                    }
                }
                catch (e) {
                    add('error', file, `cannot read the file: ${e.code ?? String(e)}`, place);
                    return undefined;
                }
                finally {
                    closeSync(fd);
                }
            }
            const admitted = await admit(file, place);
            if (!admitted)
                return undefined;
            if (admitted.size > maxBytes)
                return tooLarge(admitted.size);
            try {
                return readFileSync(abs);
            }
            catch (e) {
                add('error', file, `cannot read the file: ${e.code ?? String(e)}`, place);
                return undefined;
            }
        },
        async readText(file, place) {
            const bytes = await ctx.readBytes(file, place);
            if (!bytes)
                return undefined;
            const sample = bytes.subarray(0, 8192);
            if (sample.includes(0)) {
                add('error', file, 'is binary data (it contains NUL bytes), not text; it was skipped', place);
                return undefined;
            }
            let text = bytes.toString('utf8');
            if (text.charCodeAt(0) === 0xfeff)
                text = text.slice(1);
            return text;
        },
        async openStream(file, place, options) {
            const admitted = await admit(file, place);
            if (!admitted)
                return undefined;
            const { highWaterMark } = options ?? {};
            return createReadStream(resolve(file), highWaterMark ? { highWaterMark } : undefined);
        },
        async readJson(file, place) {
            const text = await ctx.readText(file, place);
            return text === undefined ? undefined : ctx.parseJson(text, file, place);
        },
        parseJson(text, file, place) {
            if (text.trim() === '') {
                add('error', file, 'is empty; expected a JSON value', place);
                return undefined;
            }
            try {
                const { value, warnings } = parseJsonLenient(text);
                for (const w of warnings)
                    add('warning', file, w.message, { ...place, key: w.key, line: w.line, column: w.column });
                return value;
            }
            catch (e) {
                if (e instanceof JsonSyntaxError) {
                    add('error', file, `is not valid JSON: ${e.message}`, { ...place, line: e.line, column: e.column });
                    return undefined;
                }
                throw e;
            }
        },
        async readYaml(file, place) {
            const text = await ctx.readText(file, place);
            return text === undefined ? undefined : ctx.parseYaml(text, file, place);
        },
        async parseYaml(text, file, place) {
            const flat = text.length < 4096 ? parseFlatYaml(text) : undefined;
            if (flat)
                return flat;
            const { LineCounter, parseDocument } = await loadYaml();
            const lineCounter = new LineCounter();
            const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: false });
            const problem = doc.errors[0];
            if (problem) {
                const { line, col: column } = lineCounter.linePos(problem.pos[0]);
                add('error', file, `is not valid YAML: ${problem.message.split('\n')[0]}`, { ...place, line, column });
                return undefined;
            }
            try {
                // maxAliasCount stops "billion laughs" alias bombs; unknown tags (e.g. !!python/object) resolve as plain data.
                return doc.toJS({ maxAliasCount: 1000 });
            }
            catch (e) {
                add('error', file, `cannot be used: ${e.message}`, place);
                return undefined;
            }
        },
        async list(dir) {
            const files = [];
            const dirs = [];
            let entries;
            try {
                entries = readdirSync(resolve(dir), { withFileTypes: true });
            }
            catch (e) {
                add('error', dir, `cannot list the folder: ${e.code ?? String(e)}`);
                return { files, dirs };
            }
            for (const entry of entries) {
                if (entry.isDirectory())
                    dirs.push(entry.name);
                else if (entry.isFile())
                    files.push(entry.name);
                else if (entry.isSymbolicLink()) {
                    const target = path$1.join(resolve(dir), entry.name);
                    let info;
                    try {
                        info = statSync(target);
                    }
                    catch {
                        info = undefined;
                    }
                    if (info?.isFile())
                        files.push(entry.name);
                }
            }
            files.sort();
            dirs.sort();
            return { files, dirs };
        },
        progress(runsRead, where) {
            options.onProgress?.(runsRead, where);
        }
    };
    return ctx;
}
let yamlModule;
/** The YAML parser, loaded on first use: many workspaces hold no YAML, and the parser is a large module. */
function loadYaml() {
    yamlModule ??= import('./index2.js').then(function (n) { return n.i; });
    return yamlModule;
}
/** Turns a parsed JSON number (plain or exact) into a metric value, keeping the exact text when needed. */
function numberFromJson(value) {
    if (typeof value === 'number')
        return { value };
    if (value instanceof ExactNumber)
        return { value: value.value, exact: value.text };
    return undefined;
}
function stripUndefined(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

// Structured files shared by the readers: YAML and TOML with exact big integers, JSON/YAML/TOML by extension,
// metric flattening, and small helpers for messages.
/**
 * Reads YAML like ctx.readYaml but keeps integers a double cannot hold as ExactNumber, and dates as text.
 * Unknown tags such as `!!python/object` resolve as plain data. Undefined (with a diagnostic) on error.
 */
async function readYamlExact(ctx, file, place) {
    const text = await ctx.readText(file, place);
    if (text === undefined)
        return undefined;
    const { parseDocument } = await loadYaml();
    const doc = parseDocument(text, {
        prettyErrors: false,
        uniqueKeys: false,
        strict: false,
        intAsBigInt: true
    });
    const problem = doc.errors[0];
    if (problem) {
        const at = lineColumn(text, problem.pos?.[0] ?? 0);
        const message = problem.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
        ctx.error(file, `is not valid YAML: ${message} at line ${at.line}, column ${at.column}`, {
            ...place,
            ...at
        });
        return undefined;
    }
    try {
        return normalizeParsed(doc.toJS({ maxAliasCount: 1000 }));
    }
    catch (e) {
        ctx.error(file, `cannot be used: ${e.message}`, place);
        return undefined;
    }
}
/** Reads a TOML file; integers a double cannot hold become ExactNumber. Undefined (with a diagnostic) on error. */
async function readTomlExact(ctx, file, place) {
    const text = await ctx.readText(file, place);
    if (text === undefined)
        return undefined;
    const { parse: parseToml, TomlError } = await import('./dist.js');
    try {
        return normalizeParsed(parseToml(text, { integersAsBigInt: 'asNeeded' }));
    }
    catch (e) {
        if (e instanceof TomlError) {
            ctx.error(file, `is not valid TOML: ${e.message.split('\n')[0]}`, {
                ...place,
                line: e.line,
                column: e.column
            });
            return undefined;
        }
        ctx.error(file, `cannot be used: ${e.message}`, place);
        return undefined;
    }
}
/** Reads a JSON, YAML or TOML file by its extension (JSON first, then YAML, for other names). */
async function readStructured(ctx, file, place) {
    const ext = path$1.extname(file).toLowerCase();
    if (ext === '.json')
        return ctx.readJson(file, place);
    if (ext === '.yaml' || ext === '.yml')
        return readYamlExact(ctx, file, place);
    if (ext === '.toml')
        return readTomlExact(ctx, file, place);
    return readYamlExact(ctx, file, place);
}
/** Turns bigints into numbers (or ExactNumber when a double cannot hold them) and dates into ISO text. */
function normalizeParsed(value, depth = 0) {
    if (typeof value === 'bigint') {
        const n = Number(value);
        return Number.isSafeInteger(n) || BigInt(n) === value ? n : new ExactNumber(n, value.toString());
    }
    if (value instanceof Date)
        return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
    if (value instanceof ExactNumber || value === null || typeof value !== 'object' || depth > 64)
        return value;
    if (Array.isArray(value))
        return value.map(v => normalizeParsed(v, depth + 1));
    if (value instanceof Map) {
        const out = {};
        for (const [k, v] of value)
            out[String(k)] = normalizeParsed(v, depth + 1);
        return out;
    }
    if (value instanceof Set)
        return [...value].map(v => normalizeParsed(v, depth + 1));
    const out = {};
    for (const [k, v] of Object.entries(value))
        out[k] = normalizeParsed(v, depth + 1);
    return out;
}
/** Replaces ExactNumber values by their exact text so flattenParams keeps every digit. */
function plainParams(value, depth = 0) {
    if (value instanceof ExactNumber)
        return value.text;
    if (value === null || typeof value !== 'object' || depth > 64)
        return value;
    if (Array.isArray(value))
        return value.map(v => plainParams(v, depth + 1));
    const out = {};
    for (const [k, v] of Object.entries(value))
        out[k] = plainParams(v, depth + 1);
    return out;
}
/** Turns a parsed number (plain, ExactNumber) into a metric; undefined for anything else. */
function metricFromValue(value) {
    const n = numberFromJson(value);
    if (!n)
        return undefined;
    return n.exact ? { value: n.value, exact: n.exact } : { value: n.value };
}
/**
 * Flattens nested numbers into dotted metric names (`{a: {b: 1}}` → `a.b`). Keys that hold text,
 * booleans, lists or null are collected in `skipped` for one diagnostic.
 */
function flattenMetrics(value, prefix, out, skipped, depth = 0) {
    for (const [key, v] of Object.entries(value)) {
        const name = prefix ? `${prefix}.${key}` : key;
        const metric = metricFromValue(v);
        if (metric)
            out[name] = metric;
        else if (isRecord(v) && depth < 32)
            flattenMetrics(v, name, out, skipped, depth + 1);
        else
            skipped.push(name);
    }
}
/** True for a plain parsed object (not a list, not an ExactNumber). */
function isRecord(value) {
    return (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof ExactNumber));
}
/** Describes a parsed value for an error message, shortened. */
function describeValue(value) {
    if (value === null || value === undefined)
        return String(value);
    if (value instanceof ExactNumber)
        return value.text;
    if (Array.isArray(value))
        return `a list (${truncate(safeJson(value) ?? '')})`;
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'string')
        return `the text ${JSON.stringify(truncate(value))}`;
    return `${typeof value} ${String(value)}`;
}
/** The 1-based line and column of a character offset in text. */
function lineColumn(text, offset) {
    const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
    const lastBreak = before.lastIndexOf('\n');
    return { line: before.split('\n').length, column: before.length - lastBreak };
}
/** Shortens text for a message. */
function truncate(text, max = 60) {
    return text.length > max ? `${text.slice(0, max)}…` : text;
}
function safeJson(value) {
    try {
        return JSON.stringify(value, (_k, v) => typeof v === 'bigint' ? String(v) : v instanceof ExactNumber ? v.text : v);
    }
    catch {
        return undefined;
    }
}

// The built-in format: experiments/<run>/{params.json, metrics.json, metadata.yaml}.
/** The files of one built-in run. */
const BUILTIN_FILES = {
    params: 'params.json',
    metrics: 'metrics.json',
    metadata: 'metadata.yaml'
};
const RUN_FILES = Object.values(BUILTIN_FILES);
/** Reads `experiments/<run>/` folders. */
const builtinSource = {
    format: 'builtin',
    claim(listing) {
        if (listing.name === 'experiments' &&
            listing.dirs.length > 0 &&
            path$1.basename(path$1.dirname(listing.path)) !== '.git') {
            return [{ path: listing.path, exclusive: true }];
        }
        if (path$1.basename(path$1.dirname(listing.path)) === 'experiments' &&
            listing.files.some(f => RUN_FILES.includes(f))) {
            return [{ path: listing.path, exclusive: true }];
        }
        return [];
    },
    async read(claimPath, ctx) {
        if (path$1.basename(claimPath) !== 'experiments') {
            const run = await readBuiltinRun(claimPath, ctx);
            return run ? [run] : [];
        }
        const { dirs } = await ctx.list(claimPath);
        const runs = [];
        for (const dir of dirs) {
            const run = await readBuiltinRun(path$1.join(claimPath, dir), ctx);
            if (run)
                runs.push(run);
        }
        return runs;
    }
};
/** Reads one built-in run folder; undefined (with a diagnostic) when it holds none of the run files. */
async function readBuiltinRun(dir, ctx) {
    const folder = path$1.basename(dir);
    // Each file is read directly (a missing one is fine): no listing of the folder, which costs as much as a read.
    const place = { run: folder };
    const optional = { ...place, missingOk: true };
    const metadataFile = path$1.join(dir, BUILTIN_FILES.metadata);
    const paramsFile = path$1.join(dir, BUILTIN_FILES.params);
    const metricsFile = path$1.join(dir, BUILTIN_FILES.metrics);
    const before = ctx.diagnostics.length;
    const [metadataText, paramsText, metricsText] = await Promise.all([
        ctx.readText(metadataFile, optional),
        ctx.readText(paramsFile, optional),
        ctx.readText(metricsFile, optional)
    ]);
    if (metadataText === undefined &&
        paramsText === undefined &&
        metricsText === undefined &&
        ctx.diagnostics.length === before) {
        ctx.warn(dir, `run folder has none of ${RUN_FILES.join(', ')}; it was skipped`, place);
        return undefined;
    }
    const { metadata, name = folder } = metadataText !== undefined
        ? readMetadata(await ctx.parseYaml(metadataText, metadataFile, place), metadataFile, folder, ctx)
        : { metadata: emptyMetadata() };
    const params = {};
    if (paramsText !== undefined) {
        const raw = ctx.parseJson(paramsText, paramsFile, place);
        if (raw !== undefined) {
            if (isRecord(raw))
                Object.assign(params, flattenParams(plainParams(raw)));
            else
                ctx.error(paramsFile, `must hold a JSON object of parameters, found ${describeValue(raw)}`, place);
        }
    }
    const metrics = {};
    if (metricsText !== undefined) {
        const raw = ctx.parseJson(metricsText, metricsFile, place);
        if (raw !== undefined) {
            if (isRecord(raw))
                readMetrics$1(raw, '', metrics, metricsFile, folder, ctx);
            else
                ctx.error(metricsFile, `must hold a JSON object of metrics, found ${describeValue(raw)}`, place);
        }
    }
    return makeRun({
        id: `builtin:${ctx.rel(dir)}`,
        name,
        source: 'builtin',
        path: ctx.rel(dir),
        params,
        metrics,
        metadata
    });
}
/** Reads metrics: numbers, `{value, history}`, or nested objects flattened to dotted names. */
function readMetrics$1(raw, prefix, out, file, run, ctx) {
    for (const [key, value] of Object.entries(raw)) {
        const name = prefix ? `${prefix}.${key}` : key;
        const place = { run, key: name };
        const n = numberFromJson(value);
        if (n) {
            out[name] = n.exact ? { value: n.value, exact: n.exact } : { value: n.value };
            if (n.exact)
                ctx.warn(file, `metric "${name}" is ${n.exact}, which a double cannot hold exactly; it is compared as ${n.value}`, place);
            continue;
        }
        if (isRecord(value) && 'value' in value) {
            const metric = readMetricObject(value, file, name, run, ctx);
            if (metric)
                out[name] = metric;
            continue;
        }
        if (isRecord(value)) {
            readMetrics$1(value, name, out, file, run, ctx);
            continue;
        }
        ctx.error(file, `metric "${name}" is ${describeValue(value)}; expected a number or {"value": number, "history": [{"step", "value"}]}. It was skipped`, place);
    }
}
function readMetricObject(obj, file, name, run, ctx) {
    const place = { run, key: name };
    const n = numberFromJson(obj.value);
    if (!n) {
        ctx.error(file, `metric "${name}".value is ${describeValue(obj.value)}; expected a number. It was skipped`, place);
        return undefined;
    }
    const metric = n.exact ? { value: n.value, exact: n.exact } : { value: n.value };
    if (obj.history !== undefined) {
        if (!Array.isArray(obj.history)) {
            ctx.error(file, `metric "${name}".history is ${describeValue(obj.history)}; expected a list of {"step", "value"}. The history was skipped`, place);
            return metric;
        }
        const history = [];
        obj.history.forEach((point, index) => {
            const step = isRecord(point) ? numberFromJson(point.step) : undefined;
            const value = isRecord(point) ? numberFromJson(point.value) : undefined;
            if (isRecord(point) && value && (step || point.step === undefined)) {
                history.push({ step: step ? step.value : index, value: value.value });
            }
            else {
                ctx.error(file, `metric "${name}".history[${index}] is ${describeValue(point)}; expected {"step": number, "value": number}. The point was skipped`, place);
            }
        });
        if (history.length)
            metric.history = history.sort((a, b) => a.step - b.step);
    }
    return metric;
}
const STATUSES = {
    finished: 'finished',
    success: 'finished',
    completed: 'finished',
    failed: 'failed',
    error: 'failed',
    crashed: 'failed',
    running: 'running',
    killed: 'killed'
};
/** Reads metadata.yaml into RunMetadata and the run's name; wrong types get a diagnostic and are ignored. */
function readMetadata(raw, file, run, ctx) {
    const meta = emptyMetadata();
    if (raw === undefined || raw === null)
        return { metadata: meta };
    if (!isRecord(raw)) {
        ctx.error(file, `must be a YAML mapping of name, description, tags, …; found ${describeValue(raw)}`, {
            run
        });
        return { metadata: meta };
    }
    const text = (key) => {
        const v = raw[key];
        if (v === undefined || v === null)
            return undefined;
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
            return String(v);
        ctx.error(file, `"${key}" is ${describeValue(v)}; expected text. It was ignored`, { run, key });
        return undefined;
    };
    meta.description = text('description');
    meta.gitCommit = text('git_commit');
    meta.dataVersion = text('data_version');
    meta.evalSet = text('eval_set');
    meta.author = text('author');
    meta.notes = text('notes');
    meta.group = text('group');
    meta.hypothesis = text('hypothesis');
    meta.successCriteria = text('success_criteria');
    meta.statusReason = text('status_reason') ?? text('error');
    meta.url = text('url');
    meta.startedAt = text('started_at');
    const status = text('status');
    if (status !== undefined) {
        const known = STATUSES[status.toLowerCase()];
        if (known)
            meta.status = known;
        else
            ctx.error(file, `"status" is ${JSON.stringify(status)}; expected one of finished, failed, running, killed`, { run, key: 'status' });
    }
    const seed = raw.seed;
    if (seed !== undefined && seed !== null) {
        if (typeof seed === 'number' && Number.isFinite(seed))
            meta.seed = seed;
        else
            ctx.error(file, `"seed" is ${describeValue(seed)}; expected a number`, { run, key: 'seed' });
    }
    if (raw.tags !== undefined && raw.tags !== null) {
        if (Array.isArray(raw.tags))
            meta.tags = raw.tags.filter(t => ['string', 'number'].includes(typeof t)).map(String);
        else if (typeof raw.tags === 'string')
            meta.tags = [raw.tags];
        else
            ctx.error(file, `"tags" is ${describeValue(raw.tags)}; expected a list of text`, { run, key: 'tags' });
    }
    if (raw.environment !== undefined && raw.environment !== null) {
        if (isRecord(raw.environment)) {
            for (const [k, v] of Object.entries(flattenParams(raw.environment)))
                meta.environment[k] = String(v);
        }
        else
            ctx.error(file, `"environment" is ${describeValue(raw.environment)}; expected a mapping such as {python: "3.11"}`, { run, key: 'environment' });
    }
    return { metadata: meta, name: text('name')?.trim() || undefined };
}

// CSV training logs: Keras `CSVLogger` files (an `epoch` column) and Lightning `CSVLogger` folders
// (`metrics.csv` with `step`/`epoch` and sparse metric columns, `hparams.yaml` beside it). Files are
// streamed, never read whole. Also home of the small helpers the DVC and Hugging Face readers share:
// a streaming delimited-text parser, exact YAML/TOML reading, and number and metric flattening.
/** The file name Lightning's CSVLogger writes its metrics to. */
const LIGHTNING_METRICS_FILE = 'metrics.csv';
/** The file Lightning writes the hyperparameters to, beside metrics.csv. */
const LIGHTNING_HPARAMS_FILE = 'hparams.yaml';
/** CSV files claimed during auto-detection by their name alone (the header decides when they are read). */
const LOG_NAME = /(?:^|[_.-])(?:log|logs|history|metrics|training)(?:[_.-]|$)/i;
/** The longest field the parser accepts before it gives up on a file (a quote that never closes). */
const MAX_FIELD_CHARS = 1024 * 1024;
/** The most columns a training log may have. */
const MAX_COLUMNS = 10_000;
/** Reads Keras and Lightning CSV training logs. */
const csvSource = {
    format: 'csv',
    claim(listing) {
        const claims = [];
        // A listing of exactly one file and no folders is what the detector makes for an explicit `runs` file.
        const explicit = listing.files.length === 1 && listing.dirs.length === 0;
        for (const file of listing.files) {
            const lower = file.toLowerCase();
            if (lower === LIGHTNING_METRICS_FILE)
                claims.push({ path: path$1.join(listing.path, file) });
            else if (lower.endsWith('.csv') && (explicit || LOG_NAME.test(lower.slice(0, -4)))) {
                claims.push({ path: path$1.join(listing.path, file), ...(explicit ? {} : { byNameOnly: true }) });
            }
            else if (lower === 'training.log' && explicit)
                claims.push({ path: path$1.join(listing.path, file) });
        }
        return claims;
    },
    async read(claimPath, ctx, claim) {
        const run = await readCsvLogRun(claimPath, ctx, { byNameOnly: claim.byNameOnly === true });
        return run ? [run] : [];
    }
};
/**
 * Reads one CSV training log (and `hparams.yaml` beside a Lightning `metrics.csv`) into a run. A file claimed by
 * its name only (`byNameOnly`) is skipped quietly when it has no step or epoch column; otherwise that is an error.
 */
async function readCsvLogRun(file, ctx, options = {}) {
    const dir = path$1.dirname(file);
    const isLightning = path$1.basename(file).toLowerCase() === LIGHTNING_METRICS_FILE;
    const relDir = ctx.rel(dir);
    const name = isLightning
        ? relDir === '.'
            ? path$1.basename(ctx.workspace)
            : relDir
        : ctx.rel(file).replace(/\.(csv|log)$/i, '');
    const place = { run: name };
    const requireStep = isLightning || !options.byNameOnly;
    const log = await readSeriesTable(file, ctx, place, { requireStep, explicitName: !isLightning });
    if (!log)
        return undefined;
    const params = {};
    const { files } = await ctx.list(dir);
    if (isLightning && files.includes(LIGHTNING_HPARAMS_FILE)) {
        const hparamsFile = path$1.join(dir, LIGHTNING_HPARAMS_FILE);
        const raw = await readYamlExact(ctx, hparamsFile, place);
        if (raw !== undefined && raw !== null) {
            if (isRecord(raw))
                Object.assign(params, flattenParams(plainParams(raw)));
            else
                ctx.error(hparamsFile, `must hold a mapping of hyperparameters, found ${describeValue(raw)}; it was ignored`, place);
        }
    }
    return makeRun({
        id: `csv:${ctx.rel(file)}`,
        name,
        source: 'csv',
        path: ctx.rel(file),
        params,
        metrics: log.metrics
    });
}
/**
 * Streams a CSV or TSV file whose header has a `step` (or `epoch`) column and turns every other numeric
 * column into a metric with a history. Rows sharing a step are merged; the final value is the one at
 * the highest step that has a value. Undefined when the file is not such a table.
 */
async function readSeriesTable(file, ctx, place, options) {
    const stream = await ctx.openStream(file, place);
    if (!stream)
        return undefined;
    let header;
    let stepIndex = -1;
    let stepColumn = '';
    let timeIndex = -1;
    let skipIndexes = new Set();
    // One series per column; a later row with the same step replaces the earlier one's value.
    const series = new Map();
    const badValue = new Map();
    let notTable = false;
    let raggedReported = false;
    let badStepReported = 0;
    const onRecord = (fields, line) => {
        if (!header) {
            header = fields.map(f => f.trim());
            const lower = header.map(h => h.toLowerCase());
            stepIndex = lower.indexOf('step');
            if (stepIndex < 0)
                stepIndex = lower.indexOf('epoch');
            if (stepIndex < 0) {
                notTable = true;
                return false;
            }
            stepColumn = header[stepIndex];
            timeIndex = lower.findIndex(h => h === 'timestamp' || h === 'wall_time');
            // With a `step` column, `epoch` is a progress counter, not a metric.
            skipIndexes = new Set([stepIndex, timeIndex, lower[stepIndex] === 'step' ? lower.indexOf('epoch') : -1].filter(i => i >= 0));
            const seen = new Map();
            header.forEach((h, i) => {
                if (skipIndexes.has(i))
                    return;
                if (h === '') {
                    ctx.warn(file, `column ${i + 1} has no name in the header; it was skipped`, {
                        ...place,
                        line,
                        column: i + 1
                    });
                    skipIndexes.add(i);
                }
                else if (seen.has(h)) {
                    ctx.warn(file, `column "${h}" appears twice in the header (columns ${(seen.get(h) ?? 0) + 1} and ${i + 1}); the second one was skipped`, {
                        ...place,
                        key: h,
                        line
                    });
                    skipIndexes.add(i);
                }
                else
                    seen.set(h, i);
            });
            return true;
        }
        if (fields.length === header.length && fields.every((f, i) => f.trim() === header?.[i])) {
            ctx.warn(file, 'repeats its header here (two logs written into one file?); rows after it are merged by step', { ...place, line });
            return true;
        }
        if (fields.length > header.length && !raggedReported) {
            raggedReported = true;
            ctx.warn(file, `row has ${fields.length} fields but the header has ${header.length}; the extra fields were ignored`, { ...place, line });
        }
        const stepText = (fields[stepIndex] ?? '').trim();
        const step = parseNumberText(stepText);
        if (step === undefined || !Number.isFinite(step)) {
            if (badStepReported++ < 3) {
                ctx.error(file, `${stepColumn} is ${JSON.stringify(truncate(stepText))}; expected a number. The row was skipped`, {
                    ...place,
                    key: stepColumn,
                    line,
                    column: stepIndex + 1
                });
            }
            return true;
        }
        const timestamp = timeIndex >= 0 ? parseNumberText((fields[timeIndex] ?? '').trim()) : undefined;
        for (let i = 0; i < header.length && i < fields.length; i++) {
            if (skipIndexes.has(i))
                continue;
            const text = fields[i].trim();
            if (text === '')
                continue;
            const value = parseNumberText(text);
            if (value === undefined) {
                const bad = badValue.get(i);
                if (bad)
                    bad.count++;
                else
                    badValue.set(i, { line, text, count: 1 });
                continue;
            }
            let points = series.get(i);
            if (!points)
                series.set(i, (points = new HistoryBuilder({ final: 'max-step', byTimestamp: false, repeats: 'same-step' })));
            points.add(step, value, timestamp !== undefined && Number.isFinite(timestamp) ? timestamp : undefined);
        }
        return true;
    };
    const ok = await parseDelimitedStream(stream, onRecord, ctx, file, place, path$1.extname(file).toLowerCase() === '.tsv' ? '\t' : undefined);
    if (!ok)
        return undefined;
    if (!header) {
        ctx.error(file, 'is empty; expected a header row with a step or epoch column', place);
        return undefined;
    }
    if (notTable) {
        if (options.requireStep) {
            const what = options.explicitName ? 'a training log' : 'a metrics table';
            ctx.warn(file, `has no "step" or "epoch" column in its header (${truncate(header.join(', '), 120)}), so it is not ${what}; it was skipped`, place);
        }
        return undefined;
    }
    for (const [i, bad] of badValue) {
        const column = header[i];
        const where = { ...place, key: column, line: bad.line, column: i + 1 };
        if (!series.get(i)?.length) {
            // A column of text only (a note, a name) is not a metric: say so once, without alarm.
            ctx.warn(file, `column "${column}" holds text such as ${JSON.stringify(truncate(bad.text))}, not numbers; it is not compared`, where);
        }
        else {
            const more = bad.count > 1 ? ` (and ${bad.count - 1} more such cells)` : '';
            ctx.error(file, `column "${column}" holds ${JSON.stringify(truncate(bad.text))}, not a number${more}; those cells were skipped`, where);
        }
    }
    const valueColumns = header.map((_, i) => i).filter(i => !skipIndexes.has(i));
    const metrics = {};
    for (const i of valueColumns) {
        const built = series.get(i)?.build();
        if (!built)
            continue;
        const name = options.metricName && valueColumns.length === 1 ? options.metricName : header[i];
        metrics[name] = metricFromBuilt(built);
    }
    return { stepColumn, metrics };
}
/** Parses one CSV cell as a number: decimal and exponent notation, and Python's nan / inf / -inf. */
function parseNumberText(text) {
    if (text === '')
        return undefined;
    if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text))
        return Number(text);
    const lower = text.toLowerCase();
    if (lower === 'nan' || lower === '+nan' || lower === '-nan')
        return NaN;
    if (/^\+?inf(inity)?$/.test(lower))
        return Infinity;
    if (/^-inf(inity)?$/.test(lower))
        return -Infinity;
    return undefined;
}
/**
 * Streams delimited text (CSV by default; the delimiter is taken from the header when not given) and
 * calls `onRecord` for each non-empty record with its fields and the line it starts on. Quoted fields may
 * hold delimiters, doubled quotes and line breaks; `\n`, `\r\n`, `\r\r\n` and `\r` all end a record.
 * `onRecord` returns false to stop early. False (with a diagnostic) when the stream fails or is malformed.
 */
async function parseDelimitedStream(stream, onRecord, ctx, file, place, delimiter) {
    const decoder = new StringDecoder('utf8');
    let sep = delimiter;
    let carry = '';
    let first = true;
    let fields = [];
    let field = '';
    let quoted = false;
    let inQuotes = false;
    let line = 1;
    let recordLine = 1;
    let stopped = false;
    let failure;
    const endField = () => {
        fields.push(field);
        field = '';
        quoted = false;
        if (fields.length > MAX_COLUMNS)
            failure = `has more than ${MAX_COLUMNS} columns in one row`;
    };
    const endRecord = () => {
        if (fields.length === 0 && field === '' && !quoted)
            return;
        endField();
        if (failure)
            return;
        const record = fields;
        fields = [];
        if (!onRecord(record, recordLine))
            stopped = true;
    };
    /** Processes text; keeps back a trailing `\r` or `"` whose meaning depends on the next character. */
    const consume = (text, final) => {
        if (sep === undefined) {
            const end = text.search(/[\r\n]/);
            if (end < 0 && !final && text.length < 65536)
                return text;
            const head = end < 0 ? text : text.slice(0, end);
            const counts = [',', '\t', ';'].map(d => [d, head.split(d).length - 1]);
            sep = counts.reduce((best, c) => (c[1] > best[1] ? c : best), [',', 0])[0];
            if (counts.every(c => c[1] === 0))
                sep = ',';
        }
        let i = 0;
        for (; i < text.length && !stopped && !failure; i++) {
            const c = text[i];
            if (inQuotes) {
                if (c === '"') {
                    if (i + 1 >= text.length && !final)
                        return text.slice(i);
                    if (text[i + 1] === '"') {
                        field += '"';
                        i++;
                    }
                    else
                        inQuotes = false;
                }
                else {
                    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n' && text[i + 1] !== '\r'))
                        line++;
                    field += c;
                    if (field.length > MAX_FIELD_CHARS)
                        failure = `has a quoted field longer than ${MAX_FIELD_CHARS} characters (a quote that never closes?)`;
                }
                continue;
            }
            if (c === '\r' || c === '\n') {
                if (c === '\r' && i + 1 >= text.length && !final)
                    return text.slice(i);
                if (c === '\n' || (text[i + 1] !== '\n' && text[i + 1] !== '\r'))
                    line++;
                endRecord();
                recordLine = line;
                continue;
            }
            if (c === sep) {
                endField();
                continue;
            }
            if (c === '"' && field === '' && !quoted) {
                inQuotes = true;
                quoted = true;
                continue;
            }
            field += c;
            if (field.length > MAX_FIELD_CHARS)
                failure = `has a field longer than ${MAX_FIELD_CHARS} characters`;
        }
        return '';
    };
    try {
        for await (const chunk of stream) {
            let text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
            if (first && text.length > 0) {
                if (text.charCodeAt(0) === 0xfeff)
                    text = text.slice(1);
                first = false;
                if (text.slice(0, 8192).includes('\0')) {
                    ctx.error(file, 'is binary data (it contains NUL bytes), not a text table; it was skipped', place);
                    destroy(stream);
                    return false;
                }
            }
            carry = consume(text, false);
            if (stopped || failure)
                break;
        }
        if (!stopped && !failure) {
            consume(carry + decoder.end(), true);
            if (inQuotes && !failure)
                failure = 'ends inside a quoted field (the file is cut short?)';
            if (!failure)
                endRecord();
        }
    }
    catch (e) {
        ctx.error(file, `could not be read to the end: ${e.message}`, { ...place, line });
        destroy(stream);
        return false;
    }
    destroy(stream);
    if (failure) {
        ctx.error(file, `${failure}; it was skipped`, { ...place, line: recordLine });
        return false;
    }
    return true;
}
function destroy(stream) {
    const s = stream;
    s.destroy?.();
}

// What a dvc.yaml names: the metrics, params and plots files at its top level and in each stage (foreach/matrix
// stages keep theirs under `do`), resolved against the stage's wdir. Templated paths (${…}) are not expanded.
/** The pipeline file that makes a folder a DVC project. */
const DVC_YAML = 'dvc.yaml';
/** Parses a dvc.yaml into the files it names; undefined (with a diagnostic) when it is not a mapping. */
function parseDvcYaml(raw, dir, file, ctx, place) {
    if (raw === null)
        return { metrics: [], params: [], plots: [], hasStages: false };
    if (!isRecord(raw)) {
        ctx.error(file, `must be a mapping with stages, metrics, params or plots; found ${describeValue(raw)}`, place);
        return undefined;
    }
    const refs = { metrics: [], params: [], plots: [], hasStages: isRecord(raw.stages) };
    const reader = new DvcYamlEntries(refs, file, ctx, place);
    reader.metrics(raw.metrics, dir, 'metrics');
    reader.params(raw.params, dir, 'params', false);
    reader.plots(raw.plots, dir, 'plots');
    if (raw.stages !== undefined && !isRecord(raw.stages)) {
        ctx.error(file, `"stages" is ${describeValue(raw.stages)}; expected a mapping of stage names to stages`, {
            ...place,
            key: 'stages'
        });
    }
    for (const [stageName, stage] of Object.entries(isRecord(raw.stages) ? raw.stages : {})) {
        if (!isRecord(stage))
            continue;
        const wdir = typeof stage.wdir === 'string' ? path$1.resolve(dir, stage.wdir) : dir;
        const body = isRecord(stage.do) ? stage.do : stage; // foreach/matrix stages keep their fields under `do`
        reader.metrics(body.metrics, wdir, `stages.${stageName}.metrics`);
        reader.params(body.params, wdir, `stages.${stageName}.params`, true);
        reader.plots(body.plots, wdir, `stages.${stageName}.plots`);
    }
    return refs;
}
/** Adds the entries of one dvc.yaml's metrics, params and plots lists to `refs`, reporting malformed ones. */
class DvcYamlEntries {
    refs;
    file;
    ctx;
    place;
    rel;
    constructor(refs, file, ctx, place) {
        this.refs = refs;
        this.file = file;
        this.ctx = ctx;
        this.place = place;
        this.rel = ctx.rel(file);
    }
    /** A `metrics` list: paths, or `{path: {options}}`. */
    metrics(list, base, key) {
        if (!this.isList(list, key, 'a list of paths'))
            return;
        for (const entry of list) {
            const p = typeof entry === 'string'
                ? entry
                : isRecord(entry) && Object.keys(entry).length === 1
                    ? Object.keys(entry)[0]
                    : undefined;
            if (p === undefined) {
                this.badEntry(key, entry, 'a path or {path: {options}}');
                continue;
            }
            const abs = this.resolve(base, p, key);
            if (abs)
                this.refs.metrics.push({ file: abs, from: `${this.rel} ${key}` });
        }
    }
    /** A `params` list: in a stage a plain string is a key of the default params.yaml; at the top level, a file. */
    params(list, base, key, stageLevel) {
        if (!this.isList(list, key, 'a list of params or params files'))
            return;
        for (const entry of list) {
            let p;
            if (typeof entry === 'string')
                p = stageLevel ? 'params.yaml' : entry;
            else if (isRecord(entry))
                p = Object.keys(entry)[0];
            if (p === undefined) {
                this.badEntry(key, entry, 'a param name or {file: [keys]}');
                continue;
            }
            const abs = this.resolve(base, p, key);
            if (abs)
                this.refs.params.push({ file: abs, from: `${this.rel} ${key}` });
        }
    }
    /** A `plots` list: paths, or `{id: {x, y}}` where the keys of a mapping `y` are the data files. */
    plots(list, base, key) {
        if (!this.isList(list, key, 'a list of plots'))
            return;
        for (const entry of list) {
            if (typeof entry === 'string') {
                const abs = this.resolve(base, entry, key);
                if (abs)
                    this.refs.plots.push({ file: abs, from: `${this.rel} ${key}` });
                continue;
            }
            if (!isRecord(entry) || Object.keys(entry).length !== 1) {
                this.badEntry(key, entry, 'a path or {id: {x, y}}');
                continue;
            }
            const [id, config] = Object.entries(entry)[0];
            const x = isRecord(config) ? config.x : undefined;
            const y = isRecord(config) ? config.y : undefined;
            const xFor = (f) => typeof x === 'string' ? x : isRecord(x) && typeof x[f] === 'string' ? x[f] : undefined;
            if (isRecord(y)) {
                for (const f of Object.keys(y)) {
                    const abs = this.resolve(base, f, key);
                    if (abs)
                        this.refs.plots.push({ file: abs, from: `${this.rel} ${key} ${id}`, x: xFor(f) });
                }
            }
            else {
                const abs = this.resolve(base, id, key);
                if (abs)
                    this.refs.plots.push({ file: abs, from: `${this.rel} ${key}`, x: xFor(id) });
            }
        }
    }
    /** True for a list; absent is fine (false, quietly), anything else is reported (false). */
    isList(list, key, expected) {
        if (list === undefined || list === null)
            return false;
        if (Array.isArray(list))
            return true;
        this.ctx.error(this.file, `"${key}" is ${describeValue(list)}; expected ${expected}. It was skipped`, {
            ...this.place,
            key
        });
        return false;
    }
    badEntry(key, entry, expected) {
        this.ctx.error(this.file, `"${key}" has an entry that is ${describeValue(entry)}; expected ${expected}. It was skipped`, { ...this.place, key });
    }
    /** The absolute path of an entry; undefined (with a warning) for a templated one. */
    resolve(base, p, key) {
        if (p.includes('${')) {
            this.ctx.warn(this.file, `${key} entry ${JSON.stringify(truncate(p))} uses templating (\${…}), which is not expanded; it was skipped`, { ...this.place, key });
            return undefined;
        }
        return path$1.resolve(base, p);
    }
}

// The one folder walker of the readers: breadth-first from a start folder, never into the folders no run lives in
// (SKIPPED_FOLDERS), never through a symbolic link to a folder (ctx.list leaves those out), and stopping with a
// warning after the context's maxFolders folders.
/** Folders no search for runs walks into: version control, dependencies, virtualenvs, caches, DVC's cache. */
const SKIPPED_FOLDERS = new Set([
    'node_modules',
    '.git',
    '.hg',
    '.svn',
    '.dvc',
    '__pycache__',
    '.venv',
    'venv',
    '.tox',
    '.trash',
    '.cache'
]);
/**
 * Walks the folders below `start` (itself included) breadth-first, in listing order, calling `visit` with each
 * folder's listing; `visit` returns true to keep the walk out of that folder's sub-folders. After
 * `ctx.limits.maxFolders` folders the walk stops with a warning on `start` that says what to do.
 */
async function walkFolders(ctx, start, visit) {
    const queue = [start];
    let visited = 0;
    for (let next = 0; next < queue.length; next++) {
        if (++visited > ctx.limits.maxFolders) {
            ctx.warn(start, `has more than ${ctx.limits.maxFolders} folders; the search for runs stopped there. Set the runs input to the folders that hold runs`);
            return;
        }
        const dir = queue[next];
        const { files, dirs } = await ctx.list(dir);
        if (visit({ path: dir, name: path$1.basename(dir), files, dirs }))
            continue;
        for (const d of dirs)
            if (!SKIPPED_FOLDERS.has(d))
                queue.push(path$1.join(dir, d));
    }
}

// Reading what a dvc.yaml (or a dvclive folder) names into one run: metrics files, params files (the values in
// dvc.lock win, with a warning when they differ), and plots that are per-step series (metric histories).
/** Files named as plots that are pictures, not data. */
const IMAGE_EXT = new Set(['.png', '.jpg', '.jpeg', '.svg', '.gif', '.webp', '.bmp', '.html']);
/** Files read as plot data. */
const PLOT_DATA_EXT = new Set(['.json', '.yaml', '.yml', '.csv', '.tsv']);
/** Files read as metrics or params. */
const STRUCTURED_EXT = new Set(['.json', '.yaml', '.yml', '.toml']);
/** Reads the metrics, params and plots that `refs` name into one run; undefined when none could be read. */
async function buildRun(dir, name, refs, lock, ctx) {
    const place = { run: name };
    const metrics = await readMetricsFiles(refs.metrics, ctx, place);
    const params = await readParamsFiles(refs.params, ctx, place);
    if (lock)
        applyLockedParams(lock, params, ctx, place);
    for (const ref of await expandRefs(unique(refs.plots), PLOT_DATA_EXT, ctx, place, 'plots')) {
        const series = await readPlotSeries(ref, ctx, place);
        for (const [key, metric] of Object.entries(series)) {
            const existing = metrics[key];
            if (existing) {
                if (!existing.history)
                    existing.history = metric.history;
            }
            else
                metrics[key] = metric;
        }
    }
    if (!Object.keys(metrics).length && !Object.keys(params).length) {
        ctx.warn(path$1.join(dir, DVC_YAML), 'names no metrics, params or plots that could be read; no run was made from it', place);
        return undefined;
    }
    const metadata = { ...emptyMetadata(), ...(lock?.dataVersion ? { dataVersion: lock.dataVersion } : {}) };
    return makeRun({
        id: `dvc:${ctx.rel(dir)}`,
        name,
        source: 'dvc',
        path: ctx.rel(dir),
        params,
        metrics,
        metadata
    });
}
/** Reads the metrics files; a metric also in an earlier file is named after its file (with a warning). */
async function readMetricsFiles(refs, ctx, place) {
    const metrics = {};
    const metricOrigin = new Map();
    for (const ref of await expandRefs(unique(refs), STRUCTURED_EXT, ctx, place, 'metrics')) {
        const found = await readMetricsFile(ref.file, ctx, place);
        if (!found)
            continue;
        const prefix = ctx
            .rel(ref.file)
            .replace(/\.[^./]+$/, '')
            .split('/')
            .join('.');
        for (const [key, metric] of Object.entries(found)) {
            const earlier = metricOrigin.get(key);
            if (earlier !== undefined && earlier !== ref.file) {
                const renamed = `${prefix}.${key}`;
                ctx.warn(ref.file, `metric "${key}" is also in ${ctx.rel(earlier)}; this one is named "${renamed}"`, {
                    ...place,
                    key
                });
                metrics[renamed] = metric;
            }
            else {
                metrics[key] = metric;
                metricOrigin.set(key, ref.file);
            }
        }
    }
    return metrics;
}
/** The numeric metrics of one metrics file; undefined (with a diagnostic) when it is not a mapping. */
async function readMetricsFile(file, ctx, place) {
    const raw = await readStructured(ctx, file, place);
    if (raw === undefined)
        return undefined;
    if (!isRecord(raw)) {
        ctx.error(file, `must hold a mapping of metric names to numbers, found ${describeValue(raw)}; it was skipped`, place);
        return undefined;
    }
    const found = {};
    const skipped = [];
    // dvclive writes the last step into metrics.json as `step`; it is the x axis, not a result.
    const { step: _step, ...rest } = raw;
    flattenMetrics(typeof _step === 'number' ? rest : raw, '', found, skipped);
    if (skipped.length) {
        ctx.warn(file, `holds values that are not numbers, which are not compared: ${truncate(skipped.join(', '), 200)}`, {
            ...place,
            key: skipped[0]
        });
    }
    return found;
}
/** Reads the params files (not Python ones) into flat params. */
async function readParamsFiles(refs, ctx, place) {
    const params = {};
    for (const ref of await expandRefs(unique(refs), STRUCTURED_EXT, ctx, place, 'params')) {
        if (path$1.extname(ref.file).toLowerCase() === '.py') {
            ctx.warn(ref.file, 'is a Python params file, which is not read (use params.yaml, JSON or TOML)', place);
            continue;
        }
        const raw = await readStructured(ctx, ref.file, place);
        if (raw === undefined || raw === null)
            continue;
        if (!isRecord(raw)) {
            ctx.error(ref.file, `must hold a mapping of parameters, found ${describeValue(raw)}; it was skipped`, place);
            continue;
        }
        Object.assign(params, flattenParams(plainParams(raw)));
    }
    return params;
}
/** Puts dvc.lock's params over the params files' (the metrics come from them), warning where they differ. */
function applyLockedParams(lock, params, ctx, place) {
    const stale = [];
    for (const [key, value] of Object.entries(lock.params)) {
        if (key in params && paramText(params[key]) !== paramText(value)) {
            stale.push(`${key} is ${truncate(paramText(params[key]), 30)} in the params file but ${truncate(paramText(value), 30)} in dvc.lock`);
        }
        params[key] = value;
    }
    if (stale.length) {
        ctx.warn(lock.file, `records other params than the params files hold (${truncate(stale.join('; '), 300)}); the locked values are shown because the metrics come from them. Run \`dvc repro\` to refresh`, { ...place, key: stale[0].split(' ')[0] });
    }
}
/** Reads one plot file as per-step series when it is one (dvclive TSV, or rows with a `step` field). */
async function readPlotSeries(ref, ctx, place) {
    const ext = path$1.extname(ref.file).toLowerCase();
    if (ref.x !== undefined && ref.x !== 'step') {
        // A curve such as ROC or precision-recall, not a history: parsed only so that a broken file is reported.
        if (ext !== '.csv' && ext !== '.tsv')
            await readStructured(ctx, ref.file, place);
        return {};
    }
    const relPath = ctx.rel(ref.file);
    const dvcliveAt = relPath.lastIndexOf('plots/metrics/');
    const dvcliveName = dvcliveAt >= 0 && (dvcliveAt === 0 || relPath[dvcliveAt - 1] === '/')
        ? relPath
            .slice(dvcliveAt + 'plots/metrics/'.length)
            .replace(/\.[^./]+$/, '')
            .split('/')
            .join('.')
        : undefined;
    if (ext === '.tsv' || ext === '.csv') {
        const table = await readSeriesTable(ref.file, ctx, place, {
            requireStep: dvcliveName !== undefined,
            metricName: dvcliveName
        });
        if (!table)
            return {};
        return dvcliveName ? table.metrics : renameSlashes(table.metrics);
    }
    const raw = await readStructured(ctx, ref.file, place);
    const rows = Array.isArray(raw) ? raw : isRecord(raw) ? Object.values(raw).find(Array.isArray) : undefined;
    if (!rows || !rows.every(r => isRecord(r) && typeof r.step === 'number'))
        return {}; // not a per-step series
    // Sorted by step (stable); the value is the last written at the highest step.
    const series = new Map();
    for (const row of rows) {
        for (const [key, value] of Object.entries(row)) {
            if (key === 'step' || key === 'timestamp' || typeof value !== 'number')
                continue;
            const name = dvcliveName ?? key.split('/').join('.');
            let points = series.get(name);
            if (!points)
                series.set(name, (points = new HistoryBuilder({ final: 'max-step', byTimestamp: false, repeats: 'keep' })));
            points.add(row.step, value);
        }
    }
    const out = {};
    for (const [name, points] of series) {
        const built = points.build();
        if (built)
            out[name] = metricFromBuilt(built);
    }
    return out;
}
/** Metric names with `/` turned into `.`, as dvclive names them. */
function renameSlashes(metrics) {
    return Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k.split('/').join('.'), v]));
}
/**
 * Checks that each named path stays in the workspace and exists, and expands folders into the data files
 * below them. Missing files get a warning that says how DVC produces them; pictures are passed over.
 */
async function expandRefs(refs, exts, ctx, place, what) {
    const out = [];
    for (const ref of refs) {
        const ext = path$1.extname(ref.file).toLowerCase();
        if (IMAGE_EXT.has(ext))
            continue;
        if (!(await ctx.insideWorkspace(ref.file))) {
            ctx.error(ref.file, `is named in ${ref.from} but lies outside the workspace; it was not read`, place);
            continue;
        }
        const info = await stat(ref.file).catch(() => undefined);
        if (!info) {
            ctx.warn(ref.file, `is named in ${ref.from} but does not exist; run \`dvc repro\` or \`dvc pull\` (DVC-cached ${what} are not in git) to include it`, place);
            continue;
        }
        if (info.isDirectory()) {
            for (const file of await listFilesBelow(ref.file, ctx, 4)) {
                const e = path$1.extname(file).toLowerCase();
                if (exts.has(e))
                    out.push({ ...ref, file });
            }
        }
        else
            out.push(ref);
    }
    return unique(out);
}
/** Lists the files below a folder, depth-limited, in a stable order. */
async function listFilesBelow(dir, ctx, depth) {
    const { files, dirs } = await ctx.list(dir);
    const out = files.map(f => path$1.join(dir, f));
    if (depth > 0)
        for (const d of dirs)
            if (!SKIPPED_FOLDERS.has(d))
                out.push(...(await listFilesBelow(path$1.join(dir, d), ctx, depth - 1)));
    return out;
}
/** True when a file or folder exists at the path. */
async function exists(file) {
    return (await stat(file).catch(() => undefined)) !== undefined;
}
/** The refs with each file once, the first kept. */
function unique(refs) {
    const seen = new Set();
    return refs.filter(r => (seen.has(r.file) ? false : (seen.add(r.file), true)));
}

// dvc.lock, written by `dvc repro` beside dvc.yaml: the params each stage ran with, and a data version made from
// the hashes of the stages' data inputs (code and the pipeline's own outputs left out).
/** The lock file DVC writes beside dvc.yaml after `dvc repro`. */
const DVC_LOCK = 'dvc.lock';
/** Dependencies that are code, not data (for the data version). */
const CODE_EXT = /\.(py|ipynb|r|sh|js|ts|jl|scala|java|c|cc|cpp|h|go|rs|rb|m|sql|cfg|ini|toml|lock|txt|md)$/i;
/** Top-level folders that hold code, not data (for the data version). */
const CODE_DIRS = new Set(['src', 'scripts', 'code', 'lib', 'notebooks']);
/** Reads dvc.lock beside dvc.yaml (schema 2.0, or the 1.x layout without `schema`). */
async function readLock(dir, ctx, place) {
    const file = path$1.join(dir, DVC_LOCK);
    if (!(await stat(file).catch(() => undefined)))
        return undefined;
    const raw = await readYamlExact(ctx, file, place);
    if (raw === undefined || raw === null)
        return undefined;
    if (!isRecord(raw)) {
        ctx.error(file, `must be a mapping with schema and stages; found ${describeValue(raw)}`, place);
        return undefined;
    }
    const stages = raw.schema !== undefined ? raw.stages : raw;
    if (!isRecord(stages)) {
        ctx.error(file, `"stages" is ${describeValue(stages)}; expected a mapping of stage names`, {
            ...place,
            key: 'stages'
        });
        return undefined;
    }
    const params = {};
    const inputs = new Map();
    const produced = [];
    for (const [stageName, stage] of Object.entries(stages)) {
        if (!isRecord(stage))
            continue;
        if (isRecord(stage.params))
            addLockedParams(stage.params, `stages.${stageName}.params`, params, file, ctx, place);
        for (const out of Array.isArray(stage.outs) ? stage.outs : [])
            if (isRecord(out) && typeof out.path === 'string')
                produced.push(out.path);
        for (const dep of Array.isArray(stage.deps) ? stage.deps : [])
            addInput(dep, inputs);
    }
    return { file, params, dataVersion: dataVersionOf(inputs, produced) };
}
/** Adds a stage's locked params (`{params file: {key: value}}`) to `params`. */
function addLockedParams(byFile, key, params, file, ctx, place) {
    for (const [paramsFile, values] of Object.entries(byFile)) {
        if (isRecord(values))
            Object.assign(params, flattenParams(plainParams(values)));
        else
            ctx.warn(file, `${key}["${paramsFile}"] is ${describeValue(values)}; expected a mapping. It was skipped`, { ...place, key });
    }
}
/** Records a dependency's version: an imported repository's commit, or the first characters of its hash. */
function addInput(dep, inputs) {
    if (!isRecord(dep) || typeof dep.path !== 'string')
        return;
    const repo = isRecord(dep.repo) ? dep.repo : undefined;
    if (repo && typeof repo.rev_lock === 'string') {
        // An imported dependency (`dvc import`): the data repository's git commit is its version.
        inputs.set(dep.path, `${typeof repo.url === 'string' ? repo.url : dep.path}@${repo.rev_lock.slice(0, 12)}`);
        return;
    }
    const hash = [dep.md5, dep.etag, dep.checksum].find(h => typeof h === 'string');
    if (hash)
        inputs.set(dep.path, `${dep.path}@${hash.replace(/\.dir$/, '').slice(0, 8)}`);
}
/** The data version: up to three data inputs by name, or their count and a digest; undefined without any. */
function dataVersionOf(inputs, produced) {
    const isProduced = (p) => produced.some(o => p === o || p.startsWith(`${o}/`));
    const isCode = (p) => CODE_EXT.test(p) || CODE_DIRS.has(p.split('/')[0]);
    const data = [...inputs.entries()]
        .filter(([p]) => !isProduced(p) && !isCode(p))
        .map(([, v]) => v)
        .sort();
    if (data.length > 0 && data.length <= 3)
        return data.join(', ');
    if (data.length > 3)
        return `${data.length} inputs, digest ${createHash('sha256').update(data.join('\n')).digest('hex').slice(0, 12)}`;
    return undefined;
}

// DVC projects: the metrics, params and plots named in `dvc.yaml` (top level and per stage), the params
// `dvc.lock` recorded for the last `dvc repro`, and dvclive output (metrics.json, params.yaml and the
// per-step TSV files under plots/metrics that become metric histories). One run per dvc.yaml; a
// dvclive-generated dvc.yaml below a project is merged into that project's run. dvc-yaml.ts parses dvc.yaml,
// dvc-lock.ts reads dvc.lock, dvc-files.ts reads the files they name; this module finds the projects.
/** How many folders up or down a dvclive dvc.yaml is looked for from its project. */
const NEST_DEPTH = 3;
/** Reads DVC projects (dvc.yaml, dvc.lock, params and metrics files) and standalone dvclive folders. */
const dvcSource = {
    format: 'dvc',
    claim(listing) {
        if (listing.files.includes(DVC_YAML))
            return [{ path: listing.path }];
        // A standalone dvclive folder: metrics.json and a plots folder (not a built-in experiments/<run>).
        if (listing.files.includes('metrics.json') &&
            listing.dirs.includes('plots') &&
            path$1.basename(path$1.dirname(listing.path)) !== 'experiments') {
            return [{ path: listing.path }];
        }
        return [];
    },
    async read(dir, ctx) {
        const { files } = await ctx.list(dir);
        const run = files.includes(DVC_YAML)
            ? await readDvcProject(dir, ctx)
            : await readStandaloneDvclive(dir, ctx);
        return run ? [run] : [];
    }
};
/** The display name of a DVC run: the folder relative to the workspace, or the workspace's own name. */
function runName(dir, ctx) {
    const rel = ctx.rel(dir);
    return rel === '.' ? path$1.basename(ctx.workspace) : rel;
}
/** Reads the project whose dvc.yaml is in `dir`; undefined when it is a dvclive file merged into its parent. */
async function readDvcProject(dir, ctx) {
    const name = runName(dir, ctx);
    const place = { run: name };
    const yamlFile = path$1.join(dir, DVC_YAML);
    // A dvclive dvc.yaml (no stages) below a project is read with that project, not as a run of its own.
    if ((await nearestProjectAbove(dir, ctx)) && !(await hasStages(yamlFile, ctx)))
        return undefined;
    const raw = await readYamlExact(ctx, yamlFile, place);
    if (raw === undefined)
        return undefined;
    const refs = parseDvcYaml(raw, dir, yamlFile, ctx, place);
    if (!refs)
        return undefined;
    for (const sub of await findNestedDvclive(dir, ctx)) {
        const subRaw = await readYamlExact(ctx, sub, place);
        const subRefs = subRaw === undefined ? undefined : parseDvcYaml(subRaw, path$1.dirname(sub), sub, ctx, place);
        if (subRefs) {
            refs.metrics.push(...subRefs.metrics);
            refs.params.push(...subRefs.params);
            refs.plots.push(...subRefs.plots);
        }
    }
    const lock = await readLock(dir, ctx, place);
    return buildRun(dir, name, refs, lock, ctx);
}
/** Reads a dvclive folder that no dvc.yaml names: metrics.json, params.yaml and plots/metrics. */
async function readStandaloneDvclive(dir, ctx) {
    if (await namedByProjectAbove(dir, ctx))
        return undefined;
    const name = runName(dir, ctx);
    const { files } = await ctx.list(dir);
    const from = 'the dvclive folder';
    const refs = {
        metrics: [{ file: path$1.join(dir, 'metrics.json'), from }],
        params: files.includes('params.yaml') ? [{ file: path$1.join(dir, 'params.yaml'), from }] : [],
        plots: [{ file: path$1.join(dir, 'plots', 'metrics'), from, x: 'step' }]};
    if (!(await exists(path$1.join(dir, 'plots', 'metrics'))))
        refs.plots = [];
    return buildRun(dir, name, refs, undefined, ctx);
}
/** The dvc.yaml files without stages (dvclive's) below a project, not below another dvc.yaml. */
async function findNestedDvclive(dir, ctx) {
    const found = [];
    let level = [dir];
    for (let depth = 0; depth < NEST_DEPTH && level.length; depth++) {
        const next = [];
        for (const d of level) {
            const { dirs } = await ctx.list(d);
            for (const sub of dirs) {
                if (SKIPPED_FOLDERS.has(sub))
                    continue;
                const subDir = path$1.join(d, sub);
                const { files } = await ctx.list(subDir);
                if (!files.includes(DVC_YAML))
                    next.push(subDir);
                else if (!(await hasStages(path$1.join(subDir, DVC_YAML), ctx)))
                    found.push(path$1.join(subDir, DVC_YAML));
            }
        }
        level = next;
    }
    return found;
}
/** The nearest folder above `dir` (at most NEST_DEPTH up, inside the workspace) with a dvc.yaml. */
async function nearestProjectAbove(dir, ctx) {
    let d = dir;
    for (let i = 0; i < NEST_DEPTH; i++) {
        if (d === ctx.workspace)
            return undefined;
        d = path$1.dirname(d);
        if (!(d === ctx.workspace || d.startsWith(ctx.workspace + path$1.sep)))
            return undefined;
        if (await exists(path$1.join(d, DVC_YAML)))
            return d;
    }
    return undefined;
}
/** True when a dvc.yaml in a folder above names this dvclive folder's metrics or plots (it reads them). */
async function namedByProjectAbove(dir, ctx) {
    const metricsFile = path$1.join(dir, 'metrics.json');
    let d = dir;
    while (d !== ctx.workspace && d.startsWith(ctx.workspace + path$1.sep)) {
        d = path$1.dirname(d);
        const yamlFile = path$1.join(d, DVC_YAML);
        if (!(await exists(yamlFile)))
            continue;
        const refs = await quietly(ctx, async () => {
            const raw = await readYamlExact(ctx, yamlFile);
            return raw === undefined ? undefined : parseDvcYaml(raw, d, yamlFile, ctx, {});
        });
        const named = [...(refs?.metrics ?? []), ...(refs?.plots ?? [])].map(r => r.file);
        if (named.some(f => f === metricsFile || f === dir || dir.startsWith(f + path$1.sep) || f.startsWith(dir + path$1.sep)))
            return true;
    }
    return false;
}
/** Whether a dvc.yaml has stages (a project) or only metrics/params/plots (dvclive's). Quiet. */
async function hasStages(file, ctx) {
    const raw = await quietly(ctx, () => readYamlExact(ctx, file));
    return isRecord(raw) && isRecord(raw.stages);
}
/** Runs a read whose diagnostics belong to another run's read (which reports them), dropping them here. */
async function quietly(ctx, read) {
    const before = ctx.diagnostics.length;
    try {
        return await read();
    }
    finally {
        ctx.diagnostics.splice(before);
    }
}

// Hugging Face Trainer output folders: `trainer_state.json` (log_history → train and eval metric
// histories), the final numbers in `all_results.json` / `{train,eval,test,predict}_results.json`, and
// params from `config.json`, `adapter_config.json`, `training_args.json` and the trainer state. An output
// folder with `checkpoint-N/` sub-folders is one run whose history comes from the latest checkpoint.
/** The file the Trainer saves its state and log history to. */
const TRAINER_STATE = 'trainer_state.json';
/** Result files with final numbers, read in this order; later files override earlier ones. */
const RESULT_FILES = [
    'train_results.json',
    'eval_results.json',
    'test_results.json',
    'predict_results.json',
    'all_results.json'
];
const CHECKPOINT = /^checkpoint-(\d+)$/;
/** Log keys that are the x axis or progress, not metrics. */
const NOT_METRICS = new Set(['step', 'epoch']);
/** Trainer state fields kept as params (how the run was configured and how far it got). */
const STATE_PARAMS = [
    'global_step',
    'epoch',
    'max_steps',
    'num_train_epochs',
    'train_batch_size',
    'logging_steps',
    'eval_steps',
    'save_steps'
];
/** Reads Hugging Face Trainer output folders. */
const huggingfaceSource = {
    format: 'huggingface',
    claim(listing) {
        const hasState = listing.files.includes(TRAINER_STATE);
        const hasResults = listing.files.includes('all_results.json') || listing.files.includes('eval_results.json');
        const hasCheckpoints = listing.dirs.some(d => CHECKPOINT.test(d));
        return hasState || hasResults || hasCheckpoints ? [{ path: listing.path, exclusive: true }] : [];
    },
    async read(dir, ctx) {
        const run = await readTrainerOutput(dir, ctx);
        return run ? [run] : [];
    }
};
/** Reads one Trainer output folder (or one checkpoint folder) into a run; undefined when it holds none. */
async function readTrainerOutput(dir, ctx) {
    const rel = ctx.rel(dir);
    const name = rel === '.' ? path$1.basename(ctx.workspace) : rel;
    const place = { run: name };
    const { files, dirs } = await ctx.list(dir);
    const checkpoints = dirs
        .map(d => ({ d, step: Number(CHECKPOINT.exec(d)?.[1]) }))
        .filter(c => Number.isFinite(c.step))
        .sort((a, b) => b.step - a.step); // numeric: checkpoint-1200 after checkpoint-500
    const notes = [];
    const top = files.includes(TRAINER_STATE)
        ? await readState(path$1.join(dir, TRAINER_STATE), ctx, place)
        : undefined;
    let latest;
    for (const c of checkpoints) {
        const cdir = path$1.join(dir, c.d);
        const { files: cfiles } = await ctx.list(cdir);
        if (!cfiles.includes(TRAINER_STATE))
            continue;
        latest = await readState(path$1.join(cdir, TRAINER_STATE), ctx, place);
        if (latest)
            break;
        ctx.warn(path$1.join(cdir, TRAINER_STATE), 'could not be used; the history is taken from an earlier checkpoint', place);
    }
    if (checkpoints.length && !latest && !top && !files.some(f => RESULT_FILES.includes(f))) {
        ctx.warn(dir, `has ${checkpoints.length} checkpoint-N folders but none holds a readable ${TRAINER_STATE}; no run was read from it`, place);
        return undefined;
    }
    const chosen = top && (!latest || top.globalStep >= latest.globalStep) ? top : latest;
    if (chosen && chosen !== top)
        notes.push(`history from ${ctx.rel(chosen.dir)} (step ${chosen.globalStep})`);
    const metrics = {};
    const params = {};
    const metadata = emptyMetadata();
    const finals = {};
    if (chosen)
        readLogHistory(chosen, ctx, place, metrics, finals);
    if (chosen)
        readStateFields(chosen, params, metrics, notes);
    let sawResults = false;
    for (const resultFile of RESULT_FILES) {
        if (!files.includes(resultFile))
            continue;
        const file = path$1.join(dir, resultFile);
        const raw = await ctx.readJson(file, place);
        if (raw === undefined)
            continue;
        if (!isRecord(raw)) {
            ctx.error(file, `must hold a JSON object of metric names to numbers, found ${describeValue(raw)}; it was skipped`, place);
            continue;
        }
        sawResults = true;
        const skipped = [];
        for (const [key, value] of Object.entries(raw)) {
            const n = numberFromJson(value);
            if (!n)
                skipped.push(key);
            else if (key === 'epoch')
                params.epoch = n.exact ?? n.value;
            else
                finals[key] = n.exact ? { value: n.value, exact: n.exact } : { value: n.value };
        }
        if (skipped.length)
            ctx.warn(file, `holds values that are not numbers, which are not compared: ${truncate(skipped.join(', '), 200)}`, { ...place, key: skipped[0] });
    }
    for (const [key, final] of Object.entries(finals)) {
        const existing = metrics[key];
        metrics[key] = existing?.history ? { ...final, history: existing.history } : final;
    }
    // Params: the model's config, a PEFT adapter's config and the training arguments, when saved as JSON.
    const paramDirs = [dir, ...(chosen && chosen.dir !== dir ? [chosen.dir] : [])];
    const readParamsFile = async (fileName, prefix) => {
        for (const d of paramDirs) {
            const { files: present } = d === dir ? { files } : await ctx.list(d);
            if (!present.includes(fileName))
                continue;
            const file = path$1.join(d, fileName);
            const raw = await ctx.readJson(file, place);
            if (raw === undefined)
                return;
            if (!isRecord(raw)) {
                ctx.error(file, `must hold a JSON object, found ${describeValue(raw)}; it was skipped`, place);
                return;
            }
            const { id2label, label2id: _label2id, ...rest } = raw;
            if (isRecord(id2label))
                rest.num_labels = Object.keys(id2label).length;
            for (const [k, v] of Object.entries(flattenParams(plainParams(rest), prefix)))
                if (!(k in params))
                    params[k] = v;
            return;
        }
    };
    await readParamsFile('training_args.json', '');
    await readParamsFile('config.json', 'model');
    await readParamsFile('adapter_config.json', 'adapter');
    if (chosen && !sawResults) {
        const maxSteps = numberFromJson(chosen.state.max_steps)?.value;
        const control = isRecord(chosen.state.stateful_callbacks) && isRecord(chosen.state.stateful_callbacks.TrainerControl)
            ? chosen.state.stateful_callbacks.TrainerControl.args
            : undefined;
        const stopped = isRecord(control) && control.should_training_stop === true;
        if (maxSteps !== undefined && maxSteps > 0 && chosen.globalStep < maxSteps && !stopped) {
            metadata.status = 'running';
            metadata.statusReason = `the latest ${TRAINER_STATE} is at step ${chosen.globalStep} of ${maxSteps} and no train_results.json was written: training had not finished`;
        }
    }
    if (notes.length)
        metadata.notes = notes.join('; ');
    if (!Object.keys(metrics).length && !Object.keys(params).length) {
        ctx.warn(dir, 'holds no metrics or params that could be read; no run was made from it', place);
        return undefined;
    }
    return makeRun({
        id: `huggingface:${rel}`,
        name,
        source: 'huggingface',
        path: rel,
        params,
        metrics,
        metadata
    });
}
/** Reads and checks one trainer_state.json; undefined (with a diagnostic) when it cannot be used. */
async function readState(file, ctx, place) {
    const raw = await ctx.readJson(file, place);
    if (raw === undefined)
        return undefined;
    if (!isRecord(raw)) {
        ctx.error(file, `must hold a JSON object (the Trainer's state), found ${describeValue(raw)}`, place);
        return undefined;
    }
    const step = numberFromJson(raw.global_step);
    return { file, dir: path$1.dirname(file), state: raw, globalStep: step?.value ?? 0 };
}
/**
 * Turns log_history into histories: every numeric key but step and epoch is a series (`loss` is named
 * `train_loss`; `eval_*` entries give the eval series). The end-of-training summary entry (with
 * `train_runtime`) gives final values only. Entries sharing a step: the last one wins.
 */
function readLogHistory(chosen, ctx, place, metrics, finals) {
    const log = chosen.state.log_history;
    if (log === undefined)
        return;
    if (!Array.isArray(log)) {
        ctx.error(chosen.file, `"log_history" is ${describeValue(log)}; expected a list of logged entries. It was skipped`, { ...place, key: 'log_history' });
        return;
    }
    // One series per key; an entry with the same step replaces the earlier one. Exact texts by point index.
    const series = new Map();
    const badKeys = new Map();
    let badEntries = 0;
    log.forEach((entry, index) => {
        const step = isRecord(entry) ? numberFromJson(entry.step) : undefined;
        if (!isRecord(entry) || !step || !Number.isFinite(step.value)) {
            if (badEntries++ === 0) {
                ctx.warn(chosen.file, `log_history[${index}] is ${isRecord(entry) ? 'an entry without a numeric "step"' : describeValue(entry)}; such entries were skipped`, {
                    ...place,
                    key: `log_history[${index}]`
                });
            }
            return;
        }
        const summary = 'train_runtime' in entry || ('train_loss' in entry && !('loss' in entry));
        for (const [key, value] of Object.entries(entry)) {
            if (NOT_METRICS.has(key))
                continue;
            const n = numberFromJson(value);
            if (!n) {
                if (value !== null && !badKeys.has(key))
                    badKeys.set(key, index);
                continue;
            }
            if (summary) {
                finals[key] = n.exact ? { value: n.value, exact: n.exact } : { value: n.value };
                continue;
            }
            const name = key === 'loss' ? 'train_loss' : key;
            let entry = series.get(name);
            if (!entry)
                series.set(name, (entry = {
                    points: new HistoryBuilder({ final: 'max-step', byTimestamp: false, repeats: 'same-step' })
                }));
            if (n.exact)
                (entry.exact ??= new Map()).set(entry.points.length, n.exact);
            entry.points.add(step.value, n.value);
        }
    });
    for (const [key, index] of badKeys) {
        ctx.warn(chosen.file, `log_history[${index}].${key} is not a number; values of "${key}" are not compared`, { ...place, key });
    }
    for (const [name, { points, exact }] of series) {
        const built = points.build();
        if (!built)
            continue;
        const metric = metricFromBuilt(built);
        const finalExact = exact?.get(built.finalIndex);
        if (finalExact)
            metric.exact = finalExact;
        metrics[name] = metric;
    }
}
/** Keeps the trainer state's configuration as params, its totals as metrics, and the best checkpoint as a note. */
function readStateFields(chosen, params, metrics, notes) {
    const { state } = chosen;
    for (const key of STATE_PARAMS) {
        const n = numberFromJson(state[key]);
        if (n)
            params[key] = n.exact ?? n.value;
    }
    for (const key of ['total_flos', 'num_input_tokens_seen']) {
        const n = numberFromJson(state[key]);
        if (n && n.value !== 0 && !metrics[key])
            metrics[key] = n.exact ? { value: n.value, exact: n.exact } : { value: n.value };
    }
    if (typeof state.trial_name === 'string')
        params.trial_name = state.trial_name;
    if (isRecord(state.trial_params))
        Object.assign(params, flattenParams(plainParams(state.trial_params), 'trial'));
    const best = numberFromJson(state.best_metric);
    if (best) {
        const bestStep = numberFromJson(state.best_global_step);
        const where = typeof state.best_model_checkpoint === 'string'
            ? ` (${truncate(state.best_model_checkpoint, 120)})`
            : '';
        notes.push(`best_metric ${best.exact ?? best.value}${bestStep ? ` at step ${bestStep.exact ?? bestStep.value}` : ''}${where}`);
    }
    else if (typeof state.best_model_checkpoint === 'string') {
        notes.push(`best model checkpoint ${truncate(state.best_model_checkpoint, 120)}`);
    }
}

// W&B metric series: the history rows of the run log or of wandb-history.jsonl (pre-0.10 layout) become one
// series per numeric key, sorted by step; the same walk over nested values finds the summary's numbers.
/** Collects metric series: typed columns per key, in the order logged. */
class SeriesBuilder {
    series = new Map();
    get size() {
        return this.series.size;
    }
    /** Adds one history row: `_step` (else `fallbackStep`) is its step, `_timestamp` its time; other `_` keys are not metrics. */
    addRow(row, fallbackStep) {
        const step = typeof row._step === 'number' && Number.isFinite(row._step) ? row._step : fallbackStep;
        const ts = typeof row._timestamp === 'number' && Number.isFinite(row._timestamp)
            ? Math.round(row._timestamp * 1000)
            : undefined;
        numericLeaves(row, '', (key, value) => {
            let points = this.series.get(key);
            // Sorted by step (stable, so repeated steps keep their order); the last value is the highest step's last.
            if (!points)
                this.series.set(key, (points = new HistoryBuilder({ final: 'max-step', byTimestamp: false, repeats: 'keep' })));
            points.add(step, value, ts);
        });
    }
    /** Each series: its last value (highest step, last written) and its history, sorted by step and thinned. */
    entries() {
        const out = [];
        for (const [k, points] of this.series) {
            const built = points.build();
            if (built)
                out.push([k, metricFromBuilt(built)]);
        }
        return out;
    }
}
/** Calls `emit` for each numeric leaf; keys starting with `_` and objects with a `_type` (media, tables, graphs) are skipped. */
function numericLeaves(obj, prefix, emit, depth = 0) {
    if (depth > 16)
        return;
    for (const key of Object.keys(obj)) {
        if (key.startsWith('_'))
            continue;
        const value = obj[key];
        const name = prefix ? `${prefix}/${key}` : key;
        if (typeof value === 'number')
            emit(name, value);
        else if (value instanceof ExactNumber)
            emit(name, value.value);
        else if (isRecord(value) && !('_type' in value))
            numericLeaves(value, name, emit, depth + 1);
    }
}
/** Streams wandb-history.jsonl (pre-0.10 layout) line by line into `series`. */
async function readHistoryJsonl(file, run, series, ctx) {
    const stream = await ctx.openStream(file, { run });
    if (!stream)
        return;
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    let line = 0;
    let rows = 0;
    let lastBad;
    for await (const textLine of lines) {
        line++;
        if (lastBad) {
            ctx.error(file, `line is not a JSON object of history values: ${lastBad.message}; it was skipped`, {
                run,
                line: lastBad.line
            });
            lastBad = undefined;
        }
        if (!textLine.trim())
            continue;
        let row;
        try {
            row = JSON.parse(textLine);
        }
        catch {
            try {
                row = plainJson(parseJsonLenient(textLine).value);
            }
            catch (e) {
                lastBad = { line, message: e.message };
                continue;
            }
        }
        if (!isRecord(row)) {
            ctx.error(file, `line holds ${Array.isArray(row) ? 'a list' : typeof row}; expected a JSON object of history values. It was skipped`, { run, line });
            continue;
        }
        series.addRow(row, rows++);
    }
    // A bad last line is the normal end of a run killed while writing.
    if (lastBad)
        ctx.warn(file, `the last line is incomplete (${lastBad.message}); it was skipped`, {
            run,
            line: lastBad.line
        });
}

// A small reader of the protocol buffers wire format (varint, 64-bit, length-delimited, 32-bit) over Buffer
// offsets: no code generation, no copies. The W&B and TensorBoard readers decode the few fields they need and
// skip the rest. Malformed input throws ProtoError, which the readers turn into a diagnostic.
/** Wire types of the protobuf encoding. */
const WIRE = { varint: 0, fixed64: 1, bytes: 2, startGroup: 3, endGroup: 4, fixed32: 5 };
/** Thrown when bytes are not a well-formed protobuf message; `offset` is relative to the buffer start. */
class ProtoError extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
        this.name = 'ProtoError';
    }
}
const TWO_32 = 4294967296;
/**
 * A cursor over one message in `buf[start, end)`. Call `next()` to move to each field, then read its value
 * with the method that fits its wire type (or `skip()`). One reader can be reused with `reset()`.
 */
class ProtoReader {
    buf;
    pos;
    end;
    /** Field number of the current field. */
    field = 0;
    /** Wire type of the current field. */
    wire = 0;
    /** Start of the last length-delimited value read by `bytes()`. */
    start = 0;
    /** Low and high 32 bits of the last varint read. */
    lo = 0;
    hi = 0;
    constructor(buf, start = 0, end = buf.length) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
    }
    /** Points the reader at another message without allocating. */
    reset(buf, start, end) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
        this.field = 0;
        this.wire = 0;
        return this;
    }
    /** Moves to the next field; false at the end of the message. */
    next() {
        if (this.pos >= this.end)
            return false;
        const tag = this.uint32();
        this.field = tag >>> 3;
        this.wire = tag & 7;
        if (this.field === 0)
            throw new ProtoError('field number 0 is not valid', this.pos);
        return true;
    }
    /** Reads a varint into lo/hi (up to 64 bits). */
    readVarint() {
        const buf = this.buf;
        let pos = this.pos;
        const end = this.end;
        let lo = 0;
        let hi = 0;
        let b;
        let shift = 0;
        // Low 28 bits from the first 4 bytes.
        for (; shift < 28; shift += 7) {
            if (pos >= end)
                throw new ProtoError('truncated varint', pos);
            b = buf[pos++];
            lo |= (b & 0x7f) << shift;
            if (b < 0x80) {
                this.pos = pos;
                this.lo = lo >>> 0;
                this.hi = 0;
                return;
            }
        }
        // The 5th byte: 4 bits to lo, 3 bits to hi.
        if (pos >= end)
            throw new ProtoError('truncated varint', pos);
        b = buf[pos++];
        lo |= (b & 0x0f) << 28;
        hi = (b & 0x7f) >> 4;
        if (b >= 0x80) {
            for (shift = 3;; shift += 7) {
                if (pos >= end)
                    throw new ProtoError('truncated varint', pos);
                if (shift > 63)
                    throw new ProtoError('varint longer than 10 bytes', pos);
                b = buf[pos++];
                if (shift < 32)
                    hi |= (b & 0x7f) << shift;
                if (b < 0x80)
                    break;
            }
        }
        this.pos = pos;
        this.lo = lo >>> 0;
        this.hi = hi >>> 0;
    }
    /** A varint as an unsigned 32-bit number (higher bits dropped). */
    uint32() {
        const buf = this.buf;
        if (this.pos < this.end && buf[this.pos] < 0x80)
            return buf[this.pos++];
        this.readVarint();
        return this.lo;
    }
    /** A varint as a signed 64-bit integer (int32/int64 fields); exact up to 2^53. */
    int64() {
        this.readVarint();
        if (this.hi & 0x80000000)
            return -((~this.hi >>> 0) * TWO_32 + ((~this.lo >>> 0) + 1));
        return this.hi * TWO_32 + this.lo;
    }
    /** A varint as an unsigned 64-bit integer; exact up to 2^53. */
    uint64() {
        this.readVarint();
        return this.hi * TWO_32 + this.lo;
    }
    /** A varint as a boolean. */
    bool() {
        return this.uint32() !== 0;
    }
    /** A 64-bit little-endian double (wire type 1). */
    double() {
        if (this.pos + 8 > this.end)
            throw new ProtoError('truncated 64-bit value', this.pos);
        const v = this.buf.readDoubleLE(this.pos);
        this.pos += 8;
        return v;
    }
    /** A 32-bit little-endian float (wire type 5). */
    float() {
        if (this.pos + 4 > this.end)
            throw new ProtoError('truncated 32-bit value', this.pos);
        const v = this.buf.readFloatLE(this.pos);
        this.pos += 4;
        return v;
    }
    /** A length-delimited value: returns its end offset; its start is in `this.start`. Moves past it. */
    bytes() {
        const len = this.uint32();
        const start = this.pos;
        const end = start + len;
        if (end > this.end)
            throw new ProtoError(`length-delimited field of ${len} bytes runs past the end of the message`, start);
        this.start = start;
        this.pos = end;
        return end;
    }
    /** A length-delimited value decoded as UTF-8 text. */
    string() {
        const end = this.bytes();
        return this.buf.toString('utf8', this.start, end);
    }
    /** Skips the current field's value, whatever its wire type. */
    skip() {
        switch (this.wire) {
            case WIRE.varint:
                this.readVarint();
                return;
            case WIRE.fixed64:
                this.pos += 8;
                break;
            case WIRE.bytes:
                this.bytes();
                return;
            case WIRE.fixed32:
                this.pos += 4;
                break;
            case WIRE.startGroup: {
                const field = this.field;
                while (this.next()) {
                    if (this.wire === WIRE.endGroup) {
                        if (this.field !== field)
                            throw new ProtoError('mismatched end of group', this.pos);
                        return;
                    }
                    this.skip();
                }
                throw new ProtoError('unterminated group', this.pos);
            }
            default:
                throw new ProtoError(`unknown wire type ${this.wire}`, this.pos);
        }
        if (this.pos > this.end)
            throw new ProtoError('truncated fixed-size value', this.end);
    }
}
/** Converts an IEEE 754 half-precision value (its 16 bits) to a number. */
function halfToNumber(bits) {
    const sign = bits & 0x8000 ? -1 : 1;
    const exp = (bits >> 10) & 0x1f;
    const frac = bits & 0x3ff;
    if (exp === 0)
        return sign * frac * 2 ** -24;
    if (exp === 0x1f)
        return frac ? NaN : sign * Infinity;
    return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

// CRC-32 (IEEE, as zlib computes it: the W&B datastore) and CRC-32C (Castagnoli, masked as TFRecord and
// LevelDB store it). Table-driven, slicing-by-8, over Buffer ranges so callers never copy.
/** The eight slicing tables of a reflected polynomial, flat: table k at [256k, 256k + 256). Int32 to stay in small integers. */
function makeTables(poly) {
    const t = new Int32Array(8 * 256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
        t[n] = c;
    }
    for (let k = 1; k < 8; k++) {
        for (let n = 0; n < 256; n++) {
            const prev = t[(k - 1) * 256 + n];
            t[k * 256 + n] = (prev >>> 8) ^ t[prev & 0xff];
        }
    }
    return t;
}
const IEEE = makeTables(0xedb88320);
const CASTAGNOLI = makeTables(0x82f63b78);
function update(t, crc, buf, start, end) {
    let c = ~crc;
    let i = start;
    const fast = end - ((end - start) & 7);
    while (i < fast) {
        const a = (buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24)) ^ c;
        c =
            t[1792 + (a & 0xff)] ^
                t[1536 + ((a >>> 8) & 0xff)] ^
                t[1280 + ((a >>> 16) & 0xff)] ^
                t[1024 + (a >>> 24)] ^
                t[768 + buf[i + 4]] ^
                t[512 + buf[i + 5]] ^
                t[256 + buf[i + 6]] ^
                t[buf[i + 7]];
        i += 8;
    }
    while (i < end)
        c = t[(c ^ buf[i++]) & 0xff] ^ (c >>> 8);
    return ~c >>> 0;
}
/** CRC-32 (IEEE 802.3, zlib's `crc32`) of `buf[start, end)`, continuing from `crc` (0 to start). */
function crc32(buf, start = 0, end = buf.length, crc = 0) {
    return update(IEEE, crc, buf, start, end);
}
/** CRC-32C (Castagnoli) of `buf[start, end)`, continuing from `crc` (0 to start). */
function crc32c(buf, start = 0, end = buf.length, crc = 0) {
    return update(CASTAGNOLI, crc, buf, start, end);
}
/** The masked CRC-32C TFRecord and LevelDB store: rotate right by 15 bits and add 0xa282ead8. */
function maskedCrc32c(buf, start = 0, end = buf.length) {
    const c = crc32c(buf, start, end);
    return ((((c >>> 15) | (c << 17)) >>> 0) + 0xa282ead8) >>> 0;
}

// The framing of a W&B run log (`run-<id>.wandb`, LevelDB's log format): a 7-byte header (":W&B", magic 0xBEE1,
// version 0), then 32 KiB blocks of records, each with a 7-byte header (CRC-32 of type and data, little-endian
// uint16 length, type FULL/FIRST/MIDDLE/LAST). Streamed block by block; every CRC is checked.
const BLOCK = 32768;
const HEADER = 7;
const FULL = 1;
const FIRST = 2;
const MIDDLE = 3;
const LAST = 4;
/**
 * Scans a W&B run log from a stream of chunks, calling `onRecord` with each whole record (a view valid only
 * during the call) and its byte offset. Checks every CRC; stops at the first corrupt byte.
 */
async function scanRunLog(chunks, onRecord) {
    const framer = new RunLogFramer(onRecord);
    let pending = Buffer.alloc(0);
    for await (const chunk of chunks) {
        pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
        let offset = 0;
        while (pending.length - offset >= BLOCK) {
            if (!framer.block(pending.subarray(offset, offset + BLOCK), false))
                return framer.result;
            offset += BLOCK;
            framer.blockStart += BLOCK;
        }
        pending = pending.subarray(offset);
    }
    framer.end(pending);
    return framer.result;
}
/** The state of one scan: where the current block starts and the parts of a record split over blocks. */
class RunLogFramer {
    onRecord;
    result = { records: 0, truncated: false };
    /** The byte offset of the block being parsed. */
    blockStart = 0;
    fragments;
    fragmentsOffset = 0;
    constructor(onRecord) {
        this.onRecord = onRecord;
    }
    /** Parses one block (full, or the last partial one when `final`). Returns false to stop scanning. */
    block(buf, final) {
        let pos = 0;
        if (this.blockStart === 0) {
            if (!this.header(buf))
                return false;
            pos = HEADER;
        }
        while (pos + HEADER <= buf.length) {
            const next = this.record(buf, pos, final);
            if (next === 'stop')
                return false;
            if (next === 'zero-fill')
                return !final;
            pos = next;
        }
        // Fewer than 7 bytes left: a trailer of zeros, or a record header cut short.
        if (final && (buf.subarray(pos).some(b => b !== 0) || this.fragments))
            this.result.truncated = true;
        return true;
    }
    /** Called after the last whole block with what is left of the stream. */
    end(rest) {
        if (rest.length || this.blockStart === 0)
            this.block(rest, true);
        else if (this.fragments)
            this.result.truncated = true;
    }
    /** Checks the file header; false (with the result's error or truncation set) when it is not a W&B log. */
    header(buf) {
        if (buf.length < HEADER) {
            if (buf.length === 0)
                this.result.error = { offset: 0, message: 'is empty; a W&B run log starts with a 7-byte header' };
            else
                this.result.truncated = true;
            return false;
        }
        if (buf.toString('latin1', 0, 4) !== ':W&B' || buf.readUInt16LE(4) !== 0xbee1 || buf[6] !== 0) {
            this.fail(0, `is not a W&B run log: it starts with ${JSON.stringify(buf.toString('latin1', 0, 7))}, expected ":W&B" and the magic 0xBEE1, version 0`);
            return false;
        }
        return true;
    }
    /** Reads the record whose header is at `pos`: checks it, passes whole records on, keeps split parts. */
    record(buf, pos, final) {
        const at = this.blockStart + pos;
        const crc = buf.readUInt32LE(pos);
        const len = buf.readUInt16LE(pos + 4);
        const type = buf[pos + 6];
        if (type === 0 && len === 0 && crc === 0) {
            // Zero fill: preallocated space or the end of what was written.
            if (final)
                this.result.truncated = buf.subarray(pos).some(b => b !== 0) || this.fragments !== undefined;
            return 'zero-fill';
        }
        const end = pos + HEADER + len;
        if (end > buf.length) {
            if (!final)
                return this.fail(at, `record of ${len} bytes at byte ${at} runs past the end of its 32 KiB block; the log is corrupt from there`);
            this.result.truncated = true;
            return 'stop';
        }
        if (type < FULL || type > LAST)
            return this.fail(at, `record at byte ${at} has type ${type}; expected 1 to 4 (FULL, FIRST, MIDDLE, LAST). The log is corrupt from there`);
        const computed = crc32(buf, pos + 6, end);
        if (computed !== crc)
            return this.fail(at, `record at byte ${at} fails its CRC-32 check (stored 0x${crc.toString(16)}, computed 0x${computed.toString(16)}); the log is corrupt from there`);
        return this.assemble(buf.subarray(pos + HEADER, end), type, at) ? end : 'stop';
    }
    /** Passes a FULL record on, or collects FIRST/MIDDLE/LAST parts until the record is whole. */
    assemble(data, type, at) {
        if (type === FULL || type === FIRST) {
            if (this.fragments) {
                this.fail(at, `record at byte ${at} starts a new record while the one begun at byte ${this.fragmentsOffset} has no LAST part`);
                return false;
            }
            if (type === FULL) {
                this.result.records++;
                this.onRecord(data, at);
            }
            else {
                this.fragments = [Buffer.from(data)];
                this.fragmentsOffset = at;
            }
            return true;
        }
        if (!this.fragments) {
            this.fail(at, `record at byte ${at} is a ${type === MIDDLE ? 'MIDDLE' : 'LAST'} part with no FIRST part before it`);
            return false;
        }
        this.fragments.push(Buffer.from(data));
        if (type === LAST) {
            const whole = Buffer.concat(this.fragments);
            this.fragments = undefined;
            this.result.records++;
            this.onRecord(whole, this.fragmentsOffset);
        }
        return true;
    }
    /** Records why the scan stops at byte `offset`. */
    fail(offset, message) {
        this.result.error = { offset, message };
        return 'stop';
    }
}

/** Streams and decodes a run log into `series` and the returned contents; reports corruption. */
async function readRunLog(file, run, series, ctx) {
    const stream = await ctx.openStream(file, { run });
    if (!stream)
        return undefined;
    const contents = {
        records: 0,
        rows: 0,
        history: series,
        summary: Object.create(null),
        config: Object.create(null),
        run: { tags: [] },
        environment: {},
        truncated: false,
        failed: false
    };
    const reader = new ProtoReader(Buffer.alloc(0));
    let problems = 0;
    let scan;
    try {
        scan = await scanRunLog(stream, (data, offset) => {
            try {
                decodeRecord(reader.reset(data, 0, data.length), contents);
            }
            catch (e) {
                if (!(e instanceof ProtoError))
                    throw e;
                if (problems++ < 5)
                    ctx.error(file, `record at byte ${offset} is not a valid W&B Record (${e.message}); it was skipped`, { run });
            }
        });
    }
    catch (e) {
        ctx.error(file, `cannot be read: ${e.message}`, { run });
        contents.failed = true;
        return contents;
    }
    finally {
        stream.destroy?.();
    }
    contents.records = scan.records;
    contents.truncated = scan.truncated;
    if (scan.error) {
        contents.failed = true;
        ctx.error(file, `${scan.error.message}. ${scan.records} whole records before it were read; wandb-summary.json and config.yaml are used where present`, { run });
    }
    return contents;
}
/** Decodes one Record, keeping history, summary, config, run, exit and environment (metadata) records. */
function decodeRecord(r, c) {
    while (r.next()) {
        const field = r.field;
        if (r.wire !== 2 || ![2, 3, 5, 17, 18, 26].includes(field)) {
            r.skip();
            continue;
        }
        const end = r.bytes();
        const start = r.start;
        const sub = new ProtoReader(r.buf, start, end);
        if (field === 2)
            decodeHistory(sub, c);
        else if (field === 3)
            decodeUpdates(sub, c.summary);
        else if (field === 5)
            decodeUpdates(sub, c.config);
        else if (field === 17)
            decodeRunRecord(sub, c);
        else if (field === 18)
            decodeExit(sub, c);
        else
            decodeEnvironment(sub, c);
    }
}
/** Reads a HistoryItem/SummaryItem/ConfigItem: key (1) or nested_key (2, repeated), value_json (16). */
function decodeItem(r) {
    let key;
    const nested = [];
    let json;
    while (r.next()) {
        if (r.field === 1 && r.wire === 2)
            key = r.string();
        else if (r.field === 2 && r.wire === 2)
            nested.push(r.string());
        else if (r.field === 16 && r.wire === 2)
            json = r.string();
        else
            r.skip();
    }
    const keys = nested.length ? nested : key !== undefined ? [key] : [];
    if (!keys.length)
        return undefined;
    return { keys, value: json === undefined ? undefined : parseValueJson(json) };
}
function subReader(r) {
    const end = r.bytes();
    return new ProtoReader(r.buf, r.start, end);
}
function decodeHistory(r, c) {
    const row = Object.create(null);
    let stepNum;
    while (r.next()) {
        if (r.field === 1 && r.wire === 2) {
            const item = decodeItem(subReader(r));
            if (item && item.value !== undefined)
                setPath(row, item.keys, item.value);
        }
        else if (r.field === 2 && r.wire === 2) {
            const s = subReader(r);
            stepNum = 0;
            while (s.next()) {
                if (s.field === 1 && s.wire === 0)
                    stepNum = s.int64();
                else
                    s.skip();
            }
        }
        else
            r.skip();
    }
    c.history.addRow(row, stepNum ?? c.rows);
    c.rows++;
}
/** Applies a SummaryRecord or ConfigRecord: update (1) and remove (2) items. */
function decodeUpdates(r, target) {
    while (r.next()) {
        if ((r.field === 1 || r.field === 2) && r.wire === 2) {
            const remove = r.field === 2;
            const item = decodeItem(subReader(r));
            if (!item)
                continue;
            if (remove)
                deletePath(target, item.keys);
            else if (item.value !== undefined)
                setPath(target, item.keys, item.value);
        }
        else
            r.skip();
    }
}
function decodeTimestamp(r) {
    let seconds = 0;
    let nanos = 0;
    while (r.next()) {
        if (r.field === 1 && r.wire === 0)
            seconds = r.int64();
        else if (r.field === 2 && r.wire === 0)
            nanos = r.int64();
        else
            r.skip();
    }
    const ms = seconds * 1000 + Math.floor(nanos / 1e6);
    const date = new Date(ms);
    return Number.isNaN(date.getTime()) || seconds <= 0 ? undefined : date.toISOString();
}
function decodeGit(r) {
    const git = {};
    while (r.next()) {
        if (r.field === 1 && r.wire === 2)
            git.remote = r.string();
        else if (r.field === 2 && r.wire === 2)
            git.commit = r.string();
        else
            r.skip();
    }
    return git;
}
/** RunRecord: run_id 1, entity 2, project 3, config 4, summary 5, run_group 6, display_name 8, notes 9, tags 10, host 13, start_time 17, telemetry 19, git 21. */
function decodeRunRecord(r, c) {
    const run = c.run;
    while (r.next()) {
        const f = r.field;
        if (r.wire !== 2) {
            r.skip();
            continue;
        }
        if (f === 1)
            run.id = r.string() || run.id;
        else if (f === 2)
            run.entity = r.string() || run.entity;
        else if (f === 3)
            run.project = r.string() || run.project;
        else if (f === 4)
            decodeUpdates(subReader(r), c.config);
        else if (f === 5)
            decodeUpdates(subReader(r), c.summary);
        else if (f === 6)
            run.group = r.string() || run.group;
        else if (f === 8)
            run.name = r.string() || run.name;
        else if (f === 9)
            run.notes = r.string() || run.notes;
        else if (f === 10) {
            const tag = r.string();
            if (!run.tags.includes(tag))
                run.tags.push(tag);
        }
        else if (f === 13)
            run.host = r.string() || run.host;
        else if (f === 17)
            run.startedAt = decodeTimestamp(subReader(r)) ?? run.startedAt;
        else if (f === 19) {
            const t = subReader(r);
            while (t.next()) {
                if (t.field === 4 && t.wire === 2)
                    run.python = t.string() || run.python;
                else
                    t.skip();
            }
        }
        else if (f === 21)
            run.gitCommit = decodeGit(subReader(r)).commit || run.gitCommit;
        else
            r.skip();
    }
}
/** RunExitRecord: exit_code 1, runtime 2. */
function decodeExit(r, c) {
    const exit = { code: 0, runtime: 0 };
    while (r.next()) {
        if (r.field === 1 && r.wire === 0)
            exit.code = r.int64();
        else if (r.field === 2 && r.wire === 0)
            exit.runtime = r.int64();
        else
            r.skip();
    }
    c.exit = exit;
}
/** The environment (metadata) record of wandb ≥ 0.19: os 1, python 2, started_at 3, git 9, host 12. */
function decodeEnvironment(r, c) {
    const env = c.environment;
    while (r.next()) {
        const f = r.field;
        if (r.wire !== 2)
            r.skip();
        else if (f === 1)
            env.os = r.string() || env.os;
        else if (f === 2)
            env.python = r.string() || env.python;
        else if (f === 3)
            env.startedAt = decodeTimestamp(subReader(r)) ?? env.startedAt;
        else if (f === 9)
            env.gitCommit = decodeGit(subReader(r)).commit || env.gitCommit;
        else if (f === 12)
            env.host = r.string() || env.host;
        else
            r.skip();
    }
}
/** Parses an item's value_json: fast for plain numbers, lenient (NaN, Infinity) otherwise; undefined when it does not parse. */
function parseValueJson(text) {
    const n = text.length < 32 && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? Number(text) : undefined;
    if (n !== undefined)
        return n;
    try {
        return plainJson(parseJsonLenient(text).value);
    }
    catch {
        return undefined;
    }
}
/** Sets a value at a nested path, creating null-prototype objects (untrusted keys such as `__proto__` stay data). */
function setPath(target, keys, value) {
    let obj = target;
    for (let i = 0; i < keys.length - 1; i++) {
        const next = obj[keys[i]];
        if (isRecord(next))
            obj = next;
        else {
            const created = Object.create(null);
            obj[keys[i]] = created;
            obj = created;
        }
    }
    obj[keys[keys.length - 1]] = value;
}
function deletePath(target, keys) {
    let obj = target;
    for (let i = 0; i < keys.length - 1; i++)
        obj = isRecord(obj) ? obj[keys[i]] : undefined;
    if (isRecord(obj))
        delete obj[keys[keys.length - 1]];
}

// Weights & Biases local run folders: `wandb/run-*`, `wandb/offline-run-*` and the pre-0.10 layout (files
// directly in the run folder). Reads wandb-summary.json, config.yaml, wandb-metadata.json, requirements.txt,
// wandb-history.jsonl, and the binary run log `run-<id>.wandb` (LevelDB-style log of protobuf Records), which is
// all an offline run may leave. The log is streamed block by block, never read whole (wandb-log.ts frames it,
// wandb-records.ts decodes its records, wandb-history.ts builds the metric series).
/** A run folder name: `run-<date>_<time>-<id>` or `offline-run-…`. */
const RUN_DIR = /^(?:offline-)?run-.*?([A-Za-z0-9]+)$/;
/** Files that mark a folder as a W&B run (besides the `files/` folder of current versions). */
const RUN_MARKERS = ['wandb-summary.json', 'wandb-metadata.json', 'wandb-history.jsonl'];
const isRunLog = (f) => f.endsWith('.wandb');
/** Reads W&B run folders: a `wandb` directory (every run in it) or one run folder given explicitly. */
const wandbSource = {
    format: 'wandb',
    claim(listing) {
        if (listing.name === 'wandb' && listing.dirs.some(d => RUN_DIR.test(d)))
            return [{ path: listing.path, exclusive: true }];
        if (RUN_DIR.test(listing.name) &&
            (listing.files.some(f => isRunLog(f) || RUN_MARKERS.includes(f)) || listing.dirs.includes('files'))) {
            return [{ path: listing.path, exclusive: true }];
        }
        return [];
    },
    async read(claimPath, ctx) {
        if (RUN_DIR.test(path$1.basename(claimPath)) && path$1.basename(claimPath) !== 'wandb') {
            const run = await readWandbRun(claimPath, ctx);
            return run ? [run] : [];
        }
        // `latest-run` and other symbolic links to run folders are not listed (ctx.list leaves out linked folders),
        // so a run is read once; `debug.log`, `settings` and the like are files and ignored here.
        const { dirs } = await ctx.list(claimPath);
        const runs = [];
        for (const dir of dirs.filter(d => RUN_DIR.test(d))) {
            const run = await readWandbRun(path$1.join(claimPath, dir), ctx);
            if (run)
                runs.push(run);
        }
        return runs;
    }
};
/** Reads one run folder (any layout); undefined with a warning when it holds nothing a run is made of. */
async function readWandbRun(dir, ctx) {
    const folder = path$1.basename(dir);
    const runId = RUN_DIR.exec(folder)?.[1] ?? folder;
    const place = { run: folder };
    const files = await findRunFiles(dir, ctx);
    if (!files.log && !files.summary && !files.config && !files.metadata && !files.history) {
        ctx.warn(dir, `W&B run folder has no run-${runId}.wandb, wandb-summary.json, config.yaml, wandb-metadata.json or wandb-history.jsonl; it was skipped`, place);
        return undefined;
    }
    const series = new SeriesBuilder();
    const log = files.log ? await readRunLog(files.log, folder, series, ctx) : undefined;
    const summary = await readSummary(files.summary, log, place, ctx);
    if (files.history && !series.size)
        await readHistoryJsonl(files.history, folder, series, ctx);
    const metrics = {};
    for (const [key, { value: last, history }] of series.entries()) {
        const value = summary.get(key) ?? last;
        metrics[key] = { value, history };
    }
    for (const [key, value] of summary)
        if (!metrics[key])
            metrics[key] = { value };
    const params = await readParams(files.config, log, place, ctx);
    const facts = { environment: {}, tags: [], status: 'finished' };
    if (files.metadata)
        await readMetadataFile(files.metadata, files.legacy, facts, place, ctx);
    if (log)
        applyLogFacts(log, folder, facts);
    if (files.requirements)
        await readRequirements(files.requirements, folder, facts.environment, ctx);
    if (files.description) {
        const description = (await ctx.readText(files.description, place))?.trim();
        if (description)
            facts.description = description;
    }
    const { status, statusReason, ...metadata } = facts;
    return makeRun({
        id: `wandb:${ctx.rel(dir)}`,
        name: log?.run.name || runId,
        source: 'wandb',
        path: ctx.rel(dir),
        params,
        metrics,
        metadata: { ...metadata, status, ...(statusReason ? { statusReason } : {}) }
    });
}
/** Finds the run files of a folder in either layout. */
async function findRunFiles(dir, ctx) {
    const top = await ctx.list(dir);
    const sub = top.dirs.includes('files') ? await ctx.list(path$1.join(dir, 'files')) : { files: []};
    const find = (name) => sub.files.includes(name)
        ? path$1.join(dir, 'files', name)
        : top.files.includes(name)
            ? path$1.join(dir, name)
            : undefined;
    const logFile = top.files.find(isRunLog);
    return {
        legacy: !top.dirs.includes('files'),
        log: logFile ? path$1.join(dir, logFile) : undefined,
        summary: find('wandb-summary.json'),
        config: find('config.yaml'),
        metadata: find('wandb-metadata.json'),
        requirements: find('requirements.txt'),
        history: find('wandb-history.jsonl'),
        description: find('description.md')
    };
}
/** The summary's numbers: the log's, overridden by wandb-summary.json (which may only hold `_wandb.runtime`). */
async function readSummary(file, log, place, ctx) {
    const summary = new Map();
    if (log)
        numericLeaves(log.summary, '', (k, v) => summary.set(k, v));
    if (file) {
        const raw = await ctx.readJson(file, place);
        if (raw !== undefined) {
            if (isRecord(raw))
                numericLeaves(plainJson(raw), '', (k, v) => summary.set(k, v));
            else
                ctx.error(file, `must hold a JSON object of summary values, found ${typeof raw}`, place);
        }
    }
    return summary;
}
/** The run's params: config.yaml when present, otherwise what the log recorded. */
async function readParams(file, log, place, ctx) {
    if (file) {
        const raw = await ctx.readYaml(file, place);
        if (isRecord(raw))
            return flattenParams(unwrapConfig(raw));
        if (raw !== undefined && raw !== null)
            ctx.error(file, 'must be a YAML mapping of config keys to {value: …}', place);
        return {};
    }
    if (!log)
        return {};
    const config = { ...log.config };
    delete config._wandb;
    return flattenParams(config);
}
/** Reads wandb-metadata.json: git commit, environment, start time, and the status of the pre-0.10 layout. */
async function readMetadataFile(file, legacy, facts, place, ctx) {
    const raw = await ctx.readJson(file, place);
    if (!isRecord(raw)) {
        if (raw !== undefined)
            ctx.error(file, 'must hold a JSON object (os, python, host, git …)', place);
        return;
    }
    const m = plainJson(raw);
    const git = isRecord(m.git) ? m.git : {};
    facts.gitCommit = text$1(git.commit);
    for (const key of ['python', 'host', 'os', 'gpu', 'cuda'])
        setEnv(facts.environment, key, text$1(m[key]));
    facts.startedAt = isoTime(text$1(m.startedAt));
    // Only the pre-0.10 layout updates state and exitcode at the end; later versions leave "running".
    const exitcode = typeof m.exitcode === 'number' ? m.exitcode : undefined;
    if (exitcode !== undefined) {
        facts.status = exitcode === 0 ? 'finished' : 'failed';
        if (exitcode !== 0)
            facts.statusReason = `exit code ${exitcode}`;
    }
    else if (legacy && m.state === 'running') {
        facts.status = 'running';
        facts.statusReason = 'wandb-metadata.json says "running" and records no exit code';
    }
}
/** Adds what the run log knows (metadata wins where both have a value) and the status from its exit record. */
function applyLogFacts(log, folder, facts) {
    const env = log.environment;
    facts.gitCommit ??= env.gitCommit ?? log.run.gitCommit;
    setEnv(facts.environment, 'python', env.python ?? log.run.python);
    setEnv(facts.environment, 'host', env.host ?? log.run.host);
    setEnv(facts.environment, 'os', env.os);
    facts.startedAt ??= log.run.startedAt ?? env.startedAt;
    if (log.run.group)
        facts.group = log.run.group;
    if (log.run.notes)
        facts.notes = log.run.notes;
    if (log.run.tags.length)
        facts.tags = log.run.tags;
    if (log.run.entity && log.run.project && log.run.id && !folder.startsWith('offline-')) {
        facts.url = `https://wandb.ai/${encodeURIComponent(log.run.entity)}/${encodeURIComponent(log.run.project)}/runs/${encodeURIComponent(log.run.id)}`;
    }
    if (log.exit) {
        facts.status = log.exit.code === 0 ? 'finished' : 'failed';
        facts.statusReason = log.exit.code === 0 ? undefined : `exit code ${log.exit.code}`;
    }
    else if (!log.failed) {
        facts.status = log.truncated ? 'killed' : 'running';
        facts.statusReason = log.truncated
            ? 'the run log ends in the middle of a record and has no exit record (the process was killed)'
            : 'the run log has no exit record (still running, or stopped without finishing)';
    }
}
/** Drops `_wandb` and `wandb_version`, and unwraps `{desc: null, value: …}` entries of a config.yaml. */
function unwrapConfig(raw) {
    const out = {};
    for (const [key, value] of Object.entries(raw)) {
        if (key === '_wandb' || key === 'wandb_version')
            continue;
        const wrapped = isRecord(value) && 'value' in value && Object.keys(value).every(k => k === 'value' || k === 'desc');
        out[key] = wrapped ? value.value : value;
    }
    return out;
}
function text$1(value) {
    return typeof value === 'string' && value.trim()
        ? value.trim()
        : typeof value === 'number'
            ? String(value)
            : undefined;
}
function setEnv(env, key, value) {
    if (value === undefined || env[key] !== undefined)
        return;
    env[key] = key === 'python' ? value.replace(/^CPython /, '') : value;
}
/** W&B writes local times without a zone but means UTC; adds the `Z`. */
function isoTime(value) {
    if (!value)
        return undefined;
    return /^\d{4}-\d\d-\d\dT[\d:.]+$/.test(value) ? `${value}Z` : value;
}
/** Reads requirements.txt into `packages.<name>` = version (or the requirement text) in the environment. */
async function readRequirements(file, run, env, ctx) {
    const content = await ctx.readText(file, { run });
    if (content === undefined)
        return;
    for (const raw of content.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line || line.startsWith('#') || line.startsWith('-'))
            continue;
        const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(?:(===?|~=|>=|<=|@)\s*(.+))?$/.exec(line);
        if (!m)
            continue;
        env[`packages.${m[1].toLowerCase()}`] = m[3]?.trim() ?? '';
    }
}

// TensorBoard event files (`events.out.tfevents.*`): TFRecord framing (length, masked CRC-32C of the length,
// data, masked CRC-32C of the data) around `Event` protobufs. Scalars come from TF1 `simple_value` and TF2
// float tensors; images, histograms, text, graphs and hparams events are skipped. One run per folder: every
// event file in a folder merges into it; Lightning's `hparams.yaml` beside them gives the params.
// Files are streamed and decoded from Buffer offsets, never read whole.
/** The name every TensorBoard event file starts with. */
const EVENT_FILE_PREFIX = 'events.out.tfevents.';
/** What a Git LFS pointer file starts with. */
const LFS_POINTER = 'version https://git-lfs.github.com/spec/';
/** The largest single record accepted (a bigger one means a corrupt length or a file that is not event data). */
const MAX_RECORD = 256 * 1024 * 1024;
/** Event files are read in 1 MiB chunks: fewer chunks, fewer records split across two. */
const STREAM_CHUNK = 1024 * 1024;
const isEventFile = (f) => f.startsWith(EVENT_FILE_PREFIX);
/** Reads every folder holding `events.out.tfevents.*` files as one run (not exclusive: sub-folders may be other runs). */
const tensorboardSource = {
    format: 'tensorboard',
    claim(listing) {
        return listing.files.some(isEventFile) ? [{ path: listing.path }] : [];
    },
    async read(claimPath, ctx) {
        const run = await readTensorBoardRun(claimPath, ctx);
        return run ? [run] : [];
    }
};
/** Scalar series of one or more event files, by tag, kept in typed columns (no object per point until the end). */
class ScalarSeries {
    columns = new Map();
    /** Counts of what was skipped, by kind. */
    skipped = { nonScalar: 0, hparams: 0, placeholder: 0 };
    events = 0;
    /** Adds one point of a tag (`wallTime` in seconds). */
    add(tag, step, wallTime, value) {
        let c = this.columns.get(tag);
        // Sorted by step only (stable: a repeated step keeps the order written); the final value is the last
        // written point of the highest step.
        if (!c)
            this.columns.set(tag, (c = new HistoryBuilder({ final: 'max-step', byTimestamp: false, repeats: 'keep' })));
        c.add(step, value, Math.round(wallTime * 1000));
    }
    /** Number of points over all tags. */
    get points() {
        let n = 0;
        for (const c of this.columns.values())
            n += c.length;
        return n;
    }
    /** Each tag's metric: the final value from the full series, the history sorted by step and thinned. */
    metrics() {
        const out = new Map();
        for (const [tag, c] of this.columns) {
            const built = c.build();
            if (built)
                out.set(tag, metricFromBuilt(built));
        }
        return out;
    }
}
/** Reads one event folder into a run; undefined when it yields neither scalars nor hparams.yaml. */
async function readTensorBoardRun(dir, ctx) {
    const { files } = await ctx.list(dir);
    const eventFiles = files.filter(isEventFile);
    const name = ctx.rel(dir);
    const place = { run: name };
    const series = new ScalarSeries();
    let readable = 0;
    for (const file of eventFiles) {
        if (await readEventFile(path$1.join(dir, file), name, series, ctx))
            readable++;
    }
    let params = {};
    const hasHparams = files.includes('hparams.yaml');
    if (hasHparams) {
        const file = path$1.join(dir, 'hparams.yaml');
        const raw = await ctx.readYaml(file, place);
        if (isRecord(raw))
            params = flattenParams(dropPrivate(raw));
        else if (raw !== undefined && raw !== null)
            ctx.error(file, 'must be a YAML mapping of hyperparameters', place);
    }
    const metrics = {};
    for (const [tag, metric] of series.metrics())
        metrics[tag] = metric;
    if (!Object.keys(metrics).length) {
        if (!readable)
            return undefined;
        if (!hasHparams) {
            ctx.warn(dir, 'event files hold no scalar values (only graphs, hparams, text or other summaries); no run was made from this folder', place);
            return undefined;
        }
        ctx.warn(dir, 'event files hold no scalar values; the run has only the hyperparameters of hparams.yaml', place);
    }
    return makeRun({ id: `tensorboard:${name}`, name, source: 'tensorboard', path: name, params, metrics });
}
/** Drops keys starting with `_` below the top level: private attributes of pickled Python objects in hparams.yaml. */
function dropPrivate(value, depth = 0) {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
        if (depth > 0 && k.startsWith('_'))
            continue;
        out[k] = isRecord(v) && depth < 32 ? dropPrivate(v, depth + 1) : v;
    }
    return out;
}
/**
 * Scans TFRecord framing over a stream of chunks, checking both masked CRC-32Cs, and calls `onRecord` with
 * the buffer and the record's [start, end) (valid only during the call). Stops at the first corrupt byte.
 */
async function scanTfRecords(chunks, onRecord) {
    const result = { records: 0, bytes: 0 };
    let rest;
    let base = 0; // file offset of rest[0]
    let first = true;
    /** Parses the whole records in `buf`; keeps the incomplete tail in `rest`. False when the file is corrupt. */
    const parse = (buf) => {
        let pos = 0;
        const n = buf.length;
        while (pos + 12 <= n) {
            const storedLenCrc = buf.readUInt32LE(pos + 8);
            if (maskedCrc32c(buf, pos, pos + 8) !== storedLenCrc) {
                result.error = {
                    offset: base + pos,
                    message: `record at byte ${base + pos} fails the CRC-32C check of its length; the file is corrupt from there`
                };
                return false;
            }
            const len = buf.readUInt32LE(pos + 4) * 4294967296 + buf.readUInt32LE(pos);
            if (len > MAX_RECORD) {
                result.error = {
                    offset: base + pos,
                    message: `record at byte ${base + pos} claims ${len} bytes, more than the ${MAX_RECORD}-byte limit; reading stopped there`
                };
                return false;
            }
            const end = pos + 12 + len + 4;
            if (end > n)
                break;
            if (maskedCrc32c(buf, pos + 12, pos + 12 + len) !== buf.readUInt32LE(end - 4)) {
                result.error = {
                    offset: base + pos,
                    message: `record at byte ${base + pos} (${len} bytes) fails the CRC-32C check of its data; the file is corrupt from there`
                };
                return false;
            }
            result.records++;
            onRecord(buf, pos + 12, pos + 12 + len, base + pos);
            pos = end;
        }
        base += pos;
        rest = pos < n ? buf.subarray(pos) : undefined;
        return true;
    };
    /** Bytes of the record that starts `head` (12 while its header is incomplete or wrong: parse reports that). */
    const recordBytes = (head) => {
        if (head.length < 12 || maskedCrc32c(head, 0, 8) !== head.readUInt32LE(8))
            return 12;
        const len = head.readUInt32LE(4) * 4294967296 + head.readUInt32LE(0);
        return len > MAX_RECORD ? 12 : 12 + len + 4;
    };
    for await (const chunk of chunks) {
        result.bytes += chunk.length;
        let buf = chunk;
        if (first) {
            buf = rest ? Buffer.concat([rest, chunk]) : chunk;
            rest = undefined;
            if (buf.length < LFS_POINTER.length) {
                rest = buf;
                continue;
            }
            first = false;
            if (buf.toString('latin1', 0, LFS_POINTER.length) === LFS_POINTER) {
                result.lfsPointer = true;
                return result;
            }
        }
        // A record split across chunks: copy only its own bytes from this chunk (never the whole chunk) to finish it.
        while (rest && buf.length) {
            const take = Math.max(0, Math.min(recordBytes(rest) - rest.length, buf.length));
            const joined = Buffer.concat([rest, buf.subarray(0, take)]);
            buf = buf.subarray(take);
            rest = undefined;
            if (!parse(joined))
                return result;
            if (take === 0)
                break;
        }
        if (buf.length && !parse(buf))
            return result;
    }
    if (first && rest) {
        const buf = rest;
        rest = undefined;
        if (!parse(buf))
            return result;
    }
    if (rest)
        result.truncatedAt = base;
    return result;
}
/** Streams one event file into `series`; returns true when it was event data (whatever it held). */
async function readEventFile(file, run, series, ctx) {
    const stream = await ctx.openStream(file, { run }, { highWaterMark: STREAM_CHUNK });
    if (!stream)
        return false;
    const decoder = new EventDecoder(series);
    let scan;
    let badEvents = 0;
    try {
        scan = await scanTfRecords(stream, (buf, start, end, offset) => {
            try {
                decoder.decode(buf, start, end);
            }
            catch (e) {
                if (!(e instanceof ProtoError))
                    throw e;
                if (badEvents++ < 5)
                    ctx.error(file, `record at byte ${offset} is not a valid Event protobuf (${e.message}); it was skipped`, { run });
            }
        });
    }
    catch (e) {
        ctx.error(file, `cannot be read: ${e.message}`, { run });
        return false;
    }
    finally {
        stream.destroy?.();
    }
    if (scan.lfsPointer) {
        ctx.error(file, 'is a Git LFS pointer, not event data; run git lfs pull (or check out with LFS) to fetch the real file', { run });
        return false;
    }
    if (scan.error && scan.records === 0) {
        ctx.error(file, `is not a TensorBoard event file: ${scan.error.message}. It was skipped`, { run });
        return false;
    }
    if (scan.error) {
        ctx.error(file, `${scan.error.message}. The ${scan.records} whole records before it were read`, { run });
    }
    else if (scan.truncatedAt !== undefined) {
        if (scan.records === 0) {
            ctx.error(file, `is not a TensorBoard event file (no whole TFRecord in its ${scan.bytes} bytes); it was skipped`, { run });
            return false;
        }
        ctx.warn(file, `ends inside a record at byte ${scan.truncatedAt} (a writer that was stopped or is still writing); the ${scan.records} whole records before it were read`, { run });
    }
    return true;
}
const SCALARS = Buffer.from('scalars');
const HPARAMS = Buffer.from('hparams');
function sameBytes(buf, start, end, name) {
    if (end - start !== name.length)
        return false;
    for (let i = 0; i < name.length; i++)
        if (buf[start + i] !== name[i])
            return false;
    return true;
}
const DT_FLOAT = 1;
const DT_DOUBLE = 2;
const DT_BFLOAT16 = 14;
const DT_HALF = 19;
/** Decodes Event protobufs with reused readers: wall_time 1, step 2, summary 5 → Value (tag 1, simple_value 2, tensor 8, metadata 9). */
class EventDecoder {
    series;
    event = new ProtoReader(Buffer.alloc(0));
    summary = new ProtoReader(Buffer.alloc(0));
    value = new ProtoReader(Buffer.alloc(0));
    inner = new ProtoReader(Buffer.alloc(0));
    tensor = new ProtoReader(Buffer.alloc(0));
    plugin = new ProtoReader(Buffer.alloc(0));
    /** Tags seen so far, by a hash of their bytes: decoding the same tag again allocates nothing. */
    tags = new Map();
    constructor(series) {
        this.series = series;
    }
    /** The text of the tag at buf[start, end), from the cache when its bytes were seen before. */
    internTag(buf, start, end) {
        let h = 0x811c9dc5 ^ (end - start);
        for (let i = start; i < end; i++)
            h = Math.imul(h ^ buf[i], 0x01000193);
        const hit = this.tags.get(h);
        if (hit && hit.bytes.length === end - start) {
            let same = true;
            for (let i = 0, j = start; j < end; i++, j++) {
                if (hit.bytes[i] !== buf[j]) {
                    same = false;
                    break;
                }
            }
            if (same)
                return hit.tag;
        }
        const tag = buf.toString('utf8', start, end);
        if (!hit && this.tags.size < 100_000)
            this.tags.set(h, { bytes: Buffer.from(buf.subarray(start, end)), tag });
        return tag;
    }
    decode(buf, start, end) {
        const e = this.event.reset(buf, start, end);
        let wallTime = 0;
        let step = 0;
        let summaryStart = -1;
        let summaryEnd = -1;
        while (e.next()) {
            if (e.field === 1 && e.wire === 1)
                wallTime = e.double();
            else if (e.field === 2 && e.wire === 0)
                step = e.int64();
            else if (e.field === 5 && e.wire === 2) {
                summaryEnd = e.bytes();
                summaryStart = e.start;
            }
            else
                e.skip();
        }
        this.series.events++;
        if (summaryStart < 0)
            return;
        const s = this.summary.reset(buf, summaryStart, summaryEnd);
        while (s.next()) {
            if (s.field === 1 && s.wire === 2) {
                const vEnd = s.bytes();
                this.decodeValue(buf, s.start, vEnd, step, wallTime);
            }
            else
                s.skip();
        }
    }
    decodeValue(buf, start, end, step, wallTime) {
        const v = this.value.reset(buf, start, end);
        let tag;
        let simple;
        let tensorStart = -1;
        let tensorEnd = -1;
        let plugin = '';
        let other = false;
        while (v.next()) {
            const f = v.field;
            if (f === 1 && v.wire === 2) {
                const tEnd = v.bytes();
                tag = this.internTag(buf, v.start, tEnd);
            }
            else if (f === 2 && v.wire === 5)
                simple = v.float();
            else if (f === 8 && v.wire === 2) {
                tensorEnd = v.bytes();
                tensorStart = v.start;
            }
            else if (f === 9 && v.wire === 2) {
                const mEnd = v.bytes();
                plugin = this.pluginName(buf, v.start, mEnd);
            }
            else {
                if (f >= 3 && f <= 6)
                    other = true;
                v.skip();
            }
        }
        if (tag === undefined)
            return;
        if (plugin === 'hparams' || tag.startsWith('_hparams_/')) {
            this.series.skipped.hparams++;
            return;
        }
        let value;
        if (simple !== undefined)
            value = simple;
        else if (tensorStart >= 0 && (plugin === 'scalars' || plugin === ''))
            value = this.scalarTensor(buf, tensorStart, tensorEnd);
        if (value === undefined || other) {
            this.series.skipped.nonScalar++;
            return;
        }
        // PyTorch Lightning logs hp_metric = -1 as a placeholder when it records hyperparameters.
        if (tag === 'hp_metric' && value === -1) {
            this.series.skipped.placeholder++;
            return;
        }
        this.series.add(tag, step, wallTime, value);
    }
    /** SummaryMetadata.plugin_data (1) → plugin_name (1). */
    pluginName(buf, start, end) {
        const m = this.inner.reset(buf, start, end);
        while (m.next()) {
            if (m.field === 1 && m.wire === 2) {
                const pEnd = m.bytes();
                const p = this.plugin.reset(buf, m.start, pEnd);
                while (p.next()) {
                    if (p.field === 1 && p.wire === 2) {
                        // The two names that matter, matched on their bytes: no string per value.
                        const nEnd = p.bytes();
                        if (sameBytes(buf, p.start, nEnd, SCALARS))
                            return 'scalars';
                        if (sameBytes(buf, p.start, nEnd, HPARAMS))
                            return 'hparams';
                        return buf.toString('utf8', p.start, nEnd);
                    }
                    p.skip();
                }
                return '';
            }
            m.skip();
        }
        return '';
    }
    /** The value of a one-element float tensor (DT_FLOAT, DT_DOUBLE, DT_HALF, DT_BFLOAT16); undefined otherwise. */
    scalarTensor(buf, start, end) {
        const t = this.tensor.reset(buf, start, end);
        let dtype = 0;
        let elements = 1;
        let contentStart = -1;
        let contentEnd = -1;
        // Only one value matters: count them, keep the first (no array per tensor).
        let count = 0;
        let first = 0;
        while (t.next()) {
            const f = t.field;
            if (f === 1 && t.wire === 0)
                dtype = t.uint32();
            else if (f === 2 && t.wire === 2)
                elements = this.shapeElements(t);
            else if (f === 4 && t.wire === 2) {
                contentEnd = t.bytes();
                contentStart = t.start;
            }
            else if (f === 5 || f === 6 || f === 13) {
                // float_val, double_val, half_val: packed (wire 2) or one value per field.
                if (t.wire === 2) {
                    const pEnd = t.bytes();
                    const p = t.start;
                    const size = f === 5 ? 4 : 8;
                    if (f !== 13) {
                        const n = Math.floor((pEnd - p) / size);
                        if (count === 0 && n > 0)
                            first = f === 5 ? buf.readFloatLE(p) : buf.readDoubleLE(p);
                        count += n;
                    }
                    else {
                        const h = new ProtoReader(buf, p, pEnd);
                        while (h.pos < h.end) {
                            const v = this.halfBits(dtype, h.uint32());
                            if (count++ === 0)
                                first = v;
                        }
                    }
                }
                else if (f === 5 && t.wire === 5) {
                    const v = t.float();
                    if (count++ === 0)
                        first = v;
                }
                else if (f === 6 && t.wire === 1) {
                    const v = t.double();
                    if (count++ === 0)
                        first = v;
                }
                else if (f === 13 && t.wire === 0) {
                    const v = this.halfBits(dtype, t.uint32());
                    if (count++ === 0)
                        first = v;
                }
                else
                    t.skip();
            }
            else
                t.skip();
        }
        if (elements !== 1)
            return undefined;
        if (contentStart >= 0) {
            const s = contentStart;
            const size = contentEnd - s;
            if (dtype === DT_FLOAT && size === 4)
                return buf.readFloatLE(s);
            if (dtype === DT_DOUBLE && size === 8)
                return buf.readDoubleLE(s);
            if ((dtype === DT_HALF || dtype === DT_BFLOAT16) && size === 2)
                return this.halfBits(dtype, buf.readUInt16LE(s));
            return undefined;
        }
        if (dtype !== DT_FLOAT && dtype !== DT_DOUBLE && dtype !== DT_HALF && dtype !== DT_BFLOAT16)
            return undefined;
        return count === 1 ? first : undefined;
    }
    halfBits(dtype, bits) {
        if (dtype === DT_BFLOAT16) {
            const b = Buffer.alloc(4);
            b.writeUInt32LE(((bits & 0xffff) << 16) >>> 0);
            return b.readFloatLE(0);
        }
        return halfToNumber(bits & 0xffff);
    }
    /** TensorShapeProto: the product of dim (2) sizes (1); a scalar has no dims. */
    shapeElements(t) {
        const sEnd = t.bytes();
        const s = new ProtoReader(t.buf, t.start, sEnd);
        let elements = 1;
        while (s.next()) {
            if (s.field === 2 && s.wire === 2) {
                const dEnd = s.bytes();
                const d = new ProtoReader(s.buf, s.start, dEnd);
                let size = 0;
                while (d.next()) {
                    if (d.field === 1 && d.wire === 0)
                        size = d.int64();
                    else
                        d.skip();
                }
                elements *= size;
            }
            else if (s.field === 3 && s.wire === 0) {
                if (s.bool())
                    elements = -1;
            }
            else
                s.skip();
        }
        return elements;
    }
}

// What the MLflow file store and the MLflow SQLite store share: run status codes and how MLflow's params and
// tags map onto a Run. The rule for a metric's latest value (step, then timestamp, then value) is HistoryBuilder's
// `mlflow` rule (history.ts).
/** MLflow's run statuses by name (SQLite, MLflow 2+) and by number (old meta.yaml files). */
const STATUS_BY_NAME = {
    RUNNING: 'running',
    SCHEDULED: 'running',
    FINISHED: 'finished',
    FAILED: 'failed',
    KILLED: 'killed'
};
const STATUS_BY_NUMBER = {
    1: 'RUNNING',
    2: 'SCHEDULED',
    3: 'FINISHED',
    4: 'FAILED',
    5: 'KILLED'
};
/** Maps an MLflow status (`FINISHED`, or 1..5 as old meta.yaml files write it) to a RunStatus; undefined when unknown. */
function mlflowStatus(raw) {
    if (typeof raw === 'number')
        return STATUS_BY_NAME[STATUS_BY_NUMBER[raw] ?? ''];
    if (typeof raw === 'string') {
        const text = raw.trim().toUpperCase();
        if (/^\d+$/.test(text))
            return STATUS_BY_NAME[STATUS_BY_NUMBER[Number(text)] ?? ''];
        return STATUS_BY_NAME[text];
    }
    return undefined;
}
/** What a tag or param concerns besides being shown as a tag. */
const TAGS_TO_ENVIRONMENT = {
    'mlflow.source.name': 'source',
    'mlflow.source.type': 'sourceType',
    'mlflow.source.git.branch': 'gitBranch',
    'mlflow.source.git.repoURL': 'gitRepo',
    'mlflow.autologging': 'autologging'
};
/** The longest `key=value` tag copied into metadata.tags; longer tags (model histories, JSON) are left out. */
const MAX_TAG_TEXT = 120;
/** Builds a Run from an MLflow run record: name, status, git commit, author, notes, parent, tags, data version. */
function buildMlflowRun(record) {
    const { tags, params } = record;
    const meta = emptyMetadata();
    const status = mlflowStatus(record.status);
    let unknownStatus;
    if (status)
        meta.status = status;
    else if (record.status !== undefined && record.status !== null)
        unknownStatus = String(record.status);
    const text = (value) => value !== undefined && value.trim() !== '' ? value.trim() : undefined;
    meta.gitCommit = text(tags.get('mlflow.source.git.commit'));
    meta.author = text(tags.get('mlflow.user')) ?? text(record.user);
    meta.notes = text(tags.get('mlflow.note.content'));
    const parent = text(tags.get('mlflow.parentRunId'));
    if (parent)
        meta.parentId = record.parentIdFor(parent);
    meta.hypothesis = text(params.get('hypothesis')) ?? text(tags.get('hypothesis'));
    meta.successCriteria = text(params.get('success_criteria')) ?? text(tags.get('success_criteria'));
    meta.group = text(tags.get('group'));
    const seedText = text(params.get('seed')) ?? text(tags.get('seed'));
    if (seedText !== undefined && /^-?\d+(\.0+)?$/.test(seedText) && Number.isSafeInteger(Number(seedText)))
        meta.seed = Number(seedText);
    const started = typeof record.startTime === 'number' ? record.startTime : Number(record.startTime);
    if (record.startTime !== null &&
        record.startTime !== undefined &&
        Number.isFinite(started) &&
        started > 0) {
        const date = new Date(started);
        if (!Number.isNaN(date.getTime()))
            meta.startedAt = date.toISOString();
    }
    for (const [tag, envKey] of Object.entries(TAGS_TO_ENVIRONMENT)) {
        const value = text(tags.get(tag));
        if (value !== undefined && value.length <= 500)
            meta.environment[envKey] = value;
    }
    if (record.experimentName !== undefined)
        meta.tags.push(`experiment=${record.experimentName}`);
    for (const [key, value] of [...tags.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (key.startsWith('mlflow.') || key === 'group' || key === 'hypothesis' || key === 'success_criteria')
            continue;
        const tag = `${key}=${value}`;
        if (tag.length <= MAX_TAG_TEXT && !/[\r\n]/.test(tag))
            meta.tags.push(tag);
    }
    if (record.datasets.length) {
        const label = (d) => (d.digest ? `${d.name}@${d.digest}` : d.name);
        const isEval = (d) => /^(eval|evaluation|validation|valid|val|test|testing)$/i.test(d.context ?? '');
        const train = record.datasets.filter(d => !isEval(d));
        const evals = record.datasets.filter(isEval);
        const all = [...new Set((train.length ? train : record.datasets).map(label))].sort();
        meta.dataVersion = all.join(', ');
        if (evals.length)
            meta.evalSet = [...new Set(evals.map(label))].sort().join(', ');
    }
    const name = text(tags.get('mlflow.runName')) ?? text(record.recordName) ?? record.runId;
    const runParams = {};
    for (const [key, value] of params)
        runParams[key] = value;
    const run = makeRun({
        id: record.id,
        name,
        source: record.source,
        path: record.path,
        params: runParams,
        metrics: record.metrics,
        metadata: meta
    });
    return { run, unknownStatus };
}

// A small pool of read workers (worker_threads) for stores with many metric files: the main thread walks folders
// and builds runs while the workers read and parse. Started only when a store is large enough to repay the start
// of a thread, and only from the built bundle (where the worker script sits beside this module); elsewhere (tests
// on the sources) everything is read on the main thread, with the same results.
/** The environment variable that sets the number of read workers (0 reads everything on the main thread). */
const READ_THREADS_ENV = 'EXPERIMENT_REVIEW_READ_THREADS';
/** The most workers started, whatever the machine. */
const MAX_WORKERS = 4;
/** The number of workers to start: the environment's choice, else one per core (at most MAX_WORKERS), 0 on one core. */
function readWorkerCount(env = process.env) {
    const given = env[READ_THREADS_ENV];
    if (given !== undefined && given.trim() !== '') {
        const n = Number(given);
        if (!Number.isInteger(n) || n < 0)
            throw new Error(`${READ_THREADS_ENV}=${JSON.stringify(given)}: expected a whole number of threads ≥ 0`);
        return Math.min(n, 16);
    }
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    return cores > 1 ? Math.min(cores, MAX_WORKERS) : 0;
}
/** The worker script's URL when it is there to run (the built bundle); undefined when running from sources. */
function workerScript() {
    const url = new URL('./metric-worker.js', import.meta.url);
    if (existsSync(fileURLToPath(url)))
        return url;
    // From TypeScript sources (tests, tsx) there is no compiled worker; a bundle without one is a build mistake.
    if (import.meta.url.endsWith('.ts'))
        return undefined;
    throw new Error(`the read worker ${fileURLToPath(url)} is missing; rebuild the bundle (npm run build)`);
}
/** Workers that read and parse MLflow metric files; see the file comment. */
class MetricReadPool {
    workers;
    busy;
    pending = new Map();
    nextId = 0;
    failure;
    closed = false;
    constructor(script, count) {
        this.workers = Array.from({ length: count }, () => {
            const worker = new Worker(script);
            worker.on('message', (result) => this.settle(result));
            worker.on('error', e => this.fail(e));
            worker.on('exit', code => {
                if (code !== 0 && !this.closed)
                    this.fail(new Error(`a read worker stopped with exit code ${code}`));
            });
            // An idle pool never keeps the process alive; a busy worker does (see read()).
            worker.unref();
            return worker;
        });
        this.busy = this.workers.map(() => 0);
    }
    /** A pool when the store is worth it and workers can run here; undefined means read on the main thread. */
    static start(count = readWorkerCount()) {
        if (count < 1)
            return undefined;
        const script = workerScript();
        return script ? new MetricReadPool(script, count) : undefined;
    }
    /** Reads and parses whole metric files (absolute paths); undefined for a file the caller must read itself. */
    read(files, maxBytes) {
        if (this.failure)
            return Promise.reject(this.failure);
        let worker = 0;
        for (let i = 1; i < this.busy.length; i++)
            if (this.busy[i] < this.busy[worker])
                worker = i;
        const id = this.nextId++;
        if (this.busy[worker] === 0)
            this.workers[worker].ref();
        this.busy[worker] += files.length;
        const done = () => {
            this.busy[worker] -= files.length;
            if (this.busy[worker] === 0)
                this.workers[worker].unref();
        };
        return new Promise((resolve, reject) => {
            this.pending.set(id, { worker, resolve, reject });
            this.workers[worker].postMessage({ id, files, maxBytes });
        }).finally(done);
    }
    /** Stops the workers. */
    async close() {
        this.closed = true;
        await Promise.all(this.workers.map(w => w.terminate()));
    }
    settle(result) {
        const task = this.pending.get(result.id);
        if (!task)
            return;
        this.pending.delete(result.id);
        task.resolve(result.files);
    }
    fail(e) {
        this.failure ??= e;
        for (const task of this.pending.values())
            task.reject(e);
        this.pending.clear();
    }
}

// The MLflow file store (`mlruns/`): experiments and runs described by meta.yaml files (MLflow 1.x, 2.x and
// 3.x layouts), one file per param, tag and metric (keys with `/` are nested folders), datasets and inputs.
// Deleted runs and experiments (lifecycle_stage deleted, anything under .trash/) are skipped.
/** MLflow run ids: 32 hex digits (uuid4 without dashes). */
const RUN_ID = /^[0-9a-f]{32}$/i;
/** Folders inside an experiment that are not runs (tags, datasets, traces, MLflow 3 logged models). */
const EXPERIMENT_RESERVED = new Set(['tags', 'datasets', 'traces', 'models', 'artifacts']);
/** Folders at the store root that are not experiments (.trash holds deleted ones; models is the registry). */
const ROOT_RESERVED = new Set(['.trash', 'models']);
/** Metric files up to this size are read whole; larger ones are streamed. */
const READ_WHOLE_BYTES = 8 * 1024 * 1024;
/** How many runs are read at the same time. */
const RUN_CONCURRENCY = 16;
/** An experiment with at least this many runs is read with a pool of read workers (when the machine has cores). */
const POOL_MIN_RUNS = 32;
/** The deepest folder nesting followed for keys with `/`. */
const MAX_KEY_DEPTH = 16;
/** Reads MLflow file stores: a folder named `mlruns`, or an experiment or run folder with its meta.yaml. */
const mlflowSource = {
    format: 'mlflow',
    claim(listing) {
        if (insideTrash(listing.path))
            return [];
        if (listing.name === 'mlruns')
            return [{ path: listing.path, exclusive: true }];
        if (!listing.files.includes('meta.yaml'))
            return [];
        if (looksLikeExperiment(listing) || looksLikeRun(listing))
            return [{ path: listing.path, exclusive: true }];
        return [];
    },
    read: readMlflowStore
};
/** True for a folder that holds meta.yaml and run folders (32-hex names). */
function looksLikeExperiment(listing) {
    return listing.dirs.some(d => RUN_ID.test(d));
}
/** True for a run folder: meta.yaml beside metrics/params/tags folders. */
function looksLikeRun(listing) {
    return ['metrics', 'params', 'tags'].filter(d => listing.dirs.includes(d)).length >= 2;
}
function insideTrash(p) {
    return p.split(/[\\/]/).includes('.trash');
}
/** Reads a claimed store root, experiment folder or run folder. */
async function readMlflowStore(claimPath, ctx) {
    if (insideTrash(ctx.rel(claimPath)))
        return [];
    const reading = {};
    try {
        return await readClaim(claimPath, ctx, reading);
    }
    finally {
        await reading.pool?.close();
    }
}
async function readClaim(claimPath, ctx, reading) {
    const { files, dirs } = await ctx.list(claimPath);
    if (files.includes('meta.yaml')) {
        const metaFile = path$1.join(claimPath, 'meta.yaml');
        const meta = await ctx.readYaml(metaFile);
        if (!isObject(meta)) {
            if (meta !== undefined)
                ctx.error(metaFile, `must be a YAML mapping with experiment_id or run_id; found ${describeValue(meta)}. The folder was skipped`);
            return [];
        }
        if (meta.run_id !== undefined || meta.run_uuid !== undefined) {
            // A single run folder: its experiment is the parent folder.
            const experiment = await readExperimentMeta(path$1.dirname(claimPath), ctx, true);
            if (!experiment)
                return [];
            const run = await readRun(claimPath, experiment, ctx, { meta, files, dirs });
            return run ? [run] : [];
        }
        const experiment = experimentFromMeta(claimPath, meta, metaFile, ctx);
        return experiment ? readExperimentRuns(experiment, dirs, ctx, reading) : [];
    }
    const runs = [];
    for (const dir of dirs) {
        if (ROOT_RESERVED.has(dir) || dir.startsWith('.'))
            continue;
        const experimentDir = path$1.join(claimPath, dir);
        const listing = await ctx.list(experimentDir);
        // Without meta.yaml this is not an experiment (MLflow 3.7+ keeps only artifacts here when the store is SQLite).
        if (!listing.files.includes('meta.yaml'))
            continue;
        const experiment = await readExperimentMeta(experimentDir, ctx, false);
        if (experiment)
            runs.push(...(await readExperimentRuns(experiment, listing.dirs, ctx, reading)));
    }
    return runs;
}
/** Reads an experiment's meta.yaml; undefined when it is deleted or not an experiment. */
async function readExperimentMeta(dir, ctx, quietIfMissing) {
    const file = path$1.join(dir, 'meta.yaml');
    if (quietIfMissing && !lstatQuiet(file))
        return { dir, id: path$1.basename(dir) };
    const meta = await ctx.readYaml(file);
    if (meta === undefined)
        return undefined;
    if (!isObject(meta)) {
        ctx.error(file, `must be a YAML mapping with experiment_id, name and lifecycle_stage; found ${describeValue(meta)}. The experiment was skipped`);
        return undefined;
    }
    return experimentFromMeta(dir, meta, file, ctx);
}
function experimentFromMeta(dir, meta, file, ctx) {
    if (meta.experiment_id === undefined && meta.artifact_location === undefined) {
        ctx.warn(file, 'has neither experiment_id nor artifact_location, so it is not an MLflow experiment; the folder was skipped');
        return undefined;
    }
    if (meta.lifecycle_stage === 'deleted')
        return undefined;
    const name = typeof meta.name === 'string' || typeof meta.name === 'number' ? String(meta.name) : undefined;
    const id = meta.experiment_id !== undefined && meta.experiment_id !== null
        ? String(meta.experiment_id)
        : path$1.basename(dir);
    return { dir, id, name };
}
/** Reads every run folder of an experiment, a few at a time (metric files in the read workers when there are many). */
async function readExperimentRuns(experiment, dirs, ctx, reading) {
    const runDirs = dirs.filter(d => !EXPERIMENT_RESERVED.has(d) && !d.startsWith('.'));
    if (runDirs.length >= POOL_MIN_RUNS)
        reading.pool ??= MetricReadPool.start();
    const pool = reading.pool;
    const before = ctx.diagnostics.length;
    const results = new Array(runDirs.length);
    let next = 0;
    const worker = async () => {
        while (next < runDirs.length) {
            const index = next++;
            results[index] = await readRun(path$1.join(experiment.dir, runDirs[index]), experiment, ctx, undefined, pool);
        }
    };
    await Promise.all(Array.from({ length: Math.min(RUN_CONCURRENCY, runDirs.length) }, worker));
    // Runs are read a few at a time and workers answer in their own time: the runs' diagnostics go in folder order,
    // so every read of the store, with or without workers, says the same in the same order.
    orderByRun(ctx.diagnostics, before, runDirs);
    const runs = results.filter((r) => r !== undefined);
    if (runs.length)
        ctx.progress(runs.length, ctx.rel(experiment.dir));
    return runs;
}
/** Reads one run folder; undefined when it is deleted or has no usable meta.yaml (with a diagnostic). */
async function readRun(dir, experiment, ctx, known, pool) {
    const folder = path$1.basename(dir);
    const listing = known ?? (await ctx.list(dir));
    const metaFile = path$1.join(dir, 'meta.yaml');
    let meta = known?.meta;
    if (!meta) {
        if (!listing.files.includes('meta.yaml')) {
            ctx.warn(dir, 'is in an MLflow experiment folder but has no meta.yaml, so it is not a run; it was skipped', { run: folder });
            return undefined;
        }
        const raw = await ctx.readYaml(metaFile, { run: folder });
        if (raw === undefined)
            return undefined;
        if (!isObject(raw)) {
            ctx.error(metaFile, `must be a YAML mapping with run_id, status and lifecycle_stage; found ${describeValue(raw)}. The run was skipped`, { run: folder });
            return undefined;
        }
        meta = raw;
    }
    if (meta.lifecycle_stage === 'deleted')
        return undefined;
    const runId = textOf(meta.run_id) ?? textOf(meta.run_uuid) ?? folder;
    const place = { run: runId };
    if (meta.status !== undefined &&
        meta.status !== null &&
        typeof meta.status !== 'number' &&
        typeof meta.status !== 'string') {
        ctx.error(metaFile, `"status" is ${describeValue(meta.status)}; expected 1..5 or RUNNING, SCHEDULED, FINISHED, FAILED, KILLED`, { ...place, key: 'status' });
    }
    const [params, tags, metrics, datasets] = await Promise.all([
        listing.dirs.includes('params')
            ? readKeyValues(path$1.join(dir, 'params'), ctx, place)
            : new Map(),
        listing.dirs.includes('tags')
            ? readKeyValues(path$1.join(dir, 'tags'), ctx, place)
            : new Map(),
        listing.dirs.includes('metrics') ? readMetrics(path$1.join(dir, 'metrics'), ctx, place, pool) : {},
        listing.dirs.includes('inputs') ? readInputs(path$1.join(dir, 'inputs'), experiment, ctx, place) : []
    ]);
    const { run, unknownStatus } = buildMlflowRun({
        runId,
        id: `mlflow:${ctx.rel(dir)}`,
        parentIdFor: parent => `mlflow:${ctx.rel(path$1.join(experiment.dir, parent))}`,
        path: ctx.rel(dir),
        source: 'mlflow',
        experimentName: experiment.name,
        recordName: textOf(meta.run_name) ?? textOf(meta.name),
        // MLflow reads a meta.yaml without status as RUNNING.
        status: meta.status ?? 'RUNNING',
        startTime: meta.start_time,
        user: textOf(meta.user_id),
        params,
        tags,
        metrics,
        datasets
    });
    if (unknownStatus !== undefined && (typeof meta.status === 'number' || typeof meta.status === 'string')) {
        ctx.warn(metaFile, `"status" is ${JSON.stringify(unknownStatus)}; expected 1..5 or RUNNING, SCHEDULED, FINISHED, FAILED, KILLED. The run is shown as finished`, { ...place, key: 'status' });
    }
    return run;
}
/** Lists the files under a params/tags/metrics folder with their keys (`a/b` for the file a/b). */
async function listKeys(root, ctx, place) {
    const out = [];
    const visit = async (dir, prefix, depth) => {
        const { files, dirs } = await ctx.list(dir);
        for (const f of files)
            out.push({ key: prefix + f, file: path$1.join(dir, f) });
        for (const d of dirs) {
            if (depth >= MAX_KEY_DEPTH) {
                ctx.warn(path$1.join(dir, d), `is nested more than ${MAX_KEY_DEPTH} folders deep; its keys were skipped`, place);
                continue;
            }
            await visit(path$1.join(dir, d), `${prefix}${d}/`, depth + 1);
        }
    };
    await visit(root, '', 0);
    return out;
}
/** Reads params or tags: one file per key, its whole text the value. */
async function readKeyValues(root, ctx, place) {
    const keys = await listKeys(root, ctx, place);
    const values = await Promise.all(keys.map(({ key, file }) => ctx.readText(file, { ...place, key })));
    const out = new Map();
    keys.forEach(({ key }, i) => {
        const value = values[i];
        if (value !== undefined)
            out.set(key, value);
    });
    return out;
}
/**
 * Reads every metric file of a run into metrics: the final value from the full series, the history thinned.
 * With a pool, the workers read the plain files; any other file is read here.
 */
async function readMetrics(root, ctx, place, pool) {
    const keys = await listKeys(root, ctx, place);
    const fromPool = pool && keys.length
        ? await pool.read(keys.map(k => k.file), READ_WHOLE_BYTES)
        : [];
    const series = await Promise.all(keys.map(({ key, file }, i) => fromPool[i] ?? readMetricSeries(file, ctx, { ...place, key })));
    keys.forEach(({ key, file }, i) => {
        const parsed = series[i];
        if (parsed)
            reportMetricProblems(file, parsed, ctx, { ...place, key });
    });
    const metrics = {};
    keys.forEach(({ key, file }, i) => {
        const parsed = series[i];
        if (!parsed)
            return;
        if (parsed.columns)
            metrics[key] = metricFromBuilt(builtFromColumns(parsed.columns));
        else
            ctx.warn(file, `metric "${key}" has no values; it was skipped`, { ...place, key });
    });
    return metrics;
}
/**
 * Puts the diagnostics added since `from` in the order of the run folders they name (a run is named by its folder,
 * which is its id in every MLflow version); stable, so a run's own order is kept, and others come first.
 */
function orderByRun(diagnostics, from, runDirs) {
    const index = new Map(runDirs.map((dir, i) => [dir, i]));
    const rank = (d) => (d.run === undefined ? -1 : (index.get(d.run) ?? -1));
    const added = diagnostics.splice(from);
    const ranked = added.map((d, i) => ({ d, i, r: rank(d) }));
    ranked.sort((a, b) => a.r - b.r || a.i - b.i);
    diagnostics.push(...ranked.map(x => x.d));
}
/** Reads one metric file (whole when small, streamed when large) into a series; undefined when it cannot be read. */
async function readMetricSeries(file, ctx, place) {
    const info = lstatQuiet(file);
    if (info && info.isFile() && info.size <= READ_WHOLE_BYTES) {
        const bytes = await ctx.readBytes(file, place);
        return bytes && parseMetricBytes(bytes);
    }
    const parser = new MetricFileParser(5, 1 << 16);
    const stream = await ctx.openStream(file, place, { highWaterMark: 1024 * 1024 });
    if (!stream)
        return undefined;
    try {
        for await (const chunk of stream)
            parser.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    }
    catch (e) {
        ctx.error(file, `could not be read to the end: ${e.message}; the points read before were kept`, place);
    }
    parser.end();
    return { columns: parser.history.buildColumns(), problems: parser.problems, badLines: parser.badLines };
}
/** Reports a metric file's bad lines: the first few by number, then how many more. */
function reportMetricProblems(file, parser, ctx, place) {
    for (const problem of parser.problems) {
        ctx.error(file, `line ${problem.line}: ${problem.message}. The line was skipped`, {
            ...place,
            line: problem.line
        });
    }
    if (parser.badLines > parser.problems.length) {
        ctx.error(file, `${parser.badLines - parser.problems.length} more lines were not "timestamp value step" and were skipped`, place);
    }
}
/** Reads a run's dataset inputs (`inputs/<id>/meta.yaml` → the experiment's `datasets/<id>/meta.yaml`). */
async function readInputs(root, experiment, ctx, place) {
    const { dirs } = await ctx.list(root);
    const out = [];
    for (const dir of dirs) {
        const file = path$1.join(root, dir, 'meta.yaml');
        const meta = await ctx.readYaml(file, place);
        if (!isObject(meta)) {
            if (meta !== undefined)
                ctx.error(file, `must be a YAML mapping with source_type and source_id; found ${describeValue(meta)}. The input was skipped`, place);
            continue;
        }
        if (meta.source_type !== 'DATASET')
            continue;
        const datasetId = textOf(meta.source_id);
        experiment.datasets ??= readDatasets(experiment, ctx);
        const dataset = datasetId ? (await experiment.datasets).get(datasetId) : undefined;
        if (!dataset) {
            ctx.warn(file, `names dataset ${JSON.stringify(datasetId ?? '')}, which is not in the experiment's datasets folder; the input was skipped`, place);
            continue;
        }
        const tags = isObject(meta.tags) ? meta.tags : {};
        out.push({ ...dataset, context: textOf(tags['mlflow.data.context']) });
    }
    return out;
}
/** Reads an experiment's `datasets/<id>/meta.yaml` files into a map by id. */
async function readDatasets(experiment, ctx) {
    const root = path$1.join(experiment.dir, 'datasets');
    const out = new Map();
    if (!lstatQuiet(root)?.isDirectory())
        return out;
    const { dirs } = await ctx.list(root);
    for (const dir of dirs) {
        const file = path$1.join(root, dir, 'meta.yaml');
        const meta = await ctx.readYaml(file);
        if (!isObject(meta))
            continue;
        const name = textOf(meta.name);
        if (!name) {
            ctx.warn(file, 'has no dataset name; expected name and digest. The dataset was skipped', {
                key: 'name'
            });
            continue;
        }
        out.set(dir, { name, digest: textOf(meta.digest) ?? '' });
    }
    return out;
}
function textOf(value) {
    if (typeof value === 'string')
        return value.trim() === '' ? undefined : value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return undefined;
}
function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/** lstat without a thread-pool round trip (thousands of small metric files); undefined when the path is absent. */
function lstatQuiet(file) {
    try {
        return lstatSync(file);
    }
    catch {
        return undefined;
    }
}

// The MLflow SQLite store (`mlflow.db`, MLflow's default since 3.7; also any *.db holding MLflow's tables,
// e.g. `mlruns.db`): experiments, runs, params, tags, metric histories and latest values, dataset inputs.
// Read with sql.js (SQLite compiled to WebAssembly, no native build), loaded only when a database is found.
// Schemas from MLflow 1.26 (no runs.deleted_time, no experiments.creation_time) to 3.x are read alike.
/** The largest database read: sql.js needs the whole file in memory, so a larger one is reported and skipped. */
const MAX_SQLITE_BYTES = 512 * 1024 * 1024;
/** The 16 bytes every SQLite 3 database starts with. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** Database names MLflow uses; other *.db files are read only when they hold MLflow's tables. */
const MLFLOW_DB_NAMES = new Set(['mlflow.db', 'mlruns.db']);
/** How much of an over-limit database is searched for MLflow's table names before it is reported. */
const SNIFF_BYTES = 4 * 1024 * 1024;
/** Reads MLflow SQLite stores: claims every *.db file; non-SQLite and non-MLflow databases are ignored quietly. */
const mlflowSqliteSource = {
    format: 'mlflow-sqlite',
    claim(listing) {
        return listing.files.filter(f => /\.db$/i.test(f)).map(f => ({ path: path$1.join(listing.path, f) }));
    },
    read: readMlflowDatabase
};
let sqlJs;
/** Loads sql.js once, with its wasm from beside the running module (the bundle) or from the package (tests). */
function loadSqlJs() {
    sqlJs ??= (async () => {
        const { default: initSqlJs } = await import('./sql-wasm.js').then(function (n) { return n.s; });
        const wasm = await readSqlWasm();
        return initSqlJs({
            wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)
        });
    })();
    sqlJs.catch(() => (sqlJs = undefined));
    return sqlJs;
}
/** Finds sql-wasm.wasm: next to this module (dist/), one folder up (dist/chunks/), else in node_modules/sql.js. */
async function readSqlWasm() {
    const here = import.meta.url;
    for (const candidate of ['./sql-wasm.wasm', '../sql-wasm.wasm']) {
        try {
            return await readFile(new URL(candidate, here));
        }
        catch {
            // not bundled next to this module; try the next place
        }
    }
    const require = createRequire(here);
    return readFile(require.resolve('sql.js/dist/sql-wasm.wasm'));
}
/** Reads the runs of one database file; an empty list when it is not an MLflow store. */
async function readMlflowDatabase(file, ctx) {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile())
        return [];
    const head = await readHead(file, ctx, SQLITE_HEADER.length);
    if (!head ||
        head.length < SQLITE_HEADER.length ||
        !head.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER))
        return [];
    const limit = MAX_SQLITE_BYTES;
    if (info.size > limit) {
        if (MLFLOW_DB_NAMES.has(path$1.basename(file).toLowerCase()) || (await looksLikeMlflow(file, ctx))) {
            ctx.error(file, `is an MLflow database of ${info.size} bytes, over the ${limit}-byte limit for SQLite stores (they are read whole into memory); it was skipped. Export the runs you review, or point the runs input at a smaller store`);
        }
        return [];
    }
    const bytes = await ctx.readBytes(file, {}, limit);
    if (!bytes)
        return [];
    let SQL;
    try {
        SQL = await loadSqlJs();
    }
    catch (e) {
        ctx.error(file, `could not be read: the SQLite engine (sql.js) did not load: ${e.message}`);
        return [];
    }
    let db;
    try {
        db = new SQL.Database(bytes);
    }
    catch (e) {
        ctx.error(file, `is not a readable SQLite database: ${e.message}; it was skipped`);
        return [];
    }
    try {
        const tables = new Set(column(db, "SELECT name FROM sqlite_master WHERE type = 'table'").map(String));
        if (!tables.has('runs') || !tables.has('experiments'))
            return [];
        return readStore(db, tables, file, ctx);
    }
    catch (e) {
        ctx.error(file, `could not be read as an MLflow store: ${e.message}; it was skipped`);
        return [];
    }
    finally {
        db.close();
    }
}
/** Reads the first bytes of a file through the guarded stream. */
async function readHead(file, ctx, bytes) {
    const stream = await ctx.openStream(file);
    if (!stream)
        return undefined;
    const chunks = [];
    let length = 0;
    try {
        for await (const chunk of stream) {
            const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
            chunks.push(b);
            length += b.length;
            if (length >= bytes)
                break;
        }
    }
    catch (e) {
        ctx.error(file, `could not be read: ${e.message}`);
        return undefined;
    }
    finally {
        stream.destroy?.();
    }
    return Buffer.concat(chunks).subarray(0, bytes);
}
/** True when the start of a large database mentions MLflow's tables (its schema is near the start). */
async function looksLikeMlflow(file, ctx) {
    const head = await readHead(file, ctx, SNIFF_BYTES);
    if (!head)
        return false;
    const text = head.toString('latin1');
    return /CREATE TABLE[^(]*\bexperiments\b/i.test(text) && /\brun_uuid\b/.test(text);
}
/** The first column of every row of a query. */
function column(db, sql) {
    const out = [];
    const stmt = db.prepare(sql);
    try {
        while (stmt.step())
            out.push(stmt.get()[0]);
    }
    finally {
        stmt.free();
    }
    return out;
}
/** Runs a query row by row; a failing query is reported against the table and yields nothing. */
function eachRow(db, sql, file, table, ctx, onRow) {
    let stmt;
    try {
        stmt = db.prepare(sql);
    }
    catch (e) {
        ctx.error(file, `table ${table} could not be read: ${e.message}; its data was skipped`, {
            key: table
        });
        return;
    }
    try {
        while (stmt.step())
            onRow(stmt.get());
    }
    catch (e) {
        ctx.error(file, `table ${table} could not be read to the end: ${e.message}; the rows before were kept`, { key: table });
    }
    finally {
        stmt.free();
    }
}
/** The column names of a table. */
function columnsOf(db, table) {
    const out = new Set();
    const stmt = db.prepare(`PRAGMA table_info("${table.replace(/"/g, '""')}")`);
    try {
        while (stmt.step())
            out.add(String(stmt.getAsObject().name));
    }
    finally {
        stmt.free();
    }
    return out;
}
/** Reads experiments, runs, params, tags, metrics and inputs from an open MLflow database. */
function readStore(db, tables, file, ctx) {
    const rel = ctx.rel(file);
    const experimentColumns = columnsOf(db, 'experiments');
    const experiments = new Map();
    const workspace = experimentColumns.has('workspace') ? ', workspace' : '';
    eachRow(db, `SELECT experiment_id, name, lifecycle_stage${workspace} FROM experiments`, file, 'experiments', ctx, row => {
        experiments.set(String(row[0]), {
            name: text(row[1]) ?? String(row[0]),
            deleted: row[2] === 'deleted',
            workspace: text(row[3])
        });
    });
    const runColumns = columnsOf(db, 'runs');
    const pick = (name) => (runColumns.has(name) ? name : 'NULL');
    const runs = new Map();
    let skipped = 0;
    eachRow(db, `SELECT run_uuid, ${pick('name')}, ${pick('status')}, ${pick('start_time')}, ${pick('lifecycle_stage')}, ${pick('experiment_id')}, ${pick('user_id')} FROM runs`, file, 'runs', ctx, row => {
        const runId = text(row[0]);
        if (!runId) {
            skipped++;
            return;
        }
        const experimentId = row[5] === null ? '' : String(row[5]);
        if (row[4] === 'deleted' || experiments.get(experimentId)?.deleted)
            return;
        runs.set(runId, {
            runId,
            name: text(row[1]),
            status: row[2],
            startTime: row[3],
            user: text(row[6]),
            experimentId,
            params: new Map(),
            tags: new Map(),
            histories: new Map(),
            latest: new Map(),
            datasets: []
        });
    });
    if (skipped)
        ctx.warn(file, `${skipped} rows of the runs table have no run_uuid; they were skipped`, { key: 'runs' });
    const keyValues = (table, target) => {
        if (!tables.has(table))
            return;
        eachRow(db, `SELECT run_uuid, key, value FROM ${table}`, file, table, ctx, row => {
            const run = runs.get(String(row[0]));
            const key = text(row[1]);
            if (!run || key === undefined)
                return;
            run[target].set(key, row[2] === null ? '' : valueText(row[2]));
        });
    };
    keyValues('params', 'params');
    keyValues('tags', 'tags');
    if (tables.has('metrics')) {
        const hasNan = columnsOf(db, 'metrics').has('is_nan') ? 'is_nan' : '0';
        eachRow(db, `SELECT run_uuid, key, value, timestamp, step, ${hasNan} FROM metrics`, file, 'metrics', ctx, row => {
            const run = runs.get(String(row[0]));
            if (!run)
                return;
            const point = pointOf(row, run.runId, file, ctx);
            if (!point)
                return;
            const key = String(row[1]);
            let history = run.histories.get(key);
            if (!history)
                run.histories.set(key, (history = new HistoryBuilder({ final: 'mlflow' })));
            history.add(point.step, point.value, point.timestamp);
        });
    }
    if (tables.has('latest_metrics')) {
        const hasNan = columnsOf(db, 'latest_metrics').has('is_nan') ? 'is_nan' : '0';
        eachRow(db, `SELECT run_uuid, key, value, timestamp, step, ${hasNan} FROM latest_metrics`, file, 'latest_metrics', ctx, row => {
            const run = runs.get(String(row[0]));
            if (!run)
                return;
            const point = pointOf(row, run.runId, file, ctx);
            if (point)
                run.latest.set(String(row[1]), point);
        });
    }
    if (tables.has('inputs') && tables.has('datasets')) {
        const context = tables.has('input_tags')
            ? `(SELECT value FROM input_tags t WHERE t.input_uuid = i.input_uuid AND t.name = 'mlflow.data.context')`
            : 'NULL';
        eachRow(db, `SELECT i.destination_id, d.name, d.digest, ${context} FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN'`, file, 'inputs', ctx, row => {
            const run = runs.get(String(row[0]));
            const name = text(row[1]);
            if (run && name)
                run.datasets.push({ name, digest: text(row[2]) ?? '', context: text(row[3]) });
        });
    }
    const out = [];
    for (const row of runs.values()) {
        const metrics = {};
        for (const [key, history] of row.histories) {
            const built = history.build();
            if (built)
                metrics[key] = metricFromBuilt(built);
        }
        // latest_metrics is MLflow's own answer for the latest value; without it the history decides by the same rule.
        for (const [key, latest] of row.latest) {
            const metric = metrics[key];
            if (metric)
                metric.value = latest.value;
            else
                metrics[key] = { value: latest.value };
        }
        const experiment = experiments.get(row.experimentId);
        const { run, unknownStatus } = buildMlflowRun({
            runId: row.runId,
            id: `mlflow-sqlite:${rel}#${row.runId}`,
            parentIdFor: parent => `mlflow-sqlite:${rel}#${parent}`,
            path: rel,
            source: 'mlflow-sqlite',
            experimentName: experiment?.name,
            recordName: row.name,
            status: row.status,
            startTime: row.startTime,
            user: row.user,
            params: row.params,
            tags: row.tags,
            metrics,
            datasets: row.datasets
        });
        if (experiment?.workspace && experiment.workspace !== 'default')
            run.metadata.tags.push(`workspace=${experiment.workspace}`);
        if (unknownStatus !== undefined) {
            ctx.warn(file, `run status is ${JSON.stringify(unknownStatus)}; expected RUNNING, SCHEDULED, FINISHED, FAILED or KILLED. The run is shown as finished`, {
                run: row.runId,
                key: 'runs.status'
            });
        }
        out.push(run);
    }
    return out;
}
/** A metric row (value, timestamp, step, is_nan at 2..5) as a point; undefined with a diagnostic when unusable. */
function pointOf(row, runId, file, ctx) {
    const place = { run: runId, key: String(row[1]) };
    const isNan = row[5] === 1 || row[5] === '1';
    let value = typeof row[2] === 'number'
        ? row[2]
        : typeof row[2] === 'string' && row[2].trim() !== ''
            ? Number(row[2])
            : NaN;
    if (isNan)
        value = NaN;
    else if (Number.isNaN(value)) {
        ctx.error(file, `metric "${String(row[1])}" has the value ${describe(row[2])}; expected a number. The point was skipped`, place);
        return undefined;
    }
    // MLflow stores ±infinity as ±DBL_MAX.
    if (value === Number.MAX_VALUE)
        value = Infinity;
    else if (value === -Number.MAX_VALUE)
        value = -Infinity;
    const step = row[4] === null ? 0 : Number(row[4]);
    const timestamp = row[3] === null ? undefined : Number(row[3]);
    if (!Number.isFinite(step) || (timestamp !== undefined && !Number.isFinite(timestamp))) {
        ctx.error(file, `metric "${String(row[1])}" has step ${describe(row[4])} and timestamp ${describe(row[3])}; expected integers. The point was skipped`, place);
        return undefined;
    }
    return timestamp === undefined ? { step, value } : { step, value, timestamp };
}
function text(value) {
    if (value === null || value === undefined)
        return undefined;
    const s = valueText(value);
    return s.trim() === '' ? undefined : s;
}
function valueText(value) {
    if (value instanceof Uint8Array)
        return Buffer.from(value).toString('utf8');
    return String(value);
}
function describe(value) {
    if (value === null || value === undefined)
        return 'NULL';
    if (value instanceof Uint8Array)
        return `a ${value.length}-byte blob`;
    return JSON.stringify(value);
}

// Every run format the detector knows, in the order they are asked.
/** All formats, asked in this order for each directory. */
const ALL_SOURCES = [
    builtinSource,
    wandbSource,
    tensorboardSource,
    dvcSource,
    huggingfaceSource,
    csvSource,
    mlflowSource,
    mlflowSqliteSource
];

// The one detector: walks the workspace (or the `runs` paths and globs), asks every format which places it
// claims, and reads them. Symbolic links to directories are never followed.
/** Collects every run under the given paths or the whole workspace, with a diagnostic for each problem. */
async function collectRuns(options) {
    const ctx = await createReadContext(options.workspace, options);
    const sources = options.sources ?? ALL_SOURCES;
    const patterns = (options.patterns ?? []).map(p => p.trim()).filter(p => p && !p.startsWith('#'));
    const claims = [];
    const seen = new Map();
    const addClaims = (listing) => {
        let exclusive = false;
        for (const source of sources) {
            for (const claim of source.claim(listing)) {
                const key = `${source.format}\0${claim.path}`;
                const earlier = seen.get(key);
                if (earlier) {
                    // A place named explicitly as well as guessed by its name is read as named.
                    if (!claim.byNameOnly)
                        delete earlier.byNameOnly;
                    continue;
                }
                const own = { ...claim };
                seen.set(key, own);
                claims.push({ source, claim: own });
                exclusive ||= claim.exclusive === true;
            }
        }
        return exclusive;
    };
    const starts = patterns.length ? await expandPatterns(ctx, patterns) : [ctx.workspace];
    for (const start of starts) {
        const info = await lstat(start).catch(() => undefined);
        if (!info)
            continue;
        if (info.isSymbolicLink() && !(await ctx.insideWorkspace(start))) {
            ctx.error(start, 'is a symbolic link that leaves the workspace; it was not followed');
            continue;
        }
        if (info.isFile() || (info.isSymbolicLink() && !(await isDirectory(start)))) {
            const dir = path$1.dirname(start);
            addClaims({ path: dir, name: path$1.basename(dir), files: [path$1.basename(start)], dirs: [] });
        }
        else {
            await walkFolders(ctx, start, addClaims);
        }
    }
    const runs = [];
    for (const { source, claim } of claims) {
        try {
            const read = await source.read(claim.path, ctx, claim);
            runs.push(...read);
            ctx.progress(runs.length, ctx.rel(claim.path));
        }
        catch (e) {
            ctx.error(claim.path, `could not be read as ${source.format} output: ${e.message}`);
        }
    }
    if (runs.length === 0 && ctx.diagnostics.length === 0) {
        const where = patterns.length ? `the runs input (${patterns.join(', ')})` : 'the workspace';
        ctx.warn('.', `no experiment runs were found in ${where}; set the runs input to the folder your tracker writes`);
    }
    return { runs: dedupeIds(runs), diagnostics: ctx.diagnostics };
}
async function isDirectory(p) {
    return (await stat(p).catch(() => undefined))?.isDirectory() ?? false;
}
/**
 * Expands paths and globs relative to the workspace into existing paths inside it. Globs are picomatch's
 * (`*`, `**`, `?`, `[0-9]`, `{a,b}`, extglobs), matched against forward-slash paths with dot files included.
 */
async function expandPatterns(ctx, patterns) {
    const out = [];
    for (const pattern of patterns) {
        const abs = path$1.resolve(ctx.workspace, pattern);
        if (!(abs === ctx.workspace || abs.startsWith(ctx.workspace + path$1.sep))) {
            ctx.error(pattern, `the runs path ${JSON.stringify(pattern)} is outside the workspace; use a path inside it`);
            continue;
        }
        const glob = path$1.relative(ctx.workspace, abs).split(path$1.sep).join('/');
        const { base, isGlob } = picomatch.scan(glob);
        if (!isGlob) {
            if (await lstat(abs).catch(() => undefined))
                out.push(abs);
            else
                ctx.error(pattern, `the runs path ${JSON.stringify(pattern)} does not exist; check the runs input`);
            continue;
        }
        const matches = picomatch(glob, { dot: true });
        const found = [];
        await walkFolders(ctx, path$1.resolve(ctx.workspace, base || '.'), listing => {
            for (const name of [...listing.files, ...listing.dirs]) {
                const full = path$1.join(listing.path, name);
                if (matches(ctx.rel(full)))
                    found.push(full);
            }
        });
        if (!found.length)
            ctx.warn(pattern, `the runs glob ${JSON.stringify(pattern)} matched nothing`);
        // A match inside another match would be read twice: keep the outermost.
        found.sort();
        for (const m of found)
            if (!out.some(o => m.startsWith(o + path$1.sep)))
                out.push(m);
    }
    return out;
}
/** Makes run ids unique when two places yield the same id. */
function dedupeIds(runs) {
    const counts = new Map();
    return runs.map(run => {
        const n = counts.get(run.id) ?? 0;
        counts.set(run.id, n + 1);
        return n === 0 ? run : { ...run, id: `${run.id}#${n + 1}` };
    });
}

export { asciiDigit as $, goalArrow as A, metricIcon as B, fmtStat as C, fmtChange as D, table as E, metricSentence as F, details as G, small as H, shortSha as I, fmtMeaning as J, fmtRules as K, BUILTIN_FILES as L, parseJsonLenient as M, JsonSyntaxError as N, ExactNumber as O, classifyCharacter as P, push as Q, resolveAll as R, splice as S, asciiAlpha as T, asciiAlphanumeric as U, asciiControl as V, asciiAtext as W, markdownSpace as X, factorySpace as Y, asciiPunctuation as Z, asciiHexDigit as _, runsToJson as a, decodeNamedCharacterReference as a0, markdownLineEnding as a1, factorySpaceMinMax as a2, markdownLineEndingOrSpace as a3, normalizeIdentifier as a4, htmlRawNames as a5, htmlBlockNames as a6, blankLine as a7, combineExtensions as a8, stringifyPosition as a9, toString as aa, decodeString as ab, decodeNumericCharacterReference as ac, code as ad, trustedHtml as ae, unified as af, remarkGfm as ag, safeName as ah, fmtSigned as ai, fmtNumber as aj, neutralize as ak, trusted as al, codeBlock as am, emptyMetadata as an, makeRun as ao, json as ap, renderRunList as b, collectRuns as c, runsToCsv as d, renderRun as e, renderText as f, githubUrl as g, paragraph as h, untrusted as i, formatDiagnostic as j, renderJsonReport as k, link as l, root as m, checkedUrl as n, own as o, plain as p, heading as q, renderDiagnostics as r, stringify as s, text$2 as t, untrustedCode as u, bulletList as v, paramText as w, marker as x, strong as y, decimalsFor as z };
