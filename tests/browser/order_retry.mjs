// Scenario 6: the order service made the order but its answer was lost on the way (the page saw
// a 504). Submitting the same form again sends the same Idempotency-Key, so the retry gets that
// order back instead of making a second one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consoleUrl, waitForText, withConsole } from './lib/console.mjs';
import { submitOrder } from './lib/order_form.mjs';

test('a retry after a lost answer returns the first order, not a second one', { timeout: 120_000 }, () =>
  withConsole('order_retry', '#/', async ({ page }) => {
    const order = { customer: 'c-browser-retry', items: [{ product: 'PROD-005', quantity: 1 }], token: 'tok_visa' };
    const keys = [];
    await page.route('**/api/orders', async (route) => {
      const request = route.request();
      if (request.method() !== 'POST') return route.continue();
      keys.push(request.headers()['idempotency-key']);
      if (keys.length > 1) return route.continue();
      await route.fetch();  // reaches the order service, which makes the order
      return route.fulfill({
        status: 504, contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Gateway timeout', status: 504, detail: 'order: timed out' }),
      });
    });

    const lost = await submitOrder(page, order);
    assert.equal(lost.status, 504);
    await waitForText(page, 'order-form-errors', /timed out/);
    const retried = await submitOrder(page, order);
    assert.equal(retried.status, 202, JSON.stringify(retried.body));
    assert.equal(keys.length, 2);
    assert.equal(keys[1], keys[0], 'the retry of the same order sent another Idempotency-Key');

    const listed = await page.request.get(new URL('/api/orders?customer_id=c-browser-retry', consoleUrl).href);
    const orders = (await listed.json()).orders;
    assert.deepEqual(orders.map((o) => o.order_id), [retried.body.order_id], 'the retry made a second order');
  }));
