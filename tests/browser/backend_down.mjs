// Scenario 4: payment-service stopped while the dashboard is open (SIGTERM to PAYMENT_PID, a
// process the C++ driver started) turns its light red, the others stay green, and the page keeps
// working: an order submitted afterwards appears in the list, waiting for its payment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requiredEnv, waitForAttribute, withConsole } from './lib/console.mjs';
import { placeOrder } from './lib/order_form.mjs';

const paymentPid = Number(requiredEnv('PAYMENT_PID'));

test('a backend stopped mid-test turns its light red and the page keeps working', { timeout: 120_000 }, () =>
  withConsole('backend_down', '#/', async ({ page, pageErrors }) => {
    for (const service of ['order', 'inventory', 'payment', 'notification']) {
      await waitForAttribute(page, `health-light-${service}`, 'data-status', 'ok');
    }
    process.kill(paymentPid, 'SIGTERM');

    await waitForAttribute(page, 'health-light-payment', 'data-status', ['unreachable', 'down'], 30_000);
    for (const service of ['order', 'inventory', 'notification']) {
      await waitForAttribute(page, `health-light-${service}`, 'data-status', 'ok', 1_000);
    }
    const orderId = await placeOrder(page, {
      customer: 'c-browser-outage', items: [{ product: 'PROD-004', quantity: 1 }], token: 'tok_visa',
    });
    await waitForAttribute(page, `order-row-${orderId}`, 'data-status', 'AWAITING_PAYMENT', 30_000);
    await waitForAttribute(page, 'health-light-payment', 'data-status', ['unreachable', 'down'], 1_000);
    assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
  }));
