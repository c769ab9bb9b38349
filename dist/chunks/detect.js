import { realpathSync, lstatSync, statSync, openSync, constants as constants$1, fstatSync, closeSync, readFileSync, createReadStream, readdirSync, existsSync, readSync } from 'node:fs';
import { open, stat, readFile, lstat } from 'node:fs/promises';
import path from 'node:path';
import { g as getDefaultExportFromCjs } from './_commonjsHelpers.js';
import { s as selectAll, G as experimentOf, H as flattenParams, I as makeRun, J as emptyMetadata, r as paramText, K as listExperimentNames } from './findings.js';
import { R as ReadBuffer, H as HistoryBuilder, m as metricFromColumns, c as crc32, P as ProtoReader, e as ProtoError, S as ScalarSeries, E as EVENT_CHUNK, f as decodeEventRecords, g as findRecordStart, M as MAX_BAD_EVENTS_SHOWN, p as parseMetricBytes, h as MetricFileParser, i as MAX_HISTORY_POINTS } from './mlflow-metrics-file.js';
import { StringDecoder } from 'node:string_decoder';
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

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

/** A path segment or run id shortened for a name: a long hexadecimal id (MLflow, W&B) keeps its first 8 digits. */
function shortSegment(segment) {
    return /^[0-9a-f]{16,}$/i.test(segment) ? segment.slice(0, 8) : segment;
}
/**
 * Gives runs that share a name a name that tells them apart: the first folder of their paths that differs, then
 * the next one for those that still share it (`job-a/run-1`); runs read from the same file (an MLflow SQLite store)
 * are told apart by their tracker's id (`b832e988/train`). Runs with a name of their own keep it. Order is kept.
 */
