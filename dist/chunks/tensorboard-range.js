import { readSync } from 'node:fs';
import { P as ProtoReader, h as halfToNumber, m as maskedCrc32c, b as affirmedTfRecordsEnd, a as ProtoError } from './crc.js';
import { H as HistoryBuilder, s as stateBuffers, b as buildJoinedColumns, m as metricFromColumns } from './history.js';

/** How TensorBoard series are kept: sorted by step only (stable: a repeated step keeps the order written); the final
 * value is the last written point of the highest step. */
const SERIES_OPTIONS = { final: 'max-step', byTimestamp: false, repeats: 'keep' };
/**
 * Scalar series of one or more event files, by tag, kept in typed columns (no object per point until the end). A
 * tag's points may sit in consecutive segments: the series another thread read from a later part of a file is
 * appended whole, and points added after it start a new segment.
 */
class ScalarSeries {
    /** Each tag's segments, in the order the tags first came. */
    segments = new Map();
    /** The segment each tag's next point goes to (none after a series was appended, until its next point). */
    open = new Map();
    /** Counts of what was skipped, by kind. */
    skipped = { nonScalar: 0, hparams: 0, placeholder: 0 };
    /** Adds one point of a tag (`wallTime` in seconds). */
    add(tag, step, wallTime, value) {
        let c = this.open.get(tag);
        if (!c) {
            this.open.set(tag, (c = new HistoryBuilder(SERIES_OPTIONS)));
            const earlier = this.segments.get(tag);
            if (earlier)
                earlier.push(c);
            else
                this.segments.set(tag, [c]);
        }
        c.add(step, value, Math.round(wallTime * 1000));
    }
    /** Number of points over all tags. */
    get points() {
        let n = 0;
        for (const parts of this.segments.values())
            for (const c of parts)
                n += c.length;
        return n;
    }
    /** This series for another thread, and the buffers to transfer with it (the series is spent afterwards). */
    state() {
        const tags = [];
        const transfer = [];
        for (const [tag, parts] of this.segments) {
            const states = parts.map(c => c.state());
            for (const st of states)
                transfer.push(...stateBuffers(st));
            tags.push([tag, states]);
        }
        return { state: { tags, skipped: { ...this.skipped } }, transfer };
    }
    /** Appends a series read from the part of a file after everything added so far (as if its points were added). */
    append(other) {
        for (const [tag, states] of other.tags) {
            const parts = states.map(st => HistoryBuilder.revive(st));
            this.open.delete(tag);
            const earlier = this.segments.get(tag);
            if (earlier)
                earlier.push(...parts);
            else
                this.segments.set(tag, parts);
        }
        this.skipped.nonScalar += other.skipped.nonScalar;
        this.skipped.hparams += other.skipped.hparams;
        this.skipped.placeholder += other.skipped.placeholder;
    }
    /** Each tag's metric: the final value from the full series, the history sorted by step and thinned. */
    metrics() {
        const out = new Map();
        for (const [tag, parts] of this.segments) {
            const built = buildJoinedColumns(parts);
            if (built)
                out.set(tag, metricFromColumns(built));
        }
        return out;
    }
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
/** SummaryMetadata of the scalars plugin: plugin_data (1) holding plugin_name "scalars" (1) and maybe content (2). */
const SCALARS_METADATA = Buffer.from([0x0a, 0x07, ...SCALARS]);
/**
 * Where the body of the tensor field (8) starts when buf[at, end) is exactly an optional scalars-plugin metadata
 * field (9; any content under 128 bytes) then that tensor field running to `end`, each length under 128; else -1.
 */
function tensorAfterMetadata(buf, at, end) {
    if (buf[at] === 0x4a) {
        const inner = at + 4; // past 4a LEN 0a LEN
        const metadataEnd = at + 2 + buf[at + 1];
        if (buf[at + 1] >= 0x80 || buf[at + 2] !== 0x0a || buf[at + 3] !== buf[at + 1] - 2)
            return -1;
        if (!sameBytes(buf, inner, inner + SCALARS_METADATA.length, SCALARS_METADATA))
            return -1;
        const content = inner + SCALARS_METADATA.length;
        if (content !== metadataEnd) {
            if (buf[content] !== 0x12 || buf[content + 1] >= 0x80 || content + 2 + buf[content + 1] !== metadataEnd)
                return -1;
        }
        at = metadataEnd;
    }
    if (buf[at] !== 0x42 || buf[at + 1] >= 0x80 || at + 2 + buf[at + 1] !== end)
        return -1;
    return at + 2;
}
/** Distinct tags remembered by one decoder (a file with more, e.g. a tag per image, decodes them anew each time). */
const MAX_INTERNED_TAGS = 100_000;
const DT_FLOAT = 1;
const DT_DOUBLE = 2;
const DT_BFLOAT16 = 14;
const DT_HALF = 19;
/**
 * Decodes Event protobufs with reused readers: wall_time 1, step 2, summary 5 → Value (tag 1, simple_value 2,
 * tensor 8, metadata 9). An Event adds its scalars and skip counts to the series only once all of it decoded: a record
 * reported as skipped adds nothing.
 */
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
    /** The tag read last: writers log the same tags in the same order, so its successor is tried first. */
    lastTag;
    /** The scalars of the Event being decoded (tags and values; `pending` of them), and what it skipped. */
    pendingTags = [];
    pendingValues = [];
    pending = 0;
    pendingSkips = { nonScalar: 0, hparams: 0, placeholder: 0 };
    constructor(series) {
        this.series = series;
    }
    /** The tag at buf[start, end): the one that followed the last tag before, or from the cache by its bytes. */
    internTag(buf, start, end) {
        const guess = this.lastTag?.next;
        if (guess && sameBytes(buf, start, end, guess.bytes))
            return (this.lastTag = guess);
        let h = 0x811c9dc5 ^ (end - start);
        for (let i = start; i < end; i++)
            h = Math.imul(h ^ buf[i], 0x01000193);
        const hit = this.tags.get(h);
        let found;
        let kept = true;
        if (hit && sameBytes(buf, start, end, hit.bytes))
            found = hit;
        else {
            const tag = buf.toString('utf8', start, end);
            found = { bytes: Buffer.from(buf.subarray(start, end)), tag, hparams: tag.startsWith('_hparams_/') };
            kept = !hit && this.tags.size < MAX_INTERNED_TAGS;
            if (kept)
                this.tags.set(h, found);
        }
        // Only a kept tag is linked: a chain of tags that are not kept would hold every one of them.
        if (this.lastTag && kept)
            this.lastTag.next = found;
        return (this.lastTag = found);
    }
    /** A DataView of the last buffer decoded (the reader's chunks come in one reused buffer). */
    viewOf;
    view = new DataView(new ArrayBuffer(8));
    /** The DataView over `buf`, offsets as in `buf`: floats read through it, not through Buffer's checked readers. */
    dataView(buf) {
        if (buf !== this.viewOf) {
            this.viewOf = buf;
            this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
        }
        return this.view;
    }
    /** Decodes one Event into the series. */
    decode(buf, start, end) {
        if (!this.commonEvent(buf, start, end))
            this.anyEvent(buf, start, end);
    }
    /**
     * The common Event, taken from its bytes: wall_time (1), a step (2) under 2^28, then the summary (5) running to the
     * end, in that order. False, having read nothing, for any other shape (anyEvent reads it then, to the same result).
     */
    commonEvent(buf, start, end) {
        if (buf[start] !== 0x09 || buf[start + 9] !== 0x10)
            return false;
        let at = start + 10;
        let step = 0;
        for (let shift = 0;; shift += 7) {
            if (shift === 28 || at >= end)
                return false;
            const b = buf[at++];
            step += (b & 0x7f) << shift;
            if (b < 0x80)
                break;
        }
        if (buf[at++] !== 0x2a)
            return false;
        let length = 0;
        for (let shift = 0;; shift += 7) {
            if (shift === 28 || at >= end)
                return false;
            const b = buf[at++];
            length += (b & 0x7f) << shift;
            if (b < 0x80)
                break;
        }
        if (at + length !== end)
            return false;
        this.summaryValues(buf, at, end, step, this.dataView(buf).getFloat64(start + 1, true));
        return true;
    }
    /** An Event of any shape: wall_time 1, step 2, summary 5; other fields skipped. */
    anyEvent(buf, start, end) {
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
        if (summaryStart >= 0)
            this.summaryValues(buf, summaryStart, summaryEnd, step, wallTime);
    }
    /** The Values (field 1) of the Summary in buf[start, end), added once the whole Summary decoded. */
    summaryValues(buf, start, end, step, wallTime) {
        this.pending = 0;
        const skips = this.pendingSkips;
        skips.nonScalar = skips.hparams = skips.placeholder = 0;
        const s = this.summary.reset(buf, start, end);
        while (s.next()) {
            if (s.field === 1 && s.wire === 2) {
                const vEnd = s.bytes();
                if (!this.fastValue(buf, s.start, vEnd))
                    this.decodeValue(buf, s.start, vEnd);
            }
            else
                s.skip();
        }
        const { series } = this;
        for (let i = 0; i < this.pending; i++)
            series.add(this.pendingTags[i], step, wallTime, this.pendingValues[i]);
        series.skipped.nonScalar += skips.nonScalar;
        series.skipped.hparams += skips.hparams;
        series.skipped.placeholder += skips.placeholder;
    }
    /**
     * The common Values, taken without the general decoder: a tag (field 1, under 128 bytes) then either TF1's
     * simple_value (field 2) and nothing else, or TF2's scalar: the scalars plugin's metadata (field 9, optional) and a
     * DT_FLOAT or DT_DOUBLE tensor (field 8) of an empty shape holding one value in tensor_content or a packed
     * float_val/double_val. False, having read nothing, when the Value has any other shape (decodeValue reads it then,
     * to the same result for these shapes).
     */
    fastValue(buf, start, end) {
        if (buf[start] !== 0x0a || buf[start + 1] >= 0x80)
            return false;
        const tagEnd = start + 2 + buf[start + 1];
        let value;
        if (tagEnd + 5 === end && buf[tagEnd] === 0x15)
            value = this.dataView(buf).getFloat32(tagEnd + 1, true);
        else {
            const tensor = tensorAfterMetadata(buf, tagEnd, end);
            if (tensor < 0)
                return false;
            const scalar = this.tensorScalar(buf, tensor, end);
            if (scalar === undefined)
                return false;
            value = scalar;
        }
        const tag = this.internTag(buf, start + 2, tagEnd);
        if (tag.hparams)
            this.pendingSkips.hparams++;
        else
            this.addScalar(tag.tag, value);
        return true;
    }
    /**
     * The value of the tensor whose body is buf[at, end): `08 dtype 12 00` (DT_FLOAT or DT_DOUBLE, empty shape) then
     * one field holding 4 or 8 bytes to the end: tensor_content (4), float_val (5) or double_val (6), packed.
     */
    tensorScalar(buf, at, end) {
        if (buf[at] !== 0x08 || buf[at + 2] !== 0x12 || buf[at + 3] !== 0x00)
            return undefined;
        const dtype = buf[at + 1];
        const field = buf[at + 4];
        const size = buf[at + 5];
        if (at + 6 + size !== end)
            return undefined;
        if (dtype === DT_FLOAT && size === 4 && (field === 0x22 || field === 0x2a))
            return this.dataView(buf).getFloat32(at + 6, true);
        if (dtype === DT_DOUBLE && size === 8 && (field === 0x22 || field === 0x32))
            return this.dataView(buf).getFloat64(at + 6, true);
        return undefined;
    }
    /** Keeps a scalar of the Event being decoded, except Lightning's placeholder. */
    addScalar(tag, value) {
        // PyTorch Lightning logs hp_metric = -1 as a placeholder when it records hyperparameters.
        if (tag === 'hp_metric' && value === -1)
            this.pendingSkips.placeholder++;
        else {
            this.pendingTags[this.pending] = tag;
            this.pendingValues[this.pending++] = value;
        }
    }
    /** Any Value: a scalar from simple_value or a one-element float tensor of the scalars plugin; others counted. */
    decodeValue(buf, start, end) {
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
                tag = this.internTag(buf, v.start, tEnd).tag;
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
            this.pendingSkips.hparams++;
            return;
        }
        let value;
        if (simple !== undefined)
            value = simple;
        else if (tensorStart >= 0 && (plugin === 'scalars' || plugin === ''))
            value = this.scalarTensor(buf, tensorStart, tensorEnd);
        if (value === undefined || other) {
            this.pendingSkips.nonScalar++;
            return;
        }
        this.addScalar(tag, value);
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

// TFRecord framing, as TensorBoard event files use it: each record is its length (8 bytes), the masked CRC-32C of
// the length (4), the data, and the masked CRC-32C of the data (4). Scanned over chunks of one reused buffer, both
// checksums checked; a large file may be scanned in two parts at once, split at a record found by its checksums.
/** What a Git LFS pointer file starts with. */
const LFS_POINTER = 'version https://git-lfs.github.com/spec/';
/** The largest single record accepted (a bigger one means a corrupt length or a file that is not event data). */
const MAX_RECORD = 256 * 1024 * 1024;
/**
 * Scans TFRecord framing over a stream of chunks, checking both masked CRC-32Cs, and calls `onRecord` with
 * the buffer and the record's [start, end) (valid only during the call). Stops at the first corrupt byte.
 * A chunk may be overwritten once the next one is asked for (ReadContext.readChunks): the bytes of a record split
 * across chunks are copied.
 * Longer than 80 lines on purpose: the framing state (the bytes carried over from one chunk to the next, the file
 * offset) is shared by its two parts, parse and recordBytes, which run once per record of a file of any size.
 */
// eslint-disable-next-line max-lines-per-function -- the framing state is shared by its per-record parts (see above)
async function scanTfRecords(chunks, onRecord, options = {}) {
    const result = { records: 0, bytes: 0 };
    let rest;
    let base = options.offset ?? 0; // file offset of rest[0]
    let stopAt = options.stopAt;
    // A Git LFS pointer is recognised at the start of a file only.
    let first = base === 0;
    /**
     * Parses the whole records in `buf`; keeps the incomplete tail in `rest` (a copy unless `owned`: `buf` was made
     * here, not handed in as a chunk). False when the file is corrupt or the scan stopped where it was asked to.
     */
    const parse = (buf, owned) => {
        let pos = 0;
        const n = buf.length;
        // Records before `affirmed` passed both CRC checks in the WebAssembly kernel; from there on, each record is
        // checked here until the kernel affirms more, so every error below reads as it always did.
        let affirmed = 0;
        while (pos + 12 <= n) {
            if (stopAt !== undefined && base + pos >= stopAt) {
                if (base + pos === stopAt) {
                    result.stoppedAt = stopAt;
                    return false;
                }
                stopAt = undefined;
            }
            if (pos >= affirmed)
                affirmed = affirmedTfRecordsEnd(buf, pos, n, MAX_RECORD);
            const checked = pos < affirmed;
            if (!checked && maskedCrc32c(buf, pos, pos + 8) !== buf.readUInt32LE(pos + 8)) {
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
            if (!checked && maskedCrc32c(buf, pos + 12, pos + 12 + len) !== buf.readUInt32LE(end - 4)) {
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
        rest = pos >= n ? undefined : owned ? buf.subarray(pos) : Buffer.from(buf.subarray(pos));
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
                rest = buf === chunk ? Buffer.from(buf) : buf;
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
            if (!parse(joined, true))
                return result;
            if (take === 0)
                break;
        }
        if (buf.length && !parse(buf, false))
            return result;
    }
    if (first && rest) {
        const buf = rest;
        rest = undefined;
        if (!parse(buf, true))
            return result;
    }
    if (rest)
        result.truncatedAt = base;
    return result;
}
/**
 * The offset in buf[from, end) of the first byte where a record starts beyond doubt: its length and data pass both
 * CRC-32C checks and so does the length of the record after it; -1 when there is none whose two headers and data
 * lie within the bytes given. A match inside a record's data by chance would take three checksums matching.
 */
function findRecordStart(buf, from, end) {
    const headerOk = (at) => at + 12 <= end &&
        maskedCrc32c(buf, at, at + 8) === buf.readUInt32LE(at + 8) &&
        buf.readUInt32LE(at + 4) === 0;
    for (let at = from; at + 12 <= end; at++) {
        if (!headerOk(at))
            continue;
        const len = buf.readUInt32LE(at);
        const next = at + 12 + len + 4;
        if (len > MAX_RECORD || next + 12 > end)
            continue;
        if (maskedCrc32c(buf, at + 12, at + 12 + len) === buf.readUInt32LE(next - 4) && headerOk(next))
            return at;
    }
    return -1;
}

// Decoding the records of an event file, or of the part of it from a record on: the main thread reads a file this
// way, and a read worker (metric-worker.ts) reads the second part of a large file at the same time. What the worker
// found wrong comes back as data, for the main thread to report as it would have reported it.
/** Event files are read in 1 MiB chunks: fewer chunks, fewer records split across two. */
const EVENT_CHUNK = 1024 * 1024;
/** At most this many records that are not valid Events are reported per file. */
const MAX_BAD_EVENTS_SHOWN = 5;
/**
 * Scans TFRecords over `chunks` and decodes each into `series`; `onBadEvent` hears of each record that is not a valid
 * Event (it is skipped). Any other failure (a read error) is thrown.
 */
function decodeEventRecords(chunks, series, onBadEvent, options) {
    const decoder = new EventDecoder(series);
    return scanTfRecords(chunks, (buf, start, end, offset) => {
        try {
            decoder.decode(buf, start, end);
        }
        catch (e) {
            if (!(e instanceof ProtoError))
                throw e;
            onBadEvent({ offset, message: e.message });
        }
    }, options);
}
/** The bytes of the open file `fd` from `start` to its end, read at offsets into one reused buffer. */
async function* positionedChunks(fd, start) {
    const buf = Buffer.allocUnsafe(EVENT_CHUNK);
    for (let position = start;;) {
        const n = readSync(fd, buf, 0, buf.length, position);
        if (n === 0)
            return;
        position += n;
        yield n === buf.length ? buf : buf.subarray(0, n);
    }
}
/** Decodes the open file `fd` from the record at byte `start` on (a worker's task); the buffers to transfer too. */
async function decodeEventRange(fd, start) {
    const series = new ScalarSeries();
    const badEvents = [];
    const scan = await decodeEventRecords(positionedChunks(fd, start), series, bad => {
        if (badEvents.length < MAX_BAD_EVENTS_SHOWN)
            badEvents.push(bad);
    }, { offset: start });
    const { state, transfer } = series.state();
    return { result: { scan, badEvents, series: state }, transfer };
}

export { EVENT_CHUNK as E, MAX_BAD_EVENTS_SHOWN as M, ScalarSeries as S, decodeEventRecords as a, decodeEventRange as d, findRecordStart as f };
