// Node entry: reads the wasm next to this file synchronously, so `import` needs no await.
import { readFileSync } from 'node:fs';
import { initSync } from './client.js';

initSync({ module: readFileSync(new URL('./client_bg.wasm', import.meta.url)) });

export { FlinkClient } from './client.js';
export { FlinkError } from './error.js';