function qualifyClashingNames(runs) {
    const byName = new Map();
    for (const run of runs) {
        const list = byName.get(run.name) ?? [];
        list.push({ run, segments: run.path.split(/[\\/]/).filter(Boolean), prefix: [] });
        byName.set(run.name, list);
    }
    const renamed = new Map();
    const taken = new Set(runs.map(r => r.name));
    for (const [name, group] of byName) {
        if (group.length < 2)
            continue;
        tellApart(group, 0);
        for (const p of group) {
            let qualified = [...p.prefix, name].join('/');
            // A run already named like the qualified name elsewhere: number it rather than let two names meet.
            for (let k = 2; taken.has(qualified); k++)
                qualified = `${[...p.prefix, name].join('/')} (${k})`;
            taken.add(qualified);
            renamed.set(p.run, qualified);
        }
    }
    return runs.map(r => (renamed.has(r) ? { ...r, name: renamed.get(r) } : r));
}
/** Adds to each member's prefix the first path segment from `from` on in which the members differ, recursively. */
function tellApart(group, from) {
    if (group.length < 2)
        return;
    const depth = Math.max(...group.map(p => p.segments.length));
    let at = from;
    while (at < depth && new Set(group.map(p => p.segments[at] ?? '')).size < 2)
        at++;
    if (at >= depth) {
        // Same path (one store file holds them all): the tracker's own run id is what differs.
        for (const p of group)
            p.prefix.push(shortSegment(p.run.id.split(/[#/:]/).pop() ?? p.run.id));
        return;
    }
    const bySegment = new Map();
    for (const p of group) {
        const segment = p.segments[at] ?? '';
        p.prefix.push(shortSegment(segment || '.'));
        bySegment.set(segment, [...(bySegment.get(segment) ?? []), p]);
    }
    for (const sub of bySegment.values())
        tellApart(sub, at + 1);
}

// A fast path for the small flat YAML files most runs carry (`name: x`, `seed: 3`, `tags: [a, b]`): parsed here
// without the full YAML library, which costs more than reading the file. Anything beyond plain `key: scalar`
// lines returns undefined and goes to the full parser, so the result is always what the YAML library would give.
const KEY = /^([A-Za-z_][A-Za-z0-9_.-]*):(?:[ \t]+(.*))?$/;
const DECIMAL = /^[-+]?(?:\d{1,15}|\d{1,15}\.\d*|\.\d+|\d{1,15}\.\d*[eE][-+]?\d{1,2}|\d{1,15}[eE][-+]?\d{1,2})$/;
const PLAIN = /^[A-Za-z0-9_/][A-Za-z0-9 _./@+,=-]*$/;
/** A word of digits and letters that starts with a digit and holds a letter: a git commit, `3rd`, `128k`. */
const DIGITS_AND_LETTERS = /^\d[0-9A-Za-z]*[A-Za-z][0-9A-Za-z]*$/;
/** Of those, the ones YAML's core schema could read as a number (`1e5`, `0x1F`, `0o17`): left to the full parser. */
const CORE_NUMBER_LIKE = /^\d+[eE]\d+$|^0[xXoO]/;
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
    if (DIGITS_AND_LETTERS.test(v) && !CORE_NUMBER_LIKE.test(v))
        return v;
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
/**
 * Parses JSON leniently (NaN, Infinity, -Infinity, BOM); throws JsonSyntaxError with line and column.
 * Longer than 80 lines on purpose: it is the scope of the parser's parts (position, skipSpace, parseString,
 * parseNumber, parseValue, each short), which share one cursor over the text as a local variable.
 */
// eslint-disable-next-line max-lines-per-function -- one cursor shared by the parser's short parts (see above)
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
    return new GuardedReadContext(workspace, options);
}
/** The real path of `p`, or `p` itself when it does not exist (yet): reads will report it. */
function realOf(p) {
    try {
        return realpathSync(p);
    }
    catch {
        return p;
    }
}
/** The bytes of `file` in chunks read into one buffer of `size` bytes (see ReadContext.readChunks). */
async function* chunksOf(file, size) {
    const handle = await open(file, 'r');
    try {
        yield* chunksFrom(handle, 0, size);
    }
    finally {
        await handle.close();
    }
}
/** The bytes of an open file from `start` on, in chunks read into one buffer of `size` bytes. */
async function* chunksFrom(handle, start, size) {
    const buf = Buffer.allocUnsafe(size);
    for (let position = start;;) {
        const { bytesRead } = await handle.read(buf, 0, size, position);
        if (bytesRead === 0)
            return;
        position += bytesRead;
        yield bytesRead === size ? buf : buf.subarray(0, bytesRead);
    }
}
/** Whether `p` is `dir` or inside it (both absolute). */
function under(p, dir) {
    return p === dir || p.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}
/** The code of a file-system error, for messages. */
function errorCode(e) {
    return e.code ?? String(e);
}
/** The buffer small text files are read into (each is decoded before the next is read: see readText). */
const TEXT_BUFFER = new ReadBuffer();
/** The ReadContext of createReadContext: every read confined to the trusted roots; see the file comment. */
class GuardedReadContext {
    workspace;
    scope;
    limits;
    diagnostics = [];
    selection;
    unselected = new Map();
    /** Every trusted root: the workspace and the paths named explicitly, as given and as real paths. */
    roots;
    onProgress;
    constructor(workspace, options) {
        const given = path.resolve(workspace);
        const root = realOf(given);
        this.workspace = root;
        this.roots = [
            { given, real: root },
            ...(options.roots ?? []).map(r => {
                const abs = path.resolve(root, r);
                return { given: abs, real: realOf(abs) };
            })
        ];
        this.scope = this.roots.length > 1 ? 'the workspace and the runs paths given' : 'the workspace';
        this.limits = { ...DEFAULT_LIMITS, ...options.limits };
        this.selection = options.selection ?? selectAll();
        this.onProgress = options.onProgress;
    }
    /** A path made absolute with its trusted root resolved: one given through a linked root path is mapped. */
    resolve(file) {
        const abs = path.resolve(this.workspace, file);
        for (const r of this.roots)
            if (r.given !== r.real && under(abs, r.given))
                return r.real + abs.slice(r.given.length);
        return abs;
    }
    within(p) {
        return this.roots.some(r => under(p, r.real));
    }
    /** Relative to the workspace when inside it; the absolute path when under another root. */
    rel = (file) => {
        const abs = this.resolve(file);
        if (!under(abs, this.workspace) && this.within(abs))
            return abs.split(path.sep).join('/');
        const r = path.relative(this.workspace, abs);
        return (r === '' ? '.' : r).split(path.sep).join('/');
    };
    add(severity, file, message, place = {}) {
        const { missingOk: _missingOk, ...where } = place;
        this.diagnostics.push({ severity, file: this.rel(file), message, ...stripUndefined(where) });
    }
    warn = (file, message, place) => this.add('warning', file, message, place);
    error = (file, message, place) => this.add('error', file, message, place);
    insideWorkspace = async (file) => {
        try {
            return this.within(realpathSync(this.resolve(file)));
        }
        catch {
            return this.within(this.resolve(file));
        }
    };
    /** Checks a file before reading it: inside the workspace, a regular file, and its size. */
    async admit(file, place) {
        const abs = this.resolve(file);
        if (!this.within(abs)) {
            this.add('error', abs, `is outside ${this.scope}; it was not read`, place);
            return undefined;
        }
        let info;
        try {
            info = lstatSync(abs);
        }
        catch (e) {
            if (place?.missingOk && e.code === 'ENOENT')
                return undefined;
            this.add('error', abs, `cannot read the file: ${errorCode(e)}`, place);
            return undefined;
        }
        if (info.isSymbolicLink()) {
            if (!(await this.insideWorkspace(abs))) {
                this.add('error', abs, `is a symbolic link that leaves ${this.scope}; it was not followed`, place);
                return undefined;
            }
            try {
                info = statSync(abs);
            }
            catch {
                this.add('error', abs, 'is a symbolic link to nothing (dangling); it was skipped', place);
                return undefined;
            }
        }
        if (!info.isFile()) {
            this.add('error', abs, 'is not a regular file; it was skipped', place);
            return undefined;
        }
        return { size: info.size };
    }
    tooLarge(file, size, maxBytes, place) {
        this.add('error', file, `is ${size} bytes, over the ${maxBytes}-byte limit for reading a file whole; it was skipped`, place);
        return undefined;
    }
    /**
     * The common case of readBytes and readText in one open: O_NOFOLLOW refuses a symbolic link (ELOOP), which then
     * goes through admit(). `read` turns the open file (and its size) into the result before the file is closed.
     * `null` when this way does not apply (outside, a link, not a regular file); undefined after a diagnostic.
     */
    readRegularFile(file, abs, maxBytes, place, read) {
        if (!this.within(abs))
            return null;
        let fd;
        try {
            fd = openSync(abs, constants$1.O_RDONLY | constants$1.O_NOFOLLOW);
        }
        catch {
            return null;
        }
        try {
            const info = fstatSync(fd);
            if (!info.isFile())
                return null;
            if (info.size > maxBytes)
                return this.tooLarge(file, info.size, maxBytes, place);
            return read(fd, info.size);
        }
        catch (e) {
            this.add('error', file, `cannot read the file: ${errorCode(e)}`, place);
            return undefined;
        }
        finally {
            closeSync(fd);
        }
    }
    async readBytes(file, place, maxBytes = this.limits.maxTextBytes) {
        const abs = this.resolve(file);
        const direct = this.readRegularFile(file, abs, maxBytes, place, fd => readFileSync(fd));
        if (direct !== null)
            return direct;
        return this.readAdmitted(file, abs, maxBytes, place);
    }
    /** readBytes through admit(): a symbolic link inside the workspace, or a diagnostic saying why not. */
    async readAdmitted(file, abs, maxBytes, place) {
        const admitted = await this.admit(file, place);
        if (!admitted)
            return undefined;
        if (admitted.size > maxBytes)
            return this.tooLarge(file, admitted.size, maxBytes, place);
        try {
            return readFileSync(abs);
        }
        catch (e) {
            this.add('error', file, `cannot read the file: ${errorCode(e)}`, place);
            return undefined;
        }
    }
    async readText(file, place) {
        const abs = this.resolve(file);
        // The common case decodes from the reused read buffer before anything else can read into it.
        const direct = this.readRegularFile(file, abs, this.limits.maxTextBytes, place, (fd, size) => this.textOf(file, TEXT_BUFFER.read(fd, size), place));
        if (direct !== null)
            return direct;
        const bytes = await this.readAdmitted(file, abs, this.limits.maxTextBytes, place);
        return bytes && this.textOf(file, bytes, place);
    }
    /** The UTF-8 text of a file's bytes without a byte order mark; undefined (with a diagnostic) when it is binary. */
    textOf(file, bytes, place) {
        const sample = bytes.subarray(0, 8192);
        if (sample.includes(0)) {
            this.add('error', file, 'is binary data (it contains NUL bytes), not text; it was skipped', place);
            return undefined;
        }
        let text = bytes.toString('utf8');
        if (text.charCodeAt(0) === 0xfeff)
            text = text.slice(1);
        return text;
    }
    async openStream(file, place, options) {
        const admitted = await this.admit(file, place);
        if (!admitted)
            return undefined;
        const { highWaterMark } = options ?? {};
        return createReadStream(this.resolve(file), highWaterMark ? { highWaterMark } : undefined);
    }
    async readChunks(file, place, chunkSize = 1024 * 1024) {
        const admitted = await this.admit(file, place);
        if (!admitted)
            return undefined;
        return chunksOf(this.resolve(file), Math.max(1, Math.min(chunkSize, admitted.size || 1)));
    }
    async openFile(file, place) {
        const admitted = await this.admit(file, place);
        if (!admitted)
            return undefined;
        const handle = await open(this.resolve(file), 'r');
        return {
            size: admitted.size,
            fd: handle.fd,
            chunks: (start, chunkSize) => chunksFrom(handle, start, Math.max(1, chunkSize)),
            close: () => handle.close()
        };
    }
    async readJson(file, place) {
        const text = await this.readText(file, place);
        return text === undefined ? undefined : this.parseJson(text, file, place);
    }
    parseJson(text, file, place) {
        if (text.trim() === '') {
            this.add('error', file, 'is empty; expected a JSON value', place);
            return undefined;
        }
        try {
            const { value, warnings } = parseJsonLenient(text);
            for (const w of warnings)
                this.add('warning', file, w.message, { ...place, key: w.key, line: w.line, column: w.column });
            return value;
        }
        catch (e) {
            if (e instanceof JsonSyntaxError) {
                this.add('error', file, `is not valid JSON: ${e.message}`, {
                    ...place,
                    line: e.line,
                    column: e.column
                });
                return undefined;
            }
            throw e;
        }
    }
    async readYaml(file, place) {
        const text = await this.readText(file, place);
        return text === undefined ? undefined : this.parseYaml(text, file, place);
    }
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
            this.add('error', file, `is not valid YAML: ${problem.message.split('\n')[0]}`, {
                ...place,
                line,
                column
            });
            return undefined;
        }
        try {
            // maxAliasCount stops "billion laughs" alias bombs; unknown tags (e.g. !!python/object) resolve as plain data.
            return doc.toJS({ maxAliasCount: 1000 });
        }
        catch (e) {
            this.add('error', file, `cannot be used: ${e.message}`, place);
            return undefined;
        }
    }
    async list(dir) {
        const files = [];
        const dirs = [];
        let entries;
        try {
            entries = readdirSync(this.resolve(dir), { withFileTypes: true });
        }
        catch (e) {
            this.add('error', dir, `cannot list the folder: ${errorCode(e)}`);
            return { files, dirs };
        }
        for (const entry of entries) {
            if (entry.isDirectory())
                dirs.push(entry.name);
            else if (entry.isFile())
                files.push(entry.name);
            else if (entry.isSymbolicLink() && this.linksToFile(path.join(this.resolve(dir), entry.name)))
                files.push(entry.name);
        }
        files.sort();
        dirs.sort();
        return { files, dirs };
    }
    /** Whether a symbolic link leads to a regular file. */
    linksToFile(target) {
        try {
            return statSync(target).isFile();
        }
        catch {
            return false;
        }
    }
    progress(runsRead, where) {
        this.onProgress?.(runsRead, where);
    }
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

// Matching experiment names against the selection (`--experiment`, `select.experiments`): names or globs as
// picomatch reads them (`*` within a `/`-separated segment, `**` across them, `{a,b}`, `[abc]`).
/** True when a glob character appears in the pattern, so it is not a plain experiment name. */
function isGlob(pattern) {
    return picomatch.scan(pattern).isGlob;
}
/** A predicate for experiment names: true for every name when nothing is selected. */
function experimentMatcher(selection) {
    return patternsMatcher(selection?.experiments);
}
/** The selected patterns that match none of the given experiment names (to name them in a warning). */
function unmatchedPatterns(selection, names) {
    const all = [...names];
    return (selection?.experiments ?? []).filter(p => {
        const test = picomatch(p, { dot: true });
        return !all.some(name => test(name));
    });
}
/** A predicate for a list of patterns: true for every value when the list is empty or absent. */
function patternsMatcher(patterns) {
    if (!patterns?.length)
        return () => true;
    const tests = patterns.map(p => picomatch(p, { dot: true }));
    return value => value !== undefined && tests.some(test => test(value));
}
/** The key of a `key=value` tag (MLflow's tags are read so), or the tag itself. */
function tagKey(tag) {
    const cut = tag.indexOf('=');
    return cut > 0 ? tag.slice(0, cut) : tag;
}
/**
 * Keeps the runs the selection names: their experiment (see experimentOf; formats without experiments are kept),
 * one of their tags (a `key=value` tag also by its key), and their group must each match when that part is given. `storeLeftOut` holds the runs the
 * stores did not read because their experiment was not selected, by experiment. Returns the runs kept and what
 * was left out, with the experiments the kept runs came from.
 */
function selectRuns(runs, selection, storeLeftOut = new Map()) {
    const experiment = patternsMatcher(selection.experiments);
    const tag = patternsMatcher(selection.tags);
    const group = patternsMatcher(selection.groups);
    const kept = [];
    const dropped = new Map(storeLeftOut);
    let leftOut = [...storeLeftOut.values()].reduce((a, b) => a + b, 0);
    for (const run of runs) {
        const from = experimentOf(run);
        const selected = (from === undefined || experiment(from)) &&
            (!selection.tags?.length || run.metadata.tags.some(t => tag(t) || tag(tagKey(t)))) &&
            group(run.metadata.group);
        if (selected) {
            kept.push(run);
            continue;
        }
        leftOut++;
        if (run.metadata.experiment !== undefined)
            dropped.set(run.metadata.experiment, (dropped.get(run.metadata.experiment) ?? 0) + 1);
    }
    const experiments = new Set(kept.map(r => r.metadata.experiment).filter((e) => e !== undefined));
    return {
        runs: kept,
        outcome: {
            leftOut,
            leftOutExperiments: [...dropped.keys()].filter(e => !experiments.has(e)).sort(),
            experiments: [...experiments].sort()
        }
    };
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
    const ext = path.extname(file).toLowerCase();
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
            path.basename(path.dirname(listing.path)) !== '.git') {
            return [{ path: listing.path, exclusive: true }];
        }
        if (path.basename(path.dirname(listing.path)) === 'experiments' &&
            listing.files.some(f => RUN_FILES.includes(f))) {
            return [{ path: listing.path, exclusive: true }];
        }
        return [];
    },
    async read(claimPath, ctx) {
        if (path.basename(claimPath) !== 'experiments') {
            const run = await readBuiltinRun(claimPath, ctx);
            return run ? [run] : [];
        }
        const { dirs } = await ctx.list(claimPath);
        const runs = [];
        for (const dir of dirs) {
            const run = await readBuiltinRun(path.join(claimPath, dir), ctx);
            if (run)
                runs.push(run);
        }
        return runs;
    }
};
/** Reads one built-in run folder; undefined (with a diagnostic) when it holds none of the run files. */
async function readBuiltinRun(dir, ctx) {
    const folder = path.basename(dir);
    // Each file is read directly (a missing one is fine): no listing of the folder, which costs as much as a read.
    const place = { run: folder };
    const optional = { ...place, missingOk: true };
    const metadataFile = path.join(dir, BUILTIN_FILES.metadata);
    const paramsFile = path.join(dir, BUILTIN_FILES.params);
    const metricsFile = path.join(dir, BUILTIN_FILES.metrics);
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
                claims.push({ path: path.join(listing.path, file) });
            else if (lower.endsWith('.csv') && (explicit || LOG_NAME.test(lower.slice(0, -4)))) {
                claims.push({ path: path.join(listing.path, file), ...(explicit ? {} : { byNameOnly: true }) });
            }
            else if (lower === 'training.log' && explicit)
                claims.push({ path: path.join(listing.path, file) });
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
    const dir = path.dirname(file);
    const isLightning = path.basename(file).toLowerCase() === LIGHTNING_METRICS_FILE;
    const relDir = ctx.rel(dir);
    const name = isLightning
        ? relDir === '.'
            ? path.basename(ctx.workspace)
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
        const hparamsFile = path.join(dir, LIGHTNING_HPARAMS_FILE);
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
    const table = new SeriesTableReader(file, ctx, place);
    const ok = await parseDelimitedStream(stream, (fields, line) => table.record(fields, line), ctx, file, place, path.extname(file).toLowerCase() === '.tsv' ? '\t' : undefined);
    if (!ok)
        return undefined;
    const header = table.header;
    if (!header) {
        ctx.error(file, 'is empty; expected a header row with a step or epoch column', place);
        return undefined;
    }
    if (table.notTable) {
        if (options.requireStep) {
            const what = options.explicitName ? 'a training log' : 'a metrics table';
            ctx.warn(file, `has no "step" or "epoch" column in its header (${truncate(header.join(', '), 120)}), so it is not ${what}; it was skipped`, place);
        }
        return undefined;
    }
    table.reportBadValues(header);
    return { stepColumn: table.stepColumn, metrics: table.metrics(header, options.metricName) };
}
/** The state of one per-step table while its records stream in: the header's columns, the series, the bad cells. */
class SeriesTableReader {
    file;
    ctx;
    place;
    header;
    stepColumn = '';
    /** The header has no step or epoch column: the file is not a per-step table. */
    notTable = false;
    stepIndex = -1;
    timeIndex = -1;
    skipIndexes = new Set();
    /** One series per column; a later row with the same step replaces the earlier one's value. */
    series = new Map();
    badValue = new Map();
    raggedReported = false;
    badStepReported = 0;
    constructor(file, ctx, place) {
        this.file = file;
        this.ctx = ctx;
        this.place = place;
    }
    /** Takes one record (the header first); false stops the stream (the file is not a per-step table). */
    record(fields, line) {
        const header = this.header;
        if (!header)
            return this.readHeader(fields, line);
        if (fields.length === header.length && fields.every((f, i) => f.trim() === header[i])) {
            this.ctx.warn(this.file, 'repeats its header here (two logs written into one file?); rows after it are merged by step', { ...this.place, line });
            return true;
        }
        if (fields.length > header.length && !this.raggedReported) {
            this.raggedReported = true;
            this.ctx.warn(this.file, `row has ${fields.length} fields but the header has ${header.length}; the extra fields were ignored`, { ...this.place, line });
        }
        const step = this.stepOf(fields, line);
        if (step !== undefined)
            this.addRow(header, fields, line, step);
        return true;
    }
    /** Reads the header: the step, time and skipped columns; false when it has no step or epoch column. */
    readHeader(fields, line) {
        const header = fields.map(f => f.trim());
        this.header = header;
        const lower = header.map(h => h.toLowerCase());
        let stepIndex = lower.indexOf('step');
        if (stepIndex < 0)
            stepIndex = lower.indexOf('epoch');
        if (stepIndex < 0) {
            this.notTable = true;
            return false;
        }
        this.stepIndex = stepIndex;
        this.stepColumn = header[stepIndex];
        this.timeIndex = lower.findIndex(h => h === 'timestamp' || h === 'wall_time');
        // With a `step` column, `epoch` is a progress counter, not a metric.
        this.skipIndexes = new Set([stepIndex, this.timeIndex, lower[stepIndex] === 'step' ? lower.indexOf('epoch') : -1].filter(i => i >= 0));
        this.skipUnusableColumns(header, line);
        return true;
    }
    /** Skips columns with no name or a name already used, each with a warning. */
    skipUnusableColumns(header, line) {
        const seen = new Map();
        header.forEach((h, i) => {
            if (this.skipIndexes.has(i))
                return;
            if (h === '') {
                this.ctx.warn(this.file, `column ${i + 1} has no name in the header; it was skipped`, {
                    ...this.place,
                    line,
                    column: i + 1
                });
                this.skipIndexes.add(i);
            }
            else if (seen.has(h)) {
                this.ctx.warn(this.file, `column "${h}" appears twice in the header (columns ${(seen.get(h) ?? 0) + 1} and ${i + 1}); the second one was skipped`, {
                    ...this.place,
                    key: h,
                    line
                });
                this.skipIndexes.add(i);
            }
            else
                seen.set(h, i);
        });
    }
    /** The row's step; undefined (reported for the first three) when it is not a finite number. */
    stepOf(fields, line) {
        const stepText = (fields[this.stepIndex] ?? '').trim();
        const step = parseNumberText(stepText);
        if (step !== undefined && Number.isFinite(step))
            return step;
        if (this.badStepReported++ < 3) {
            this.ctx.error(this.file, `${this.stepColumn} is ${JSON.stringify(truncate(stepText))}; expected a number. The row was skipped`, {
                ...this.place,
                key: this.stepColumn,
                line,
                column: this.stepIndex + 1
            });
        }
        return undefined;
    }
    /** Adds the row's numbers to their columns' series; other cells are counted as bad values. */
    addRow(header, fields, line, step) {
        const timeIndex = this.timeIndex;
        const timestamp = timeIndex >= 0 ? parseNumberText((fields[timeIndex] ?? '').trim()) : undefined;
        for (let i = 0; i < header.length && i < fields.length; i++) {
            if (this.skipIndexes.has(i))
                continue;
            const text = fields[i].trim();
            if (text === '')
                continue;
            const value = parseNumberText(text);
            if (value === undefined) {
                const bad = this.badValue.get(i);
                if (bad)
                    bad.count++;
                else
                    this.badValue.set(i, { line, text, count: 1 });
                continue;
            }
            let points = this.series.get(i);
            if (!points)
                this.series.set(i, (points = new HistoryBuilder({ final: 'max-step', byTimestamp: false, repeats: 'same-step' })));
            points.add(step, value, timestamp !== undefined && Number.isFinite(timestamp) ? timestamp : undefined);
        }
    }
    /** Reports the cells that were not numbers: a column of text only as a warning, stray text as an error. */
    reportBadValues(header) {
        for (const [i, bad] of this.badValue) {
            const column = header[i];
            const where = { ...this.place, key: column, line: bad.line, column: i + 1 };
            if (!this.series.get(i)?.length) {
                // A column of text only (a note, a name) is not a metric: say so once, without alarm.
                this.ctx.warn(this.file, `column "${column}" holds text such as ${JSON.stringify(truncate(bad.text))}, not numbers; it is not compared`, where);
            }
            else {
                const more = bad.count > 1 ? ` (and ${bad.count - 1} more such cells)` : '';
                this.ctx.error(this.file, `column "${column}" holds ${JSON.stringify(truncate(bad.text))}, not a number${more}; those cells were skipped`, where);
            }
        }
    }
    /** One metric per value column that has numbers; `metricName` names the only one when there is one. */
    metrics(header, metricName) {
        const valueColumns = header.map((_, i) => i).filter(i => !this.skipIndexes.has(i));
        const metrics = {};
        for (const i of valueColumns) {
            const built = this.series.get(i)?.buildColumns();
            if (!built)
                continue;
            const name = metricName && valueColumns.length === 1 ? metricName : header[i];
            metrics[name] = metricFromColumns(built);
        }
        return metrics;
    }
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
 * Longer than 80 lines on purpose: the parser's state (field, record, quotes, line) lives in locals shared by its
 * parts (endField, endRecord, consume), which run once per character of the file.
 */
// eslint-disable-next-line max-lines-per-function -- the parser's state is shared by its per-character parts (see above)
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
        if (visit({ path: dir, name: path.basename(dir), files, dirs }))
            continue;
        for (const d of dirs)
            if (!SKIPPED_FOLDERS.has(d))
                queue.push(path.join(dir, d));
    }
}

