import { statSync, realpathSync, lstatSync, openSync, constants, fstatSync, closeSync, readFileSync, createReadStream, readdirSync } from 'node:fs';
import { open, lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import { s as selectAll, F as experimentOf, G as isSelective } from './findings.js';
import { R as ReadBuffer } from './read-buffer.js';
import { fileURLToPath } from 'node:url';

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
/**
 * A folder's entries as the readers see them, each sorted: files (regular files and symbolic links to one) and
 * sub-folders (never a symbolic link to a folder). `dir` is the folder's absolute path.
 */
function filesAndFolders(dir, entries) {
    const files = [];
    const dirs = [];
    for (const entry of entries) {
        if (entry.isDirectory())
            dirs.push(entry.name);
        else if (entry.isFile() || (entry.isSymbolicLink() && linksToFile(path.join(dir, entry.name))))
            files.push(entry.name);
    }
    return { files: files.sort(), dirs: dirs.sort() };
}
/** Whether a symbolic link leads to a regular file. */
function linksToFile(link) {
    try {
        return statSync(link).isFile();
    }
    catch {
        return false;
    }
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
            fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW);
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
            chunks: (start, chunkSize) => chunksFrom(handle, start, Math.max(1, Math.min(chunkSize, admitted.size || 1))),
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
        const abs = this.resolve(dir);
        try {
            return filesAndFolders(abs, readdirSync(abs, { withFileTypes: true }));
        }
        catch (e) {
            this.add('error', dir, `cannot list the folder: ${errorCode(e)}`);
            return { files: [], dirs: [] };
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

/** The matcher of a selection that names no pattern: every value matches. */
const everyValue = () => () => true;
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
function selectRuns(runs, selection, patternsMatcher, storeLeftOut = new Map()) {
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

// Which places each run format claims, decided from a folder listing alone. Kept apart from the readers so that
// finding runs loads no reader: registry.ts loads a format's reader only when a place of that format is read.
/** The files of one built-in run. */
const BUILTIN_FILES = {
    params: 'params.json',
    metrics: 'metrics.json',
    metadata: 'metadata.yaml'
};
/** Any of the built-in run files, which make a folder in `experiments/` a run. */
const BUILTIN_RUN_FILES = Object.values(BUILTIN_FILES);
/** The built-in format: an `experiments` folder (not git's own), or one run folder inside it. */
function claimBuiltin(listing) {
    if (listing.name === 'experiments' &&
        listing.dirs.length > 0 &&
        path.basename(path.dirname(listing.path)) !== '.git') {
        return [{ path: listing.path, exclusive: true }];
    }
    if (path.basename(path.dirname(listing.path)) === 'experiments' &&
        listing.files.some(f => BUILTIN_RUN_FILES.includes(f))) {
        return [{ path: listing.path, exclusive: true }];
    }
    return [];
}
/** A W&B run folder name: `run-<date>_<time>-<id>` or `offline-run-…`. */
const WANDB_RUN_DIR = /^(?:offline-)?run-.*?([A-Za-z0-9]+)$/;
/** Files that mark a folder as a W&B run (besides the `files/` folder of current versions). */
const WANDB_RUN_MARKERS = ['wandb-summary.json', 'wandb-metadata.json', 'wandb-history.jsonl'];
/** True for a W&B binary run log, `run-<id>.wandb`. */
const isWandbRunLog = (f) => f.endsWith('.wandb');
/** W&B: a `wandb` folder holding run folders, or one run folder. */
function claimWandb(listing) {
    if (listing.name === 'wandb' && listing.dirs.some(d => WANDB_RUN_DIR.test(d)))
        return [{ path: listing.path, exclusive: true }];
    if (WANDB_RUN_DIR.test(listing.name) &&
        (listing.files.some(f => isWandbRunLog(f) || WANDB_RUN_MARKERS.includes(f)) ||
            listing.dirs.includes('files'))) {
        return [{ path: listing.path, exclusive: true }];
    }
    return [];
}
/** The name every TensorBoard event file starts with. */
const TENSORBOARD_EVENT_PREFIX = 'events.out.tfevents.';
/** TensorBoard: every folder holding event files (not exclusive: sub-folders may be other runs). */
function claimTensorBoard(listing) {
    return listing.files.some(f => f.startsWith(TENSORBOARD_EVENT_PREFIX)) ? [{ path: listing.path }] : [];
}
/** The pipeline file that makes a folder a DVC project. */
const DVC_YAML = 'dvc.yaml';
/** DVC: a folder with a dvc.yaml, or a standalone dvclive folder (metrics.json and a plots folder). */
function claimDvc(listing) {
    if (listing.files.includes(DVC_YAML))
        return [{ path: listing.path }];
    // A standalone dvclive folder: metrics.json and a plots folder (not a built-in experiments/<run>).
    if (listing.files.includes('metrics.json') &&
        listing.dirs.includes('plots') &&
        path.basename(path.dirname(listing.path)) !== 'experiments') {
        return [{ path: listing.path }];
    }
    return [];
}
/** The file the Hugging Face Trainer saves its state and log history to. */
const TRAINER_STATE = 'trainer_state.json';
/** A Trainer checkpoint folder, `checkpoint-<step>`. */
const TRAINER_CHECKPOINT = /^checkpoint-(\d+)$/;
/** Hugging Face: a Trainer output folder (its state, its result files or checkpoint folders). */
function claimHuggingFace(listing) {
    const hasState = listing.files.includes(TRAINER_STATE);
    const hasResults = listing.files.includes('all_results.json') || listing.files.includes('eval_results.json');
    const hasCheckpoints = listing.dirs.some(d => TRAINER_CHECKPOINT.test(d));
    return hasState || hasResults || hasCheckpoints ? [{ path: listing.path, exclusive: true }] : [];
}
/** The file name Lightning's CSVLogger writes its metrics to. */
const LIGHTNING_METRICS_FILE = 'metrics.csv';
/** CSV files claimed during auto-detection by their name alone (the header decides when they are read). */
const CSV_LOG_NAME = /(?:^|[_.-])(?:log|logs|history|metrics|training)(?:[_.-]|$)/i;
/** CSV logs: Lightning's metrics.csv, CSV files named like a log, and any CSV or training.log named explicitly. */
function claimCsv(listing) {
    const claims = [];
    // A listing of exactly one file and no folders is what the detector makes for an explicit `runs` file.
    const explicit = listing.files.length === 1 && listing.dirs.length === 0;
    for (const file of listing.files) {
        const lower = file.toLowerCase();
        if (lower === LIGHTNING_METRICS_FILE)
            claims.push({ path: path.join(listing.path, file) });
        else if (lower.endsWith('.csv') && (explicit || CSV_LOG_NAME.test(lower.slice(0, -4)))) {
            claims.push({ path: path.join(listing.path, file), ...(explicit ? {} : { byNameOnly: true }) });
        }
        else if (lower === 'training.log' && explicit)
            claims.push({ path: path.join(listing.path, file) });
    }
    return claims;
}
/** MLflow run ids: 32 hex digits (uuid4 without dashes). */
const MLFLOW_RUN_ID = /^[0-9a-f]{32}$/i;
/** The MLflow file store: a folder named `mlruns`, or an experiment or run folder with its meta.yaml. */
function claimMlflow(listing) {
    if (insideMlflowTrash(listing.path))
        return [];
    if (listing.name === 'mlruns')
        return [{ path: listing.path, exclusive: true }];
    if (!listing.files.includes('meta.yaml'))
        return [];
    if (looksLikeExperiment(listing) || looksLikeRun(listing))
        return [{ path: listing.path, exclusive: true }];
    return [];
}
/** True for a folder that holds meta.yaml and run folders (32-hex names). */
function looksLikeExperiment(listing) {
    return listing.dirs.some(d => MLFLOW_RUN_ID.test(d));
}
/** True for a run folder: meta.yaml beside metrics/params/tags folders. */
function looksLikeRun(listing) {
    return ['metrics', 'params', 'tags'].filter(d => listing.dirs.includes(d)).length >= 2;
}
/** True for a path inside MLflow's `.trash` (deleted experiments and runs). */
function insideMlflowTrash(p) {
    return p.split(/[\\/]/).includes('.trash');
}
/** The MLflow SQLite store: every *.db file (one that is not MLflow's is skipped quietly when read). */
function claimMlflowSqlite(listing) {
    return listing.files.filter(f => /\.db$/i.test(f)).map(f => ({ path: path.join(listing.path, f) }));
}

// Every run format the detector knows, in the order they are asked. A format's claim (claims.ts) is asked of every
// folder; its reader is imported only when a place of that format is read, so that a command loads the readers of
// the formats it finds and no others.
/** A format whose reader module is imported on its first read. */
function lazySource(format, claim, reader) {
    return { format, claim, read: async (claimPath, ctx, c) => (await reader()).read(claimPath, ctx, c) };
}
/** All formats, asked in this order for each directory. */
const ALL_SOURCES = [
    lazySource('builtin', claimBuiltin, async () => (await import('./builtin.js')).builtinSource),
    lazySource('wandb', claimWandb, async () => (await import('./wandb.js')).wandbSource),
    lazySource('tensorboard', claimTensorBoard, async () => (await import('./tensorboard.js')).tensorboardSource),
    lazySource('dvc', claimDvc, async () => (await import('./dvc.js')).dvcSource),
    lazySource('huggingface', claimHuggingFace, async () => (await import('./huggingface.js')).huggingfaceSource),
    lazySource('csv', claimCsv, async () => (await import('./csv.js')).csvSource),
    lazySource('mlflow', claimMlflow, async () => (await import('./mlflow.js')).mlflowSource),
    lazySource('mlflow-sqlite', claimMlflowSqlite, async () => (await import('./mlflow-sqlite.js')).mlflowSqliteSource)
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
        roots: await Promise.all(patterns.map(p => patternRoot(path.resolve(options.workspace, p))))
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
    // Globs (picomatch) are loaded only for a selection that names experiments, tags or groups.
    const matcher = isSelective(ctx.selection)
        ? (await import('./experiment-match.js')).patternsMatcher
        : everyValue;
    const selected = selectRuns(qualifyClashingNames(dedupeIds(runs)), ctx.selection, matcher, ctx.unselected);
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
async function patternRoot(abs) {
    const glob = await globOf(abs.split(path.sep).join('/'));
    return glob ? glob.base || path.sep : abs;
}
/** Characters without which picomatch sees no glob: `*`, `?`, `[…]`, `{a,b}`, `(…)` and extglobs each need one. */
const GLOB_SYNTAX = /[*?[{(]/;
/**
 * A runs path as picomatch reads it: undefined when it is a plain path, else its fixed leading folders and a matcher
 * for absolute forward-slash paths (dot files included). picomatch is loaded only for a path that could be a glob.
 */
async function globOf(pattern) {
    if (!GLOB_SYNTAX.test(pattern))
        return undefined;
    const { default: picomatch } = await import('./index3.js').then(function (n) { return n.i; });
    const { base, isGlob } = picomatch.scan(pattern);
    return isGlob ? { base, matcher: () => picomatch(pattern, { dot: true }) } : undefined;
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
        const glob = await globOf(slashed(abs));
        if (!glob) {
            if (await lstat(abs).catch(() => undefined))
                out.push(abs);
            else {
                missing.push(pattern);
                ctx.error(pattern, `the runs path ${JSON.stringify(pattern)} (${abs}) does not exist; check the runs input`);
            }
            continue;
        }
        const matches = glob.matcher();
        const found = [];
        await walkFolders(ctx, glob.base || path.sep, listing => {
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

export { BUILTIN_FILES as B, DVC_YAML as D, ExactNumber as E, JsonSyntaxError as J, LIGHTNING_METRICS_FILE as L, SKIPPED_FOLDERS as S, TrackingUriError as T, WANDB_RUN_DIR as W, plainJson as a, parseTrackingUri as b, collectRuns as c, claimBuiltin as d, BUILTIN_RUN_FILES as e, filesAndFolders as f, claimWandb as g, isWandbRunLog as h, isTrackingUri as i, claimTensorBoard as j, TENSORBOARD_EVENT_PREFIX as k, claimDvc as l, loadYaml as m, numberFromJson as n, claimMlflowSqlite as o, parseJsonLenient as p, insideMlflowTrash as q, redactTrackingUri as r, claimMlflow as s, claimCsv as t, claimHuggingFace as u, TRAINER_CHECKPOINT as v, TRAINER_STATE as w };
