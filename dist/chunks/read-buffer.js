import { readSync } from 'node:fs';

// One reused buffer for reading small files whole once they are open: no buffer (and no ArrayBuffer for the
// garbage collector) per file, and no second fstat as readFileSync(fd) makes. Used by the read context for text
// and by the read workers for metric files.
/** The largest buffer kept for reuse: a larger file is read into a buffer that goes with its bytes. */
const KEPT_BYTES = 4 << 20;
/** A reused read buffer; what `read` returns is valid until the next read. */
class ReadBuffer {
    buffer;
    constructor(initialBytes = 1 << 16) {
        this.buffer = Buffer.allocUnsafe(initialBytes);
    }
    /**
     * The bytes of the open regular file `fd`, whose size fstat gave as `size`: read up to that size as
     * readFileSync reads a regular file (a file that shrank gives fewer bytes); a size of 0 reads on to the end.
     */
    read(fd, size) {
        let buffer = this.buffer;
        if (buffer.length < size)
            buffer = Buffer.allocUnsafe(size > KEPT_BYTES ? size : Math.max(size, Math.min(buffer.length * 2, KEPT_BYTES)));
        const limit = size > 0 ? size : Infinity;
        let length = 0;
        while (length < limit) {
            if (length === buffer.length) {
                const bigger = Buffer.allocUnsafe(buffer.length * 2);
                buffer.copy(bigger, 0, 0, length);
                buffer = bigger;
            }
            const n = readSync(fd, buffer, length, Math.min(limit, buffer.length) - length, null);
            if (n === 0)
                break;
            length += n;
        }
        if (buffer.length <= KEPT_BYTES)
            this.buffer = buffer;
        return buffer.subarray(0, length);
    }
}

export { ReadBuffer as R };
