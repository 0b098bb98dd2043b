// webpack 5's production build of app.js; the page that loads it is written next to the bundle
// by the test. No imports, as for vite.config.mjs.
export default {
  mode: 'production',
  context: import.meta.dirname,
  entry: './app.js',
  target: ['web', 'es2022'],
  output: { path: process.env.BUNDLE_OUT, filename: 'main.[contenthash].js', clean: true },
  stats: 'errors-warnings',
  performance: { hints: false },
};
