// Vite's production build of app.js (index.html is the entry). No imports: the config is read
// from this scratch project, where only the package is installed.
export default {
  root: import.meta.dirname,
  logLevel: 'warn',
  build: {
    outDir: process.env.BUNDLE_OUT,
    emptyOutDir: true,
    // The package's browser entry awaits the wasm at the top level.
    target: 'es2022',
  },
};
