// Scenario 1: an order submitted through the dashboard's form reaches CONFIRMED in the order list
// and on its page, whose timeline shows the saga across the services. Screenshot: console-dashboard.png.
import { test } from 'node:test';
import {
  byTestId, openOrderPage, screenshot, waitForAttribute, waitForText, waitForTimelineEntry, withConsole,
} from './lib/console.mjs';
import { placeOrder } from './lib/order_form.mjs';

test('an order submitted through the form reaches CONFIRMED in the list and on its page', { timeout: 120_000 }, () =>
  withConsole('order_confirmed', '#/', async ({ page }) => {
    for (const service of ['order', 'inventory', 'payment', 'notification']) {
      await waitForAttribute(page, `health-light-${service}`, 'data-status', 'ok');
    }
    const orderId = await placeOrder(page, {
      customer: 'c-browser-42', email: 'browser@example.com',
      items: [{ product: 'PROD-001', quantity: 2 }], token: 'tok_visa',
    });

    await waitForAttribute(page, `order-row-${orderId}`, 'data-status', 'CONFIRMED', 30_000);
    // An order settled inside the SLA window: the light has a verdict (sampled every 2 s).
    await waitForAttribute(page, 'sla-light', 'data-status', ['green', 'red'], 15_000);
    await screenshot(page, 'console-dashboard.png');

    await openOrderPage(page, orderId);
    await waitForText(page, 'order-status', /CONFIRMED/);
    await waitForTimelineEntry(page, 'order entry saying CONFIRMED',
      (e) => e.service === 'order' && /CONFIRMED/.test(e.text));
    await waitForTimelineEntry(page, 'inventory entry (stock reserved)',
      (e) => e.service === 'inventory' && /RESERVED/i.test(e.text));
    await waitForTimelineEntry(page, 'payment entry saying CAPTURED',
      (e) => e.service === 'payment' && /CAPTURED/.test(e.text));
  }));
