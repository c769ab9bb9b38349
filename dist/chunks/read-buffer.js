import { readSync } from 'node:fs';

// One reused buffer for reading small files whole once they are open: no buffer (and no ArrayBuffer for the
// garbage collector) per file, and no second fstat as readFileSync(fd) makes. Used by the read context for text
// and by the read workers for metric files.
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
        if (this.buffer.length < size)
            this.buffer = Buffer.allocUnsafe(Math.max(size, this.buffer.length * 2));
        const limit = size > 0 ? size : Infinity;
        let length = 0;
        while (length < limit) {
            if (length === this.buffer.length) {
                const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
                this.buffer.copy(bigger, 0, 0, length);
                this.buffer = bigger;
            }
            const n = readSync(fd, this.buffer, length, Math.min(limit, this.buffer.length) - length, null);
            if (n === 0)
                break;
            length += n;
        }
        return this.buffer.subarray(0, length);
    }
}

export { ReadBuffer as R };
