// Browser and bundler entry: fetches the wasm next to this file (bundlers see the `new URL`
// and emit it as an asset) before the module finishes loading.
import init from './client.js';

await init({ module_or_path: new URL('./client_bg.wasm', import.meta.url) });

export { FlinkClient } from './client.js';
export { FlinkError } from './error.js';
