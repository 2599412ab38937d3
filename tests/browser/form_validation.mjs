// Scenario 5: the order form shows the validation messages of the order service's
// application/problem+json answer (quantity 0), and no order is made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, waitForText, withConsole } from './lib/console.mjs';
import { submitOrder } from './lib/order_form.mjs';

test('the form shows the validation messages of the problem response', { timeout: 120_000 }, () =>
  withConsole('form_validation', '#/', async ({ page }) => {
    const { status, contentType, body } = await submitOrder(page, {
      customer: 'c-browser-invalid', items: [{ product: 'PROD-001', quantity: 0 }], token: 'tok_visa',
    });
    assert.equal(status, 400, JSON.stringify(body));
    assert.match(contentType, /application\/problem\+json/);
    const problem = (body.errors ?? []).find((e) => e.field === 'items[0].quantity');
    assert.ok(problem, `no error for items[0].quantity in ${JSON.stringify(body)}`);

    await waitForText(page, 'order-form-errors', /quantity/i);
    const shown = await byTestId(page, 'order-form-errors').innerText();
    assert.ok(shown.includes(problem.message), `order-form-errors shows "${shown}", not the service's "${problem.message}"`);
    assert.equal(await page.locator('[data-testid^="order-row-"]').count(), 0, 'a rejected form made an order row');
  }));
