// Writes schema/experiment-review.schema.json from the rules file's zod schema (run: npm run schema).
import { writeFile } from 'node:fs/promises'
import { rulesJsonSchema } from '../src/config/rules-file.js'

await writeFile('schema/experiment-review.schema.json', `${JSON.stringify(rulesJsonSchema(), null, 2)}\n`)
console.log('wrote schema/experiment-review.schema.json')