// What a dvc.yaml names: the metrics, params and plots files at its top level and in each stage (foreach/matrix
// stages keep theirs under `do`), resolved against the stage's wdir. Templated paths (${…}) are not expanded.
/** The pipeline file that makes a folder a DVC project. */
const DVC_YAML = 'dvc.yaml';
/** How many folders up or down a dvclive dvc.yaml is looked for from its project. */
const DVC_NEST_DEPTH = 3;
/**
 * The dvc.yaml files without stages (dvclive's) below a project folder, at most DVC_NEST_DEPTH folders down, not
 * below another dvc.yaml and not in SKIPPED_FOLDERS: the ones the DVC reader merges into the project's run.
 * `list` lists a folder; `hasStages` says whether a dvc.yaml has stages (a project of its own).
 */
async function nestedDvcliveYamls(dir, list, hasStages) {
    const found = [];
    let level = [dir];
    for (let depth = 0; depth < DVC_NEST_DEPTH && level.length; depth++) {
        const next = [];
        for (const parent of level) {
            for (const sub of (await list(parent)).dirs) {
                if (SKIPPED_FOLDERS.has(sub))
                    continue;
                const subDir = path.join(parent, sub);
                const yamlFile = path.join(subDir, DVC_YAML);
                if (!(await list(subDir)).files.includes(DVC_YAML))
                    next.push(subDir);
                else if (!(await hasStages(yamlFile)))
                    found.push(yamlFile);
            }
        }
        level = next;
    }
    return found;
}
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
        const wdir = typeof stage.wdir === 'string' ? path.resolve(dir, stage.wdir) : dir;
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
        return path.resolve(base, p);
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
        ctx.warn(path.join(dir, DVC_YAML), 'names no metrics, params or plots that could be read; no run was made from it', place);
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
        if (path.extname(ref.file).toLowerCase() === '.py') {
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
    const ext = path.extname(ref.file).toLowerCase();
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
        const built = points.buildColumns();
        if (built)
            out[name] = metricFromColumns(built);
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
        const ext = path.extname(ref.file).toLowerCase();
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
                const e = path.extname(file).toLowerCase();
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
    const out = files.map(f => path.join(dir, f));
    if (depth > 0)
        for (const d of dirs)
            if (!SKIPPED_FOLDERS.has(d))
                out.push(...(await listFilesBelow(path.join(dir, d), ctx, depth - 1)));
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
    const file = path.join(dir, DVC_LOCK);
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
/** Reads DVC projects (dvc.yaml, dvc.lock, params and metrics files) and standalone dvclive folders. */
const dvcSource = {
    format: 'dvc',
    claim(listing) {
        if (listing.files.includes(DVC_YAML))
            return [{ path: listing.path }];
        // A standalone dvclive folder: metrics.json and a plots folder (not a built-in experiments/<run>).
        if (listing.files.includes('metrics.json') &&
            listing.dirs.includes('plots') &&
            path.basename(path.dirname(listing.path)) !== 'experiments') {
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
    return rel === '.' ? path.basename(ctx.workspace) : rel;
}
/** Reads the project whose dvc.yaml is in `dir`; undefined when it is a dvclive file merged into its parent. */
async function readDvcProject(dir, ctx) {
    const name = runName(dir, ctx);
    const place = { run: name };
    const yamlFile = path.join(dir, DVC_YAML);
    // A dvclive dvc.yaml (no stages) below a project is read with that project, not as a run of its own.
    if ((await nearestProjectAbove(dir, ctx)) && !(await hasStages(yamlFile, ctx)))
        return undefined;
    const raw = await readYamlExact(ctx, yamlFile, place);
    if (raw === undefined)
        return undefined;
    const refs = parseDvcYaml(raw, dir, yamlFile, ctx, place);
    if (!refs)
        return undefined;
    for (const sub of await nestedDvcliveYamls(dir, d => ctx.list(d), file => hasStages(file, ctx))) {
        const subRaw = await readYamlExact(ctx, sub, place);
        const subRefs = subRaw === undefined ? undefined : parseDvcYaml(subRaw, path.dirname(sub), sub, ctx, place);
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
        metrics: [{ file: path.join(dir, 'metrics.json'), from }],
        params: files.includes('params.yaml') ? [{ file: path.join(dir, 'params.yaml'), from }] : [],
        plots: [{ file: path.join(dir, 'plots', 'metrics'), from, x: 'step' }]};
    if (!(await exists(path.join(dir, 'plots', 'metrics'))))
        refs.plots = [];
    return buildRun(dir, name, refs, undefined, ctx);
}
/** The nearest folder above `dir` (at most DVC_NEST_DEPTH up, inside the workspace) with a dvc.yaml. */
async function nearestProjectAbove(dir, ctx) {
    let d = dir;
    for (let i = 0; i < DVC_NEST_DEPTH; i++) {
        if (d === ctx.workspace)
            return undefined;
        d = path.dirname(d);
        if (!(d === ctx.workspace || d.startsWith(ctx.workspace + path.sep)))
            return undefined;
        if (await exists(path.join(d, DVC_YAML)))
            return d;
    }
    return undefined;
}
/** True when a dvc.yaml in a folder above names this dvclive folder's metrics or plots (it reads them). */
async function namedByProjectAbove(dir, ctx) {
    const metricsFile = path.join(dir, 'metrics.json');
    let d = dir;
    while (d !== ctx.workspace && d.startsWith(ctx.workspace + path.sep)) {
        d = path.dirname(d);
        const yamlFile = path.join(d, DVC_YAML);
        if (!(await exists(yamlFile)))
            continue;
        const refs = await quietly(ctx, async () => {
            const raw = await readYamlExact(ctx, yamlFile);
            return raw === undefined ? undefined : parseDvcYaml(raw, d, yamlFile, ctx, {});
        });
        const named = [...(refs?.metrics ?? []), ...(refs?.plots ?? [])].map(r => r.file);
        if (named.some(f => f === metricsFile || f === dir || dir.startsWith(f + path.sep) || f.startsWith(dir + path.sep)))
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
    const name = rel === '.' ? path.basename(ctx.workspace) : rel;
    const place = { run: name };
    const { files, dirs } = await ctx.list(dir);
    const checkpoints = dirs
        .map(d => ({ d, step: Number(CHECKPOINT.exec(d)?.[1]) }))
        .filter(c => Number.isFinite(c.step))
        .sort((a, b) => b.step - a.step); // numeric: checkpoint-1200 after checkpoint-500
    const notes = [];
    const top = files.includes(TRAINER_STATE)
        ? await readState(path.join(dir, TRAINER_STATE), ctx, place)
        : undefined;
    const latest = await latestCheckpointState(dir, checkpoints, ctx, place);
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
    const sawResults = await readResultFiles(dir, files, ctx, place, params, finals);
    for (const [key, final] of Object.entries(finals)) {
        const existing = metrics[key];
        metrics[key] = existing?.history ? { ...final, history: existing.history } : final;
    }
    // Params: the model's config, a PEFT adapter's config and the training arguments, when saved as JSON.
    const paramDirs = [{ dir, files }, ...(chosen && chosen.dir !== dir ? [{ dir: chosen.dir }] : [])];
    await readParamsFile(paramDirs, 'training_args.json', '', ctx, place, params);
    await readParamsFile(paramDirs, 'config.json', 'model', ctx, place, params);
    await readParamsFile(paramDirs, 'adapter_config.json', 'adapter', ctx, place, params);
    if (chosen && !sawResults)
        markUnfinished(chosen, metadata);
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
/** The trainer state of the latest checkpoint that has a readable one (checkpoints sorted latest first). */
async function latestCheckpointState(dir, checkpoints, ctx, place) {
    for (const c of checkpoints) {
        const cdir = path.join(dir, c.d);
        const { files: cfiles } = await ctx.list(cdir);
        if (!cfiles.includes(TRAINER_STATE))
            continue;
        const state = await readState(path.join(cdir, TRAINER_STATE), ctx, place);
        if (state)
            return state;
        ctx.warn(path.join(cdir, TRAINER_STATE), 'could not be used; the history is taken from an earlier checkpoint', place);
    }
    return undefined;
}
/** Reads the result files (all_results.json …) into `finals` (and `epoch` into params); true when one was read. */
async function readResultFiles(dir, files, ctx, place, params, finals) {
    let sawResults = false;
    for (const resultFile of RESULT_FILES) {
        if (!files.includes(resultFile))
            continue;
        const file = path.join(dir, resultFile);
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
    return sawResults;
}
/**
 * Reads a JSON config file from the first of `dirs` that has it, flattened under `prefix`, into `params` (a key
 * already there is kept). A folder's `files` are listed when not given.
 */
async function readParamsFile(dirs, fileName, prefix, ctx, place, params) {
    for (const d of dirs) {
        const present = d.files ?? (await ctx.list(d.dir)).files;
        if (!present.includes(fileName))
            continue;
        const file = path.join(d.dir, fileName);
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
}
/** Marks a run still running when its latest state stops short of max_steps and training was not told to stop. */
function markUnfinished(chosen, metadata) {
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
    return { file, dir: path.dirname(file), state: raw, globalStep: step?.value ?? 0 };
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
        const built = points.buildColumns();
        if (!built)
            continue;
        const metric = metricFromColumns(built);
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
            const built = points.buildColumns();
            if (built)
                out.push([k, metricFromColumns(built)]);
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
        if (RUN_DIR.test(path.basename(claimPath)) && path.basename(claimPath) !== 'wandb') {
            const run = await readWandbRun(claimPath, ctx);
            return run ? [run] : [];
        }
        // `latest-run` and other symbolic links to run folders are not listed (ctx.list leaves out linked folders),
        // so a run is read once; `debug.log`, `settings` and the like are files and ignored here.
        const { dirs } = await ctx.list(claimPath);
        const runs = [];
        for (const dir of dirs.filter(d => RUN_DIR.test(d))) {
            const run = await readWandbRun(path.join(claimPath, dir), ctx);
            if (run)
                runs.push(run);
        }
        return runs;
    }
};
/** Reads one run folder (any layout); undefined with a warning when it holds nothing a run is made of. */
async function readWandbRun(dir, ctx) {
    const folder = path.basename(dir);
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
    const sub = top.dirs.includes('files') ? await ctx.list(path.join(dir, 'files')) : { files: []};
    const find = (name) => sub.files.includes(name)
        ? path.join(dir, 'files', name)
        : top.files.includes(name)
            ? path.join(dir, name)
            : undefined;
    const logFile = top.files.find(isRunLog);
    return {
        legacy: !top.dirs.includes('files'),
        log: logFile ? path.join(dir, logFile) : undefined,
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
    if (log.run.project)
        facts.experiment = log.run.project;
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

// A small pool of read workers (worker_threads) for stores with many metric files, and for the second part of a
// large TensorBoard event file: the main thread walks folders and builds runs (or reads the first part of the file)
// while the workers read and parse. Started only when a store is large enough to repay the start
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
/** Workers that read and parse MLflow metric files and parts of event files; see the file comment. */
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
            worker.on('message', (reply) => this.settle(reply));
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
    async read(files, maxBytes) {
        const task = { kind: 'metrics', id: this.nextId++, files, maxBytes };
        return (await this.request(task, files.length)).files;
    }
    /**
     * Decodes the open event file `fd` from the record at byte `start` to its end (tensorboard-range.ts); rejects when
     * the worker could not (the caller then reads that part itself).
     */
    async readEvents(fd, start) {
        const task = { kind: 'events', id: this.nextId++, fd, start };
        const reply = await this.request(task, 1);
        if ('error' in reply)
            throw new Error(reply.error);
        return reply.result;
    }
    /** Sends a task to the least busy worker (`weight`: how much work it is) and waits for its reply. */
    request(task, weight) {
        if (this.failure)
            return Promise.reject(this.failure);
        let worker = 0;
        for (let i = 1; i < this.busy.length; i++)
            if (this.busy[i] < this.busy[worker])
                worker = i;
        if (this.busy[worker] === 0)
            this.workers[worker].ref();
        this.busy[worker] += weight;
        const done = () => {
            this.busy[worker] -= weight;
            if (this.busy[worker] === 0)
                this.workers[worker].unref();
        };
        return new Promise((resolve, reject) => {
            this.pending.set(task.id, { resolve, reject });
            this.workers[worker].postMessage(task);
        }).finally(done);
    }
    /** Stops the workers. */
    async close() {
        this.closed = true;
        await Promise.all(this.workers.map(w => w.terminate()));
    }
    settle(reply) {
        const task = this.pending.get(reply.id);
        if (!task)
            return;
        this.pending.delete(reply.id);
        task.resolve(reply);
    }
    fail(e) {
        this.failure ??= e;
        for (const task of this.pending.values())
            task.reject(e);
        this.pending.clear();
    }
}

// TensorBoard event files (`events.out.tfevents.*`): TFRecord framing (length, masked CRC-32C of the length,
// data, masked CRC-32C of the data) around `Event` protobufs. Scalars come from TF1 `simple_value` and TF2
// float tensors; images, histograms, text, graphs and hparams events are skipped. One run per folder: every
// event file in a folder merges into it; Lightning's `hparams.yaml` beside them gives the params.
// Files are read in chunks into one reused buffer and decoded from Buffer offsets, never read whole. A large file
// is read in two parts at once: a read worker decodes the second part while this thread decodes the first, and its
// series is appended after this thread's, so the run is the one a single read would make.
/** The name every TensorBoard event file starts with. */
const EVENT_FILE_PREFIX = 'events.out.tfevents.';
/** Event files at least this large are read in two parts at once (a worker's start costs about 30-50 ms). */
const SPLIT_MIN_BYTES = 16 * 1024 * 1024;
/** Where in a split file the worker's part starts (a little past the middle: the worker starts later). */
const SPLIT_AT = 0.5;
/** The bytes searched for a record to split at. */
const SPLIT_WINDOW = 256 * 1024;
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
/** Reads one event folder into a run; undefined when it yields neither scalars nor hparams.yaml. */
async function readTensorBoardRun(dir, ctx, split = WORKER_SPLIT) {
    const { files } = await ctx.list(dir);
    const eventFiles = files.filter(isEventFile);
    const name = ctx.rel(dir);
    const place = { run: name };
    const series = new ScalarSeries();
    let readable = 0;
    for (const file of eventFiles) {
        if (await readEventFile(path.join(dir, file), name, series, ctx, split))
            readable++;
    }
    let params = {};
    const hasHparams = files.includes('hparams.yaml');
    if (hasHparams) {
        const file = path.join(dir, 'hparams.yaml');
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
/** The reader's split: one read worker, for files from SPLIT_MIN_BYTES, where the bundle has one and a second core. */
const WORKER_SPLIT = {
    minBytes: SPLIT_MIN_BYTES,
    start: () => MetricReadPool.start(Math.min(1, readWorkerCount()))
};
/** Starts reading the second part of a large file; undefined when it is not split (no record start found, no reader). */
function startSecondPart(file, split) {
    if (file.size < split.minBytes)
        return undefined;
    const from = Math.floor(file.size * SPLIT_AT);
    const window = Buffer.allocUnsafe(Math.max(0, Math.min(SPLIT_WINDOW, file.size - from)));
    const found = findRecordStart(window, 0, readSync(file.fd, window, 0, window.length, from));
    if (found < 0 || from + found === 0)
        return undefined;
    const reader = split.start();
    if (!reader)
        return undefined;
    const at = from + found;
    return { at, reader, result: reader.readEvents(file.fd, at).catch((e) => e) };
}
/**
 * Reads the part of a split file from `second.at` into `series`: the worker's series, appended, or on this thread
 * (with a warning saying why) when the worker failed. Returns the scan of the whole file, as one scan would end.
 */
async function readSecondPart(file, second, first, series, report) {
    const { onBadEvent } = report;
    const done = await second.result;
    let rest;
    if (!(done instanceof Error)) {
        series.append(done.series);
        for (const bad of done.badEvents)
            onBadEvent(bad);
        rest = done.scan;
    }
    else {
        report.warn(`a read worker could not decode the part from byte ${second.at} (${done.message}); it was read on the main thread`);
        const chunks = file.chunks(second.at, EVENT_CHUNK);
        rest = await decodeEventRecords(chunks, series, onBadEvent, { offset: second.at });
    }
    return { ...rest, records: first.records + rest.records, bytes: second.at + rest.bytes };
}
/**
 * Streams one event file into `series` (a large one in two parts at once, see `split`); returns true when it was
 * event data (whatever it held).
 */
async function readEventFile(file, run, series, ctx, split = WORKER_SPLIT) {
    const place = { run };
    let badEvents = 0;
    const onBadEvent = ({ offset, message }) => {
        if (badEvents++ < MAX_BAD_EVENTS_SHOWN)
            ctx.error(file, `record at byte ${offset} is not a valid Event protobuf (${message}); it was skipped`, place);
    };
    let opened;
    let second;
    let scan;
    try {
        opened = await ctx.openFile(file, place);
        if (!opened)
            return false;
        second = startSecondPart(opened, split);
        const chunks = opened.chunks(0, Math.min(EVENT_CHUNK, opened.size || 1));
        scan = await decodeEventRecords(chunks, series, onBadEvent, { stopAt: second?.at });
        if (second && scan.stoppedAt !== undefined) {
            const warn = (message) => ctx.warn(file, message, place);
            scan = await readSecondPart(opened, second, scan, series, { onBadEvent, warn });
        }
    }
    catch (e) {
        ctx.error(file, `cannot be read: ${e.message}`, place);
        return false;
    }
    finally {
        // The worker reads through this file's descriptor: stopped before it is closed.
        await second?.reader.close();
        await opened?.close();
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

// What the MLflow file store and the MLflow SQLite store share: run status codes and how MLflow's params and
// tags map onto a Run. The rule for a metric's latest value (step, then timestamp, then value) is HistoryBuilder's
// `mlflow` rule (history.ts).
/** The most runs read from a store named by a tracking URI when every commit is taken (`--commit any`). */
const MAX_RUNS_ANY_COMMIT = 1000;
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
    if (record.experimentName !== undefined) {
        meta.experiment = record.experimentName;
        meta.tags.push(`experiment=${record.experimentName}`);
    }
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
/**
 * Warns when experiments were selected and none of a store's experiments is among them, naming the store's
 * experiments so the selection can be corrected.
 */
function warnNoExperimentSelected(ctx, store, names) {
    const patterns = ctx.selection.experiments;
    if (!patterns.length || !names.length)
        return;
    const selected = experimentMatcher(ctx.selection);
    if (names.some(name => selected(name)))
        return;
    ctx.warn(store, `none of its experiments is selected by ${patterns.map(p => JSON.stringify(p)).join(', ')} (--experiment or select.experiments); its experiments are ${listExperimentNames(names)}`);
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
        const metaFile = path.join(claimPath, 'meta.yaml');
        const meta = await ctx.readYaml(metaFile);
        if (!isObject(meta)) {
            if (meta !== undefined)
                ctx.error(metaFile, `must be a YAML mapping with experiment_id or run_id; found ${describeValue(meta)}. The folder was skipped`);
            return [];
        }
        const selected = experimentMatcher(ctx.selection);
        if (meta.run_id !== undefined || meta.run_uuid !== undefined) {
            // A single run folder: its experiment is the parent folder.
            const experiment = await readExperimentMeta(path.dirname(claimPath), ctx, true);
            if (!experiment || !selected(experiment.name))
                return [];
            const run = await readRun(claimPath, experiment, ctx, { meta, files, dirs });
            return run ? [run] : [];
        }
        const experiment = experimentFromMeta(claimPath, meta, metaFile, ctx);
        return experiment && selected(experiment.name) ? readExperimentRuns(experiment, dirs, ctx, reading) : [];
    }
    const selected = experimentMatcher(ctx.selection);
    const names = [];
    const runs = [];
    for (const dir of dirs) {
        if (ROOT_RESERVED.has(dir) || dir.startsWith('.'))
            continue;
        const experimentDir = path.join(claimPath, dir);
        const listing = await ctx.list(experimentDir);
        // Without meta.yaml this is not an experiment (MLflow 3.7+ keeps only artifacts here when the store is SQLite).
        if (!listing.files.includes('meta.yaml'))
            continue;
        const experiment = await readExperimentMeta(experimentDir, ctx, false);
        if (!experiment)
            continue;
        names.push(experiment.name ?? experiment.id);
        if (selected(experiment.name))
            runs.push(...(await readExperimentRuns(experiment, listing.dirs, ctx, reading)));
        else {
            const name = experiment.name ?? experiment.id;
            const count = await countActiveRuns(experiment, listing.dirs, ctx);
            ctx.unselected.set(name, (ctx.unselected.get(name) ?? 0) + count);
        }
    }
    warnNoExperimentSelected(ctx, claimPath, names);
    return runs;
}
/** How many runs of an experiment that is not selected are not deleted: only their meta.yaml is read. */
async function countActiveRuns(experiment, dirs, ctx) {
    let count = 0;
    for (const dir of dirs) {
        if (EXPERIMENT_RESERVED.has(dir) || dir.startsWith('.'))
            continue;
        const meta = await ctx.readText(path.join(experiment.dir, dir, 'meta.yaml'), { missingOk: true });
        if (meta !== undefined && !/^lifecycle_stage:\s*deleted\s*$/m.test(meta))
            count++;
    }
    return count;
}
/** Reads an experiment's meta.yaml; undefined when it is deleted or not an experiment. */
async function readExperimentMeta(dir, ctx, quietIfMissing) {
    const file = path.join(dir, 'meta.yaml');
    if (quietIfMissing && !lstatQuiet(file))
        return { dir, id: path.basename(dir) };
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
        : path.basename(dir);
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
            results[index] = await readRun(path.join(experiment.dir, runDirs[index]), experiment, ctx, undefined, pool);
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
/** A run folder's meta.yaml as a mapping; undefined (with a diagnostic) when it is missing or not a mapping. */
async function readRunMeta(dir, files, ctx) {
    const folder = path.basename(dir);
    if (!files.includes('meta.yaml')) {
        ctx.warn(dir, 'is in an MLflow experiment folder but has no meta.yaml, so it is not a run; it was skipped', {
            run: folder
        });
        return undefined;
    }
    const metaFile = path.join(dir, 'meta.yaml');
    const raw = await ctx.readYaml(metaFile, { run: folder });
    if (raw === undefined)
        return undefined;
    if (!isObject(raw)) {
        ctx.error(metaFile, `must be a YAML mapping with run_id, status and lifecycle_stage; found ${describeValue(raw)}. The run was skipped`, { run: folder });
        return undefined;
    }
    return raw;
}
/** Reads one run folder; undefined when it is deleted or has no usable meta.yaml (with a diagnostic). */
async function readRun(dir, experiment, ctx, known, pool) {
    const folder = path.basename(dir);
    const listing = known ?? (await ctx.list(dir));
    const metaFile = path.join(dir, 'meta.yaml');
    const meta = known?.meta ?? (await readRunMeta(dir, listing.files, ctx));
    if (!meta)
        return undefined;
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
            ? readKeyValues$1(path.join(dir, 'params'), ctx, place)
            : new Map(),
        listing.dirs.includes('tags')
            ? readKeyValues$1(path.join(dir, 'tags'), ctx, place)
            : new Map(),
        listing.dirs.includes('metrics') ? readMetrics(path.join(dir, 'metrics'), ctx, place, pool) : {},
        listing.dirs.includes('inputs') ? readInputs(path.join(dir, 'inputs'), experiment, ctx, place) : []
    ]);
    const { run, unknownStatus } = buildMlflowRun({
        runId,
        id: `mlflow:${ctx.rel(dir)}`,
        parentIdFor: parent => `mlflow:${ctx.rel(path.join(experiment.dir, parent))}`,
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
            out.push({ key: prefix + f, file: path.join(dir, f) });
        for (const d of dirs) {
            if (depth >= MAX_KEY_DEPTH) {
                ctx.warn(path.join(dir, d), `is nested more than ${MAX_KEY_DEPTH} folders deep; its keys were skipped`, place);
                continue;
            }
            await visit(path.join(dir, d), `${prefix}${d}/`, depth + 1);
        }
    };
    await visit(root, '', 0);
    return out;
}
/** Reads params or tags: one file per key, its whole text the value. */
async function readKeyValues$1(root, ctx, place) {
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
            metrics[key] = metricFromColumns(parsed.columns);
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
        const file = path.join(root, dir, 'meta.yaml');
        const meta = await ctx.readYaml(file, place);
        if (!isObject(meta)) {
            if (meta !== undefined)
                ctx.error(file, `must be a YAML mapping with source_type and source_id; found ${describeValue(meta)}. The input was skipped`, place);
            continue;
        }
        if (meta.source_type !== 'DATASET')
            continue;
        const datasetId = textOf(meta.source_id);
        experiment.datasets ??= readDatasets$1(experiment, ctx);
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
async function readDatasets$1(experiment, ctx) {
    const root = path.join(experiment.dir, 'datasets');
    const out = new Map();
    if (!lstatQuiet(root)?.isDirectory())
        return out;
    const { dirs } = await ctx.list(root);
    for (const dir of dirs) {
        const file = path.join(root, dir, 'meta.yaml');
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

/** The first column of every row of a query. */
function column(db, sql, params = []) {
    const out = [];
    db.prepare(sql).each(params, row => out.push(row[0]));
    return out;
}
/** Runs a query row by row; a failing query is reported against the table and yields nothing. */
function eachRow(db, sql, params, where, onRow) {
    const { file, table, ctx } = where;
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
        stmt.each(params, onRow);
    }
    catch (e) {
        ctx.error(file, `table ${table} could not be read to the end: ${e.message}; the rows before were kept`, { key: table });
    }
}
/** The column names of a table. */
function columnsOf(db, table) {
    const out = new Set();
    // PRAGMA table_info: cid, name, type, notnull, dflt_value, pk
    db.prepare(`PRAGMA table_info("${table.replace(/"/g, '""')}")`).each([], row => out.add(String(row[1])));
    return out;
}
/** True when the metrics table has an index led by (run_uuid, key), so one series is read without a scan. */
function hasSeriesIndex(db) {
    const sql = column(db, "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'metrics'");
    return sql.some(s => typeof s === 'string' && /\(\s*"?run_uuid"?\s*,\s*"?key"?/i.test(s));
}
/**
 * Reads the metric histories of the runs. With MLflow's (run_uuid, key, step) index each series is read on its
 * own: whole when it has at most MAX_HISTORY_POINTS points, otherwise only the points the history keeps (evenly
 * spaced, ends kept, chosen in SQL) plus its final point, so a long series costs no more memory than a short one.
 * Without the index (old schemas) the rows of the runs are streamed once.
 */
function readHistories(db, runs, ofRuns, file, ctx) {
    if (hasSeriesIndex(db))
        readHistoriesBySeries(db, runs, file, ctx);
    else
        readHistoriesStreamed(db, runs, ofRuns, file, ctx);
}
/** The `is_nan` column of a metric table, or 0 in schemas without it. */
function nanColumn(db, table = 'metrics') {
    return columnsOf(db, table).has('is_nan') ? 'is_nan' : '0';
}
/**
 * Each usable point of a metric table (`metrics`: every point, `latest_metrics`: MLflow's latest of each metric) of
 * the runs, with its run and key; an unusable row is reported and skipped.
 */
function eachMetricPoint(db, table, runs, ofRuns, where, onPoint) {
    const { file, ctx } = where;
    eachRow(db, `SELECT run_uuid, key, value, timestamp, step, ${nanColumn(db, table)} FROM ${table} WHERE ${ofRuns.sql}`, ofRuns.params, { file, table, ctx }, row => {
        const run = runs.get(String(row[0]));
        if (!run)
            return;
        const point = pointOf(row.slice(1), run.runId, file, ctx);
        if (point)
            onPoint(run, String(row[1]), point);
    });
}
/** Puts a series into its run as a metric; `total` is the length of the full series when only part was read. */
function finishSeries(run, key, history, total) {
    const built = history.buildColumns();
    if (!built)
        return;
    const metric = metricFromColumns(built);
    if (total > built.total)
        metric.historyPoints = total;
    run.metrics[key] = metric;
}
/** Without the series index (old schemas): the metric rows of the runs streamed once, every point kept until built. */
function readHistoriesStreamed(db, runs, ofRuns, file, ctx) {
    const histories = new Map();
    eachMetricPoint(db, 'metrics', runs, ofRuns, { file, ctx }, (run, key, point) => {
        let byKey = histories.get(run);
        if (!byKey)
            histories.set(run, (byKey = new Map()));
        let history = byKey.get(key);
        if (!history)
            byKey.set(key, (history = new HistoryBuilder({ final: 'mlflow' })));
        history.add(point.step, point.value, point.timestamp);
    });
    for (const [run, byKey] of histories)
        for (const [key, h] of byKey)
            finishSeries(run, key, h, 0);
}
/** The row numbers (0-based, by step then timestamp) HistoryBuilder keeps of a series of `total` points, as JSON. */
function keptRowsOf() {
    const picks = new Map();
    return total => {
        let list = picks.get(total);
        if (!list) {
            const stride = (total - 1) / (MAX_HISTORY_POINTS - 1);
            const rows = Array.from({ length: MAX_HISTORY_POINTS }, (_, k) => Math.round(k * stride));
            picks.set(total, (list = JSON.stringify(rows)));
        }
        return list;
    };
}
/** With the series index: each series read on its own, whole or only its kept points and its final point. */
function readHistoriesBySeries(db, runs, file, ctx) {
    const nan = nanColumn(db);
    const counts = db.prepare('SELECT key, COUNT(*) FROM metrics WHERE run_uuid = ? GROUP BY key');
    const whole = db.prepare(`SELECT key, value, timestamp, step, ${nan} FROM metrics WHERE run_uuid = ? AND key = ? ORDER BY step, timestamp`);
    // The points of the thinned history: row numbers (0-based, by step then timestamp) as HistoryBuilder picks them.
    const thinned = db.prepare(`SELECT key, value, timestamp, step, ${nan} FROM (SELECT key, value, timestamp, step, ${nan}, ROW_NUMBER() OVER (ORDER BY step, timestamp) - 1 AS i FROM metrics WHERE run_uuid = ? AND key = ?) WHERE i IN (SELECT value FROM json_each(?))`);
    // The final point by MLflow's rule (highest step, then latest timestamp, then highest value; NaN loses).
    const final = db.prepare(`SELECT key, value, timestamp, step, ${nan} FROM metrics WHERE run_uuid = ? AND key = ? ORDER BY step DESC, timestamp DESC, ${nan} ASC, value DESC LIMIT 1`);
    const keptRows = keptRowsOf();
    try {
        for (const run of runs.values()) {
            const series = [];
            counts.each([run.runId], row => series.push([String(row[0]), Number(row[1])]));
            for (const [key, total] of series) {
                const history = new HistoryBuilder({ final: 'mlflow' }, Math.min(total, MAX_HISTORY_POINTS));
                const add = (row) => {
                    const point = pointOf(row, run.runId, file, ctx);
                    if (point)
                        history.add(point.step, point.value, point.timestamp);
                };
                if (total <= MAX_HISTORY_POINTS)
                    whole.each([run.runId, key], add);
                else {
                    thinned.each([run.runId, key, keptRows(total)], add);
                    if (!run.latest.has(key))
                        final.each([run.runId, key], row => {
                            const point = pointOf(row, run.runId, file, ctx);
                            if (point)
                                run.latest.set(key, point);
                        });
                }
                finishSeries(run, key, history, total);
            }
        }
    }
    catch (e) {
        ctx.error(file, `table metrics could not be read to the end: ${e.message}; the histories read before were kept`, { key: 'metrics' });
    }
}
/** A metric row (key, value, timestamp, step, is_nan) as a point; undefined with a diagnostic when unusable. */
function pointOf(row, runId, file, ctx) {
    const [key, rawValue, rawTimestamp, rawStep, rawNan] = row;
    const place = { run: runId, key: String(key) };
    const isNan = rawNan === 1 || rawNan === '1' || rawNan === 1n;
    let value = typeof rawValue === 'number'
        ? rawValue
        : typeof rawValue === 'string' && rawValue.trim() !== ''
            ? Number(rawValue)
            : NaN;
    if (isNan)
        value = NaN;
    else if (Number.isNaN(value)) {
        ctx.error(file, `metric "${String(key)}" has the value ${describe(rawValue)}; expected a number. The point was skipped`, place);
        return undefined;
    }
    // MLflow stores ±infinity as ±DBL_MAX.
    if (value === Number.MAX_VALUE)
        value = Infinity;
    else if (value === -Number.MAX_VALUE)
        value = -Infinity;
    const step = rawStep === null ? 0 : Number(rawStep);
    const timestamp = rawTimestamp === null ? undefined : Number(rawTimestamp);
    if (!Number.isFinite(step) || (timestamp !== undefined && !Number.isFinite(timestamp))) {
        ctx.error(file, `metric "${String(key)}" has step ${describe(rawStep)} and timestamp ${describe(rawTimestamp)}; expected integers. The point was skipped`, place);
        return undefined;
    }
    return timestamp === undefined ? { step, value } : { step, value, timestamp };
}
/** A text value, undefined when NULL or blank. */
function text(value) {
    if (value === null || value === undefined)
        return undefined;
    const s = valueText(value);
    return s.trim() === '' ? undefined : s;
}
/** Any value as text (a blob as UTF-8). */
function valueText(value) {
    if (value instanceof Uint8Array)
        return Buffer.from(value).toString('utf8');
    return String(value);
}
/** A value as a message shows it. */
function describe(value) {
    if (value === null || value === undefined)
        return 'NULL';
    if (value instanceof Uint8Array)
        return `a ${value.length}-byte blob`;
    if (typeof value === 'bigint')
        return value.toString();
    return JSON.stringify(value);
}

// One small interface over the two SQLite engines the readers use:
// - `node:sqlite` (Node 22.13 and later, so always on the action's node24 runtime): the database is read from the
//   file itself, page by page, so memory stays bounded whatever its size;
// - sql.js (SQLite compiled to WebAssembly) on older Node: the whole file is copied into WebAssembly memory, so
//   the file size is limited (MAX_SQLJS_BYTES).
/** The largest database sql.js reads: it needs the whole file, plus its own working memory, in WebAssembly memory. */
const MAX_SQLJS_BYTES = 512 * 1024 * 1024;
let nodeSqlite;
/** Loads node:sqlite once; undefined on a Node without it (before 22.13, or 22.5–22.12 without the flag). */
function loadNodeSqlite() {
    // The specifier is a variable so that neither TypeScript (no types on Node 20) nor the bundler resolve it.
    const specifier = 'node:sqlite';
    nodeSqlite ??= (async () => {
        const emit = process.emitWarning;
        // node:sqlite announces itself as experimental on every load; the review's log is not the place for that.
        process.emitWarning = ((warning, ...rest) => {
            const text = typeof warning === 'string' ? warning : warning.message;
            if (/SQLite is an experimental feature/i.test(text))
                return;
            return emit.call(process, warning, ...rest);
        });
        try {
            return (await import(specifier));
        }
        catch {
            return undefined;
        }
        finally {
            process.emitWarning = emit;
        }
    })();
    return nodeSqlite;
}
/** Opens a database file read only with node:sqlite (nothing is written beside it); undefined without node:sqlite. */
async function openWithNodeSqlite(file) {
    const sqlite = await loadNodeSqlite();
    if (!sqlite)
        return undefined;
    const db = new sqlite.DatabaseSync(file, { readOnly: true });
    return {
        engine: 'node:sqlite',
        prepare(sql) {
            const stmt = db.prepare(sql);
            const arrays = typeof stmt.setReturnArrays === 'function';
            if (arrays)
                stmt.setReturnArrays?.(true);
            return {
                each(params, onRow) {
                    for (const row of stmt.iterate(...params))
                        onRow(arrays ? row : Object.values(row));
                }
            };
        },
        close: () => db.close()
    };
}
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
/** Opens a database from its bytes with sql.js. */
async function openWithSqlJs(bytes) {
    const SQL = await loadSqlJs();
    const db = new SQL.Database(bytes);
    const statements = [];
    return {
        engine: 'sql.js',
        prepare(sql) {
            const stmt = db.prepare(sql);
            statements.push(stmt);
            return {
                each(params, onRow) {
                    stmt.bind(params);
                    try {
                        while (stmt.step())
                            onRow(stmt.get());
                    }
                    finally {
                        stmt.reset();
                    }
                }
            };
        },
        close() {
            for (const stmt of statements)
                stmt.free();
            db.close();
        }
    };
}

// The MLflow SQLite store (`mlflow.db`, MLflow's default since 3.7; also any *.db holding MLflow's tables,
// e.g. `mlruns.db`): experiments, runs, params, tags, metric histories and latest values, dataset inputs.
// On Node 22.13+ (the action's node24) the file is read in place with node:sqlite, with bounded memory whatever its
// size; on older Node with sql.js (WebAssembly), which needs the whole file in memory and so takes at most
// MAX_SQLJS_BYTES. Only what the review needs is read: the selected experiments' active runs (and, for a store
// named by a tracking URI, those of the commit under review), latest values from latest_metrics, and histories
// thinned in SQL to MAX_HISTORY_POINTS per series. Schemas from MLflow 1.26 (no runs.deleted_time, no
// experiments.creation_time) to 3.x are read alike.
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
        return listing.files.filter(f => /\.db$/i.test(f)).map(f => ({ path: path.join(listing.path, f) }));
    },
    read: (file, ctx) => readMlflowDatabase(file, ctx)
};
/** Reads the runs of one database file; an empty list when it is not an MLflow store. */
async function readMlflowDatabase(file, ctx, options = {}) {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile())
        return [];
    const head = await readHead(file, ctx, SQLITE_HEADER.length);
    if (!head ||
        head.length < SQLITE_HEADER.length ||
        !head.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER))
        return [];
    let db;
    try {
        if (options.engine !== 'sql.js' && (await loadNodeSqlite())) {
            if (!(await ctx.insideWorkspace(file))) {
                ctx.error(file, 'leaves the workspace through a symbolic link; it was not read');
                return [];
            }
            db = await openWithNodeSqlite(file);
        }
        else {
            if (info.size > MAX_SQLJS_BYTES) {
                if (MLFLOW_DB_NAMES.has(path.basename(file).toLowerCase()) || (await looksLikeMlflow(file, ctx)))
                    ctx.error(file, tooLargeForSqlJs(info.size));
                return [];
            }
            const bytes = await ctx.readBytes(file, {}, MAX_SQLJS_BYTES);
            if (!bytes)
                return [];
            db = await openWithSqlJs(bytes);
        }
    }
    catch (e) {
        ctx.error(file, `is not a readable SQLite database: ${e.message}; it was skipped`);
        return [];
    }
    if (!db)
        return [];
    try {
        const tables = new Set(column(db, "SELECT name FROM sqlite_master WHERE type = 'table'").map(String));
        if (!tables.has('runs') || !tables.has('experiments'))
            return [];
        return readStore(db, tables, file, ctx, options.commit);
    }
    catch (e) {
        ctx.error(file, `could not be read as an MLflow store: ${e.message}; it was skipped`);
        return [];
    }
    finally {
        db.close();
    }
}
/** Why a large store cannot be read on this Node, and what to do. */
function tooLargeForSqlJs(size) {
    const mib = (n) => `${Math.round(n / (1024 * 1024))} MiB`;
    return `is an MLflow database of ${mib(size)}; on Node ${process.versions.node} SQLite stores are read whole into memory (sql.js, no node:sqlite), which is limited to ${mib(MAX_SQLJS_BYTES)}, so it was skipped. Run experiment-review on Node 22.13 or later (the action runs on node24), which reads the store from disk with bounded memory`;
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
/** Reads experiments, runs, params, tags, metrics and inputs from an open MLflow database. */
function readStore(db, tables, file, ctx, commit) {
    const store = { db, tables, file, ctx };
    const experiments = readExperiments(store);
    const selected = experimentMatcher(ctx.selection);
    const active = [...experiments].filter(([, e]) => !e.deleted);
    warnNoExperimentSelected(ctx, file, active.map(([, e]) => e.name));
    const runsOf = runConditionOf(store, commit);
    const unchosen = active.filter(([, e]) => !selected(e.name));
    if (unchosen.length)
        countUnselected(store, experiments, runsOf(unchosen.map(([id]) => id)));
    const chosen = active.filter(([, e]) => selected(e.name)).map(([id]) => id);
    if (!chosen.length)
        return [];
    const condition = runsOf(chosen);
    const cap = commit?.kind === 'any' ? MAX_RUNS_ANY_COMMIT : undefined;
    const runs = readRunRows(store, condition, cap);
    if (!runs.size)
        return [];
    // With a cap, the runs read are named; otherwise the condition itself selects them.
    const ofRuns = cap
        ? { sql: `run_uuid IN (${[...runs.keys()].map(() => '?').join(', ')})`, params: [...runs.keys()] }
        : { sql: `run_uuid IN (SELECT run_uuid FROM runs WHERE ${condition.sql})`, params: condition.params };
    readKeyValues(store, runs, ofRuns, 'params');
    readKeyValues(store, runs, ofRuns, 'tags');
    if (tables.has('latest_metrics'))
        readLatestMetrics(store, runs, ofRuns);
    if (tables.has('metrics'))
        readHistories(db, runs, ofRuns, file, ctx);
    if (tables.has('inputs') && tables.has('datasets'))
        readDatasets(store, runs, ofRuns);
    return [...runs.values()].map(row => runOfRow(store, row, experiments.get(row.experimentId)));
}
/** The experiments of the store, by id. */
function readExperiments({ db, file, ctx }) {
    const experiments = new Map();
    const workspace = columnsOf(db, 'experiments').has('workspace') ? ', workspace' : '';
    eachRow(db, `SELECT experiment_id, name, lifecycle_stage${workspace} FROM experiments`, [], { file, table: 'experiments', ctx }, row => {
        experiments.set(String(row[0]), {
            name: text(row[1]) ?? String(row[0]),
            deleted: row[2] === 'deleted',
            workspace: text(row[3])
        });
    });
    return experiments;
}
/** The condition of the runs to read of some experiments: not deleted, and of the commit under review when there is one. */
function runConditionOf({ db, tables }, commit) {
    const hasLifecycle = columnsOf(db, 'runs').has('lifecycle_stage');
    const idParam = (id) => (/^\d+$/.test(id) ? Number(id) : id);
    return ids => {
        const condition = { sql: `experiment_id IN (${ids.map(() => '?').join(', ')})`, params: ids.map(idParam) };
        if (hasLifecycle)
            condition.sql += " AND (lifecycle_stage IS NULL OR lifecycle_stage <> 'deleted')";
        if (commit?.kind === 'sha' && tables.has('tags')) {
            condition.sql += ` AND run_uuid IN (SELECT run_uuid FROM tags WHERE key = 'mlflow.source.git.commit' AND value = ?)`;
            condition.params.push(commit.sha);
        }
        return condition;
    };
}
/** Counts, without reading them, the runs of the experiments the selection leaves out. */
function countUnselected({ db, file, ctx }, experiments, left) {
    const sql = `SELECT experiment_id, COUNT(*) FROM runs WHERE ${left.sql} GROUP BY experiment_id`;
    eachRow(db, sql, left.params, { file, table: 'runs', ctx }, row => {
        const name = experiments.get(String(row[0]))?.name ?? String(row[0]);
        ctx.unselected.set(name, (ctx.unselected.get(name) ?? 0) + Number(row[1]));
    });
}
/** The rows of the runs to read, newest first, at most `cap` of them when there is a cap (with a warning). */
function readRunRows({ db, file, ctx }, condition, cap) {
    const runColumns = columnsOf(db, 'runs');
    const pick = (name) => (runColumns.has(name) ? name : 'NULL');
    const order = runColumns.has('start_time') ? ' ORDER BY start_time DESC' : '';
    const runs = new Map();
    let skipped = 0;
    eachRow(db, `SELECT run_uuid, ${pick('name')}, ${pick('status')}, ${pick('start_time')}, ${pick('experiment_id')}, ${pick('user_id')} FROM runs WHERE ${condition.sql}${order}${cap ? ` LIMIT ${cap + 1}` : ''}`, condition.params, { file, table: 'runs', ctx }, row => {
        const runId = text(row[0]);
        if (!runId) {
            skipped++;
            return;
        }
        runs.set(runId, {
            runId,
            name: text(row[1]),
            status: row[2],
            startTime: row[3],
            user: text(row[5]),
            experimentId: row[4] === null ? '' : String(row[4]),
            params: new Map(),
            tags: new Map(),
            metrics: {},
            latest: new Map(),
            datasets: []
        });
    });
    if (skipped)
        ctx.warn(file, `${skipped} rows of the runs table have no run_uuid; they were skipped`, { key: 'runs' });
    if (cap && runs.size > cap) {
        const oldest = [...runs.keys()].pop();
        runs.delete(oldest);
        ctx.warn(file, `has more than ${cap} runs in the selected experiments; with --commit any the ${cap} latest were read. Select fewer experiments or name a commit`);
    }
    return runs;
}
/** Reads the params or tags table (key and value per run) into the runs. */
function readKeyValues({ db, tables, file, ctx }, runs, ofRuns, table) {
    if (!tables.has(table))
        return;
    eachRow(db, `SELECT run_uuid, key, value FROM ${table} WHERE ${ofRuns.sql}`, ofRuns.params, { file, table, ctx }, row => {
        const run = runs.get(String(row[0]));
        const key = text(row[1]);
        if (!run || key === undefined)
            return;
        run[table].set(key, row[2] === null ? '' : valueText(row[2]));
    });
}
/** Reads MLflow's latest value of each metric of the runs. */
function readLatestMetrics({ db, file, ctx }, runs, ofRuns) {
    eachMetricPoint(db, 'latest_metrics', runs, ofRuns, { file, ctx }, (run, key, point) => run.latest.set(key, point));
}
/** Reads the datasets logged as inputs of the runs (name, digest and context). */
function readDatasets({ db, tables, file, ctx }, runs, ofRuns) {
    const context = tables.has('input_tags')
        ? `(SELECT value FROM input_tags t WHERE t.input_uuid = i.input_uuid AND t.name = 'mlflow.data.context')`
        : 'NULL';
    eachRow(db, `SELECT i.destination_id, d.name, d.digest, ${context} FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN' AND i.destination_id IN (SELECT run_uuid FROM runs WHERE ${ofRuns.sql})`, ofRuns.params, { file, table: 'inputs', ctx }, row => {
        const run = runs.get(String(row[0]));
        const name = text(row[1]);
        if (run && name)
            run.datasets.push({ name, digest: text(row[2]) ?? '', context: text(row[3]) });
    });
}
/** The run of a row read with everything that belongs to it. */
function runOfRow({ file, ctx }, row, experiment) {
    const rel = ctx.rel(file);
    const metrics = row.metrics;
    // latest_metrics is MLflow's own answer for the latest value; without it the history decides by the same rule.
    for (const [key, latest] of row.latest) {
        const metric = metrics[key];
        if (metric)
            metric.value = latest.value;
        else
            metrics[key] = { value: latest.value };
    }
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
    return run;
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

// MLflow tracking URIs as `runs` entries, spelled as MLflow spells them (and as MLFLOW_TRACKING_URI holds them):
// `http(s)://host[:port][/prefix]` for a tracking server, `sqlite:///relative.db` or `sqlite:////absolute.db` for a
// SQLite store, `file:///absolute/mlruns` or `file:relative/mlruns` for a file store. Anything else is a path or
// a glob. Schemes MLflow knows that this reader does not (databases behind a server, Databricks) are refused
// with what to use instead.
/** A `runs` entry that looks like a tracking URI but cannot be read, with why and what to do. */
class TrackingUriError extends Error {
    entry;
    constructor(entry, reason) {
        super(reason);
        this.entry = entry;
        this.name = 'TrackingUriError';
    }
}
/** The entry as it may be shown: without `user:password@` and without a query. */
function redactTrackingUri(entry) {
    return entry
        .trim()
        .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1')
        .replace(/\?.*$/, '');
}
/** Database schemes MLflow's SQL store accepts; only a tracking server in front of them can be read. */
const DATABASE_SCHEMES = ['postgresql', 'postgres', 'mysql', 'mssql', 'oracle'];
/** True for an entry that is a URI (has a scheme MLflow would read), not a path or a glob. */
function isTrackingUri(entry) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(entry.trim())?.[1]?.toLowerCase();
    if (!scheme || scheme.length === 1)
        return false; // a Windows drive letter, not a scheme
    return (['http', 'https', 'file', 'sqlite', 'databricks', 'databricks-uc', 'uc'].includes(scheme) ||
        DATABASE_SCHEMES.some(d => scheme === d || scheme.startsWith(`${d}+`)));
}
/**
 * Parses a tracking URI; relative file and SQLite paths are taken from the workspace. Throws TrackingUriError for
 * URIs that cannot be read (the message never repeats credentials).
 */
function parseTrackingUri(entry, workspace) {
    const text = entry.trim();
    const scheme = (/^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1] ?? '').toLowerCase();
    if (scheme === 'http' || scheme === 'https') {
        let url;
        try {
            url = new URL(text);
        }
        catch {
            throw new TrackingUriError(entry, `is not a valid URL; expected e.g. https://mlflow.example.com`);
        }
        const credentials = url.username
            ? { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) }
            : undefined;
        const base = new URL(`${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}/`);
        return { kind: 'server', base, display: base.href.replace(/\/$/, ''), credentials };
    }
    if (scheme === 'sqlite') {
        // SQLAlchemy's spelling: three slashes and a relative path, or four slashes and an absolute one.
        const m = /^sqlite:\/\/\/(.+)$/i.exec(text);
        if (!m)
            throw new TrackingUriError(entry, 'names no database file; expected sqlite:///mlflow.db (relative to the workspace) or sqlite:////absolute/path/mlflow.db');
        const rest = decodeURIComponent(m[1].replace(/\?.*$/, ''));
        const file = path.resolve(workspace, rest);
        return { kind: 'sqlite', file, display: `sqlite:///${rest}` };
    }
    if (scheme === 'file') {
        let dir;
        try {
            dir = text.startsWith('file://')
                ? fileURLToPath(text)
                : path.resolve(workspace, decodeURIComponent(text.slice('file:'.length)));
        }
        catch (e) {
            throw new TrackingUriError(entry, `is not a file URI MLflow would read: ${e.message}`);
        }
        return { kind: 'file', dir, display: text };
    }
    if (scheme === 'databricks' || scheme === 'databricks-uc' || scheme === 'uc')
        throw new TrackingUriError(entry, 'is a Databricks tracking URI, which this reader does not support; point the runs input at an MLflow tracking server (http(s)://…) or at a store the job wrote (mlruns/, mlflow.db)');
    throw new TrackingUriError(entry, `is a ${scheme.split('+')[0]} database URI: the database behind an MLflow server cannot be read directly. Point the runs input at the tracking server (http(s)://…) that serves it`);
}

// The one detector: walks the workspace (or the `runs` paths and globs), asks every format which places it
// claims, and reads them. Symbolic links to directories are never followed.
/** Collects every run under the given paths or the whole workspace, with a diagnostic for each problem. */
async function collectRuns(options) {
    const entries = (options.patterns ?? []).map(p => p.trim()).filter(p => p && !p.startsWith('#'));
    const trackingUris = entries.filter(isTrackingUri);
    const patterns = entries.filter(p => !isTrackingUri(p));
    // Each runs path named explicitly is a trusted root (a glob: its fixed leading folders), read wherever it is.
    const ctx = await createReadContext(options.workspace, {
        ...options,
        roots: patterns.map(p => patternRoot(path.resolve(options.workspace, p)))
    });
    const missing = [];
    const claims = new ClaimList(options.sources ?? ALL_SOURCES);
    // Only tracking URIs given: the workspace is not searched as well.
    const starts = patterns.length
        ? outermost(await expandPatterns(ctx, patterns, missing))
        : trackingUris.length
            ? []
            : [ctx.workspace];
    for (const start of starts)
        await claimFrom(ctx, start, claims);
    const runs = await readClaims(ctx, claims.claims);
    if (trackingUris.length)
        runs.push(...(await readTrackingUris(ctx, trackingUris, options, runs.length)));
    // Matrix jobs' runs of one name stay apart, named by the folder that tells them apart (job-a/run-1).
    const selected = selectRuns(qualifyClashingNames(dedupeIds(runs)), ctx.selection, ctx.unselected);
    return {
        runs: selected.runs,
        selection: selected.outcome,
        diagnostics: ctx.diagnostics,
        searched: entries.length
            ? entries.map(e => (isTrackingUri(e) ? redactTrackingUri(e) : e))
            : [ctx.workspace],
        missing
    };
}
/** The places the sources claim, each once per format, in the order found. */
class ClaimList {
    sources;
    claims = [];
    seen = new Map();
    constructor(sources) {
        this.sources = sources;
    }
    /** Adds every source's claims on a folder listing; true when one is exclusive (the walk goes no deeper). */
    add = (listing) => {
        let exclusive = false;
        for (const source of this.sources) {
            for (const claim of source.claim(listing)) {
                const key = `${source.format}\0${claim.path}`;
                const earlier = this.seen.get(key);
                if (earlier) {
                    // A place named explicitly as well as guessed by its name is read as named.
                    if (!claim.byNameOnly)
                        delete earlier.byNameOnly;
                    continue;
                }
                const own = { ...claim };
                this.seen.set(key, own);
                this.claims.push({ source, claim: own });
                exclusive ||= claim.exclusive === true;
            }
        }
        return exclusive;
    };
}
/** Claims what is at `start`: a file by itself, a folder by walking it; a link that leaves the workspace is refused. */
async function claimFrom(ctx, start, claims) {
    const info = await lstat(start).catch(() => undefined);
    if (!info)
        return;
    if (info.isSymbolicLink() && !(await ctx.insideWorkspace(start))) {
        ctx.error(start, 'is a symbolic link that leaves the workspace; it was not followed');
        return;
    }
    if (info.isFile() || (info.isSymbolicLink() && !(await isDirectory(start)))) {
        const dir = path.dirname(start);
        claims.add({ path: dir, name: path.basename(dir), files: [path.basename(start)], dirs: [] });
    }
    else {
        await walkFolders(ctx, start, claims.add);
    }
}
/** Reads every claim with its source; a source that throws is reported against the claimed path. */
async function readClaims(ctx, claims) {
    const runs = [];
    for (const { source, claim } of claims) {
        const before = ctx.diagnostics.length;
        try {
            const read = await source.read(claim.path, ctx, claim);
            runs.push(...attachReadErrors(read, ctx.diagnostics.slice(before)));
            ctx.progress(runs.length, ctx.rel(claim.path));
        }
        catch (e) {
            ctx.error(claim.path, `could not be read as ${source.format} output: ${e.message}`);
        }
    }
    return runs;
}
/** Reads the runs of MLflow tracking URIs given as runs entries; `before` runs were read already (for progress). */
async function readTrackingUris(ctx, trackingUris, options, before) {
    const { readTrackingUri } = await import('./mlflow-tracking.js');
    const runs = [];
    for (const entry of trackingUris) {
        runs.push(...(await readTrackingUri(entry, ctx, {
            commit: options.commit,
            env: options.env ?? process.env,
            http: options.mlflowHttp
        })));
        ctx.progress(before + runs.length, redactTrackingUri(entry));
    }
    return runs;
}
/**
 * Gives each run the errors met in its own files while it was read (see `Run.readErrors`), so that a run with a
 * truncated or binary file is shown as unreadable and never as a healthy run. A diagnostic belongs to a run when its
 * file is the run's path or under it and, when it names a run, it names this one (by name, id or folder).
 */
function attachReadErrors(runs, diagnostics) {
    const errors = diagnostics.filter(d => d.severity === 'error');
    if (!errors.length)
        return runs;
    // Each error under every folder that holds its file, so that a run finds its own without scanning them all.
    const byFolder = new Map();
    for (const error of errors) {
        for (let folder = error.file;; folder = path.posix.dirname(folder)) {
            const listed = byFolder.get(folder);
            if (listed)
                listed.push(error);
            else
                byFolder.set(folder, [error]);
            if (folder === path.posix.dirname(folder))
                break;
        }
    }
    return runs.map(run => {
        const folder = path.posix.basename(run.path);
        const candidates = run.path === '.' ? errors.filter(d => d.run !== undefined) : (byFolder.get(run.path) ?? []);
        const own = candidates.filter(d => d.run === undefined || d.run === run.name || d.run === run.id || d.run === folder);
        return own.length ? { ...run, readErrors: [...(run.readErrors ?? []), ...own] } : run;
    });
}
/** The folder a runs path names as its root: the path itself, or a glob's fixed leading folders. */
function patternRoot(abs) {
    const { base, isGlob } = picomatch.scan(abs.split(path.sep).join('/'));
    return isGlob ? base || path.sep : abs;
}
/**
 * The places to read, each once: real paths, so a path given twice or through a link is read once; a folder inside
 * another one named is left out (its runs are found from the outer one). A file named inside a named folder stays,
 * so that it is read as named; the claims are deduplicated by path anyway.
 */
function outermost(paths) {
    const real = [...new Set(paths.map(realOf))].sort();
    const isFolder = (p) => {
        try {
            return statSync(p).isDirectory();
        }
        catch {
            return false;
        }
    };
    return real.filter(p => !isFolder(p) || !real.some(o => o !== p && p.startsWith(o.endsWith(path.sep) ? o : o + path.sep)));
}
async function isDirectory(p) {
    return (await stat(p).catch(() => undefined))?.isDirectory() ?? false;
}
/**
 * Expands paths and globs, absolute or relative to the workspace, into existing paths; a path that does not exist is
 * reported and added to `missing`. Globs are picomatch's (`*`, `**`, `?`, `[0-9]`, `{a,b}`, extglobs), matched
 * against absolute forward-slash paths with dot files included.
 */
async function expandPatterns(ctx, patterns, missing = []) {
    const out = [];
    const slashed = (p) => p.split(path.sep).join('/');
    for (const pattern of patterns) {
        const abs = path.resolve(ctx.workspace, pattern);
        const glob = slashed(abs);
        const { base, isGlob } = picomatch.scan(glob);
        if (!isGlob) {
            if (await lstat(abs).catch(() => undefined))
                out.push(abs);
            else {
                missing.push(pattern);
                ctx.error(pattern, `the runs path ${JSON.stringify(pattern)} (${abs}) does not exist; check the runs input`);
            }
            continue;
        }
        const matches = picomatch(glob, { dot: true });
        const found = [];
        await walkFolders(ctx, base || path.sep, listing => {
            for (const name of [...listing.files, ...listing.dirs]) {
                const full = path.join(listing.path, name);
                if (matches(slashed(full)))
                    found.push(full);
            }
        });
        if (!found.length)
            ctx.warn(pattern, `the runs glob ${JSON.stringify(pattern)} matched nothing`);
        // A match inside another match would be read twice: keep the outermost.
        found.sort();
        for (const m of found)
            if (!out.some(o => m.startsWith(o + path.sep)))
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

export { BUILTIN_FILES as B, DVC_YAML as D, ExactNumber as E, JsonSyntaxError as J, MAX_RUNS_ANY_COMMIT as M, SKIPPED_FOLDERS as S, TrackingUriError as T, isRecord as a, parseJsonLenient as b, collectRuns as c, plainJson as d, isGlob as e, experimentMatcher as f, buildMlflowRun as g, parseTrackingUri as h, isTrackingUri as i, readMlflowDatabase as j, readMlflowStore as k, nestedDvcliveYamls as n, picomatch as p, redactTrackingUri as r, unmatchedPatterns as u };
