// Scenario 2: an order paid with tok_chargeDeclined is REJECTED (payment_declined), and its
// timeline shows the compensation: inventory released the reserved stock. Screenshot: console-order.png.
import { test } from 'node:test';
import {
  openOrderPage, screenshot, waitForAttribute, waitForText, waitForTimelineEntry, withConsole,
} from './lib/console.mjs';
import { placeOrder } from './lib/order_form.mjs';

test('a declined order shows its compensation in the timeline', { timeout: 120_000 }, () =>
  withConsole('order_declined', '#/', async ({ page }) => {
    const orderId = await placeOrder(page, {
      customer: 'c-browser-declined', items: [{ product: 'PROD-002', quantity: 1 }], token: 'tok_chargeDeclined',
    });
    await waitForAttribute(page, `order-row-${orderId}`, 'data-status', 'REJECTED', 30_000);

    await openOrderPage(page, orderId);
    await waitForText(page, 'order-status', /REJECTED/);
    await waitForTimelineEntry(page, 'payment entry saying DECLINED',
      (e) => e.service === 'payment' && /DECLINED/.test(e.text));
    await waitForTimelineEntry(page, 'order entry REJECTED with payment_declined',
      (e) => e.service === 'order' && /REJECTED/.test(e.text) && /payment_declined/.test(e.text));
    await waitForTimelineEntry(page, 'inventory state entry with class compensation releasing the stock',
      (e) => e.service === 'inventory' && e.kind === 'state' && e.compensation && /RELEASED/i.test(e.text));
    await screenshot(page, 'console-order.png');
  }));
