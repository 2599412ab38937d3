// Shared by the browser scenarios: launching Debian's Chromium through playwright-core, the
// console's data-testid names, waiting for attributes with a readable failure, screenshots.
//
// Environment: CONSOLE_URL (the console binary, e.g. http://127.0.0.1:8080/), ADMIN_TOKEN,
// SCREENSHOT_DIR (where console-*.png go; none taken when unset), ARTIFACT_DIR (a screenshot of
// the page when a scenario fails), CHROMIUM (default /usr/bin/chromium).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const consoleUrl = requiredEnv('CONSOLE_URL');
export const adminToken = process.env.ADMIN_TOKEN ?? '';

export function requiredEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (the C++ driver in tests/e2e/browser sets it)`);
  return value;
}

/// Opens the console at `route` (e.g. '#/', '#/dlq') in a fresh headless Chromium, runs
/// `body({ page, pageErrors })`, and closes the browser. On failure a screenshot of the page goes
/// to ARTIFACT_DIR/<name>-failure.png and the error is rethrown. `pageErrors` collects uncaught
/// exceptions of the page's scripts.
export async function withConsole(name, route, body) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') console.log(`[page console] ${message.text()}`);
    });
    await page.goto(new URL(route, consoleUrl).href);
    try {
      await body({ page, pageErrors });
    } catch (error) {
      if (pageErrors.length) console.log(`[page errors] ${pageErrors.join(' | ')}`);
      await saveFailure(page, name);
      throw error;
    }
  } finally {
    await browser.close();
  }
}

async function saveFailure(page, name) {
  const dir = process.env.ARTIFACT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-failure.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => {});
  console.log(`[failure screenshot] ${file}`);
}

/// Saves a full-page screenshot as SCREENSHOT_DIR/<file> (e.g. console-dashboard.png).
export async function screenshot(page, file) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, file), fullPage: true });
}

export const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);

/// Waits until the element with data-testid `id` has `attribute` equal to one of `values`; the
/// error says what the attribute was instead.
export async function waitForAttribute(page, id, attribute, values, timeout = 20_000) {
  const wanted = [values].flat();
  const selector = wanted.map((v) => `[data-testid="${id}"][${attribute}="${v}"]`).join(', ');
  try {
    await page.locator(selector).first().waitFor({ state: 'attached', timeout });
  } catch {
    const element = byTestId(page, id);
    const actual = (await element.count()) ? await element.first().getAttribute(attribute) : '(no such element)';
    throw new Error(`${id}: ${attribute} should be ${wanted.join(' or ')} within ${timeout} ms, is ${actual}`);
  }
}

/// Waits until the text of the element with data-testid `id` matches `pattern`.
export async function waitForText(page, id, pattern, timeout = 20_000) {
  const element = byTestId(page, id).filter({ hasText: pattern }).first();
  try {
    await element.waitFor({ state: 'visible', timeout });
  } catch {
    const texts = await byTestId(page, id).allInnerTexts().catch(() => []);
    throw new Error(`${id}: no visible text matching ${pattern} within ${timeout} ms; texts: ${JSON.stringify(texts)}`);
  }
}

/// Goes from the dashboard to the order's page: through its row's link when the row has one
/// (what a user clicks), else by the route #/orders/<id>. Waits for order-page of that order.
export async function openOrderPage(page, orderId) {
  const link = byTestId(page, `order-row-${orderId}`).locator(`a[href*="${orderId}"]`);
  if (await link.count()) await link.first().click();
  else await page.goto(new URL(`#/orders/${orderId}`, consoleUrl).href);
  await waitForAttribute(page, 'order-page', 'data-order-id', orderId);
}

/// The timeline entries of the open order page as { service, kind, compensation, text }.
export async function timelineEntries(page) {
  return page.locator('[data-testid="timeline"] [data-testid="timeline-entry"]').evaluateAll((entries) =>
    entries.map((e) => ({
      service: e.dataset.service,
      kind: e.dataset.kind,
      compensation: e.classList.contains('compensation'),
      text: e.innerText.replace(/\s+/g, ' ').trim(),
    })));
}

/// Waits until some timeline entry satisfies `predicate`; the error lists the entries there were.
export async function waitForTimelineEntry(page, description, predicate, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let entries = [];
  while (Date.now() < deadline) {
    entries = await timelineEntries(page);
    if (entries.some(predicate)) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`timeline has no ${description} within ${timeout} ms; entries:\n` +
    entries.map((e) => `  ${e.service} ${e.kind}${e.compensation ? ' compensation' : ''}: ${e.text}`).join('\n'));
}
