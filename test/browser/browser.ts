/**
 * What the browser suites share: Debian's Chromium launched as the other suites launch it, a
 * runtime beside it, and the checks a page must pass at any width.
 */
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startLocalRuntime } from '../../local/runtime';
import { ANY_PORTS, LOOSE_INTAKE_LIMITS, type Runtime, removeDir, tempDataDir } from '../harness';

/** Debian's Chromium (or CHROMIUM_PATH), headless, without the background traffic of a desktop. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * How far the page reaches past the viewport's right edge, in CSS pixels (0 when it reflows: WCAG
 * 1.4.10 asks for no scrolling sideways at 320 px). The document and every element are measured,
 * so content that overflows into a clipped box is found too.
 */
export function sidewaysOverflow(page: Page): Promise<number> {
  // A string: the tests compile without the DOM's types.
  return page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    let widest = document.documentElement.scrollWidth;
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) widest = Math.max(widest, Math.ceil(box.right));
    }
    return Math.max(0, widest - width);
  })()`);
}

/** A local runtime and Chromium, started before a file's tests and stopped after them. */
export interface BrowserSuite {
  runtime: Runtime;
  browser: Browser;
  /** One page context shared by the file's tests, with JavaScript as the suite asked. */
  context: BrowserContext;
}

/**
 * Registers the hooks that start the runtime (fast retries, no schedules, loose intake limits)
 * and Chromium for one test file; the returned object is filled in once they have run.
 */
export function browserSuite(opts: { dataDirPrefix: string; javaScriptEnabled: boolean }): BrowserSuite {
  const suite = {} as BrowserSuite;
  let dataDir: string | undefined;
  beforeAll(async () => {
    dataDir = tempDataDir(opts.dataDirPrefix);
    suite.runtime = await startLocalRuntime({
      dataDir,
      ports: ANY_PORTS,
      quiet: true,
      retryIntervalScale: 0.01,
      scheduleTimers: false,
      environment: LOOSE_INTAKE_LIMITS,
    });
    suite.browser = await launchChromium();
    suite.context = await suite.browser.newContext({ javaScriptEnabled: opts.javaScriptEnabled });
  });
  afterAll(async () => {
    await suite.context?.close();
    await suite.browser?.close();
    await suite.runtime?.stop();
    if (dataDir) removeDir(dataDir);
  });
  return suite;
}
