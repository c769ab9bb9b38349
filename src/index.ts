// The action entry (bundled as dist/index.js).
import { run } from './main.js'

await run()
