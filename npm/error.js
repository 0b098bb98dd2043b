// The error every failed call rejects with. The wasm creates it (imported as `./error.js` from
// client.js) and the entry points re-export this same module, so `instanceof FlinkError` holds.
export class FlinkError extends Error {
  constructor(message, details = {}) {
    super(message);
    this.name = 'FlinkError';
    this.kind = details.kind ?? 'network';
    this.status = details.status ?? null;
    this.messages = details.messages ?? [];
    this.isNotFound = details.isNotFound ?? false;
    this.flinkMessage = details.flinkMessage ?? null;
  }
}
