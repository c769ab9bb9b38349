// Types of scripts/make-crc-wasm.mjs for the test that imports it.

/** The TypeScript module holding the WebAssembly bytes, as the script writes it. */
export declare function crcWasmSource(): string
