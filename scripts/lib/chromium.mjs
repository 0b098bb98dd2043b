// The one way the project's Node scripts start a browser: Debian's chromium (CHROMIUM overrides
// the path) through playwright-core, which never downloads one. Callers pass playwright-core's
// `chromium`, so this module resolves nothing itself and can be imported from anywhere.
export const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

// Headless in a container, talking only to local servers: no sandbox or GPU, and nothing that
// goes online on its own (QUIC, first-run, background networking, component updates, sync).
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** `chromium.launch()` of playwright-core with the project's executable and arguments. */
export function launchChromium(chromium) {
  return chromium.launch({ executablePath, args: chromiumArgs });
}
