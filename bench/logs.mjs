// The log viewers of both UIs on a generated JobManager log of BENCH_LOG_MB MB (100 by default;
// bench/big-cluster.mjs writes it in Flink's log4j layout), each in a browser context of its
// own. Flink serves a log whole, with no Range, so both read all of it:
// - the console's viewer reads it as it arrives and shows the end once the first pieces are in;
//   measured: first lines visible, the whole file read, a search for a word on line 1,000 until
//   that line is shown, and JS heap + wasm memory after a forced GC (bench/big.mjs's probe);
// - Flink's UI (`#/job-manager/logs`, `/jobmanager/log` into its Monaco editor) shows it once
//   it has all of it: first lines visible and memory, within BENCH_LOG_CAP_S (120 s).
import { openPage } from './big.mjs';
import { LOG_NEEDLE } from './big-cluster.mjs';

const mb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;

async function consoleLog(browser, consoleUrl, capMs) {
  const started = Date.now();
  const p = await openPage(browser, { url: `${consoleUrl}/jobmanager/logs`, main: /\/jobmanager\/logs\/jobmanager\.log$/ });
  const { page } = p;
  try {
    await page.getByRole('region', { name: 'Lines of jobmanager.log' }).locator('li').first().waitFor({ timeout: capMs });
    const firstLines = Date.now() - started;
    const status = page.locator('.log-viewer [role=status]');
    await status.filter({ hasText: /^[\d.]+ [KMG]?B, lines \d+–\d+ of \d+$/ }).waitFor({ timeout: capMs });
    const whole = Date.now() - started;
    const lines = Number((await status.innerText()).match(/of (\d+)$/)?.[1] ?? 0);
    const searchStart = Date.now();
    await page.getByLabel('Search the log').fill(LOG_NEEDLE);
    await page.getByRole('button', { name: 'Next match' }).click();
    await page.locator('.log-lines li.current').filter({ hasText: LOG_NEEDLE }).waitFor({ timeout: capMs });
    const search = Date.now() - searchStart;
    const { heap, wasm } = await p.memory();
    return { firstLines: `${firstLines} ms`, whole: `${whole} ms (${lines.toLocaleString('en')} lines)`, search: `${search} ms`, heap: mb(heap), wasm: mb(wasm) };
  } finally {
    await p.close();
  }
}

async function flinkLog(browser, flinkUrl, bigUrl, capMs) {
  const started = Date.now();
  const p = await openPage(browser, { url: `${flinkUrl}/#/job-manager/logs`, main: /\/jobmanager\/log$/, flinkUrl, bigUrl });
  try {
    await p.page.locator('.monaco-editor .view-line').filter({ hasText: 'CheckpointCoordinator' }).first().waitFor({ timeout: capMs });
    const firstLines = Date.now() - started;
    const { heap } = await p.memory();
    return { firstLines: `${firstLines} ms`, whole: `${firstLines} ms (shown only once whole)`, search: 'its editor\'s find box (not timed)', heap: mb(heap), wasm: 'no wasm' };
  } catch (e) {
    const not = `not within ${capMs / 1000} s`;
    return { firstLines: not, whole: not, search: '–', heap: '–', wasm: '–', error: e.message.split('\n')[0] };
  } finally {
    await p.close();
  }
}

/** The log rows of BENCHMARKS.md's table. */
export async function logRows(browser, { consoleUrl, flinkUrl, bigUrl, logMb, capMs }) {
  const c = await consoleLog(browser, consoleUrl, capMs);
  const f = await flinkLog(browser, flinkUrl, bigUrl, capMs);
  const row = (what, key) => `| ${logMb} MB log: ${what} | ${c[key]} | ${f[key]} |`;
  return [
    row('first lines visible after navigation', 'firstLines'),
    row('whole file read', 'whole'),
    row(`search for a word on line 1,000 until it is shown`, 'search'),
    row('JS heap after it is read (after GC)', 'heap'),
    row('wasm memory after it is read', 'wasm'),
  ].join('\n');
}
