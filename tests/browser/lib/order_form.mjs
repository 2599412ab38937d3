// Filling and submitting the dashboard's order form (data-testid order-form-*), the way a user does.
import assert from 'node:assert/strict';
import { byTestId } from './console.mjs';

/// Types into an input or picks the option of a select, whichever the form uses.
async function setField(field, value) {
  await field.waitFor({ state: 'visible' });
  const tag = await field.evaluate((element) => element.tagName);
  if (tag === 'SELECT') await field.selectOption(String(value));
  else await field.fill(String(value));
}

/// Fills the form with `order` ({ customer, email?, items: [{ product, quantity }], token? }),
/// clicks submit and returns the order service's answer to the POST it made: { status, body }.
export async function submitOrder(page, order) {
  await byTestId(page, 'order-form').waitFor({ state: 'visible' });
  // The product field becomes a list of the inventory's products once they are loaded (a text
  // field meanwhile, or when inventory is unavailable); fill it in its settled form.
  await page.locator('select[data-testid="order-form-product-0"], [data-testid="order-form-products-error"]')
    .first().waitFor({ state: 'attached' });
  await setField(byTestId(page, 'order-form-customer'), order.customer);
  if (order.email !== undefined) await setField(byTestId(page, 'order-form-email'), order.email);
  for (const [n, item] of order.items.entries()) {
    if (n > 0 && (await byTestId(page, `order-form-product-${n}`).count()) === 0) {
      await byTestId(page, 'order-form-add-item').click();
    }
    await setField(byTestId(page, `order-form-product-${n}`), item.product);
    await setField(byTestId(page, `order-form-quantity-${n}`), item.quantity);
  }
  if (order.token !== undefined) await setField(byTestId(page, 'order-form-token'), order.token);
  const answer = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/orders', { timeout: 10_000 });
  await byTestId(page, 'order-form-submit').click();
  let response;
  try {
    response = await answer;
  } catch {
    assert.fail('clicking order-form-submit sent no POST /api/orders within 10 s');
  }
  return { status: response.status(), contentType: response.headers()['content-type'] ?? '', body: await response.json() };
}

/// submitOrder, requiring 202 Accepted; returns the new order's id.
export async function placeOrder(page, order) {
  const { status, body } = await submitOrder(page, order);
  assert.equal(status, 202, `POST /api/orders answered ${status}: ${JSON.stringify(body)}`);
  assert.ok(body.order_id, `no order_id in ${JSON.stringify(body)}`);
  return body.order_id;
}
