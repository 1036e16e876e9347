/**
 * What the browser suites share: Debian's Chromium launched as the other suites launch it, and the
 * checks a page must pass at any width.
 */
import { type Browser, chromium, type Page } from 'playwright-core';

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
