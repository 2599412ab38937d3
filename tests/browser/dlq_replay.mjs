// Scenario 3: a dead-lettered message (put there by the C++ driver) is listed in the DLQ view;
// replaying it from the page (admin token entered, confirmation dialog) empties that queue.
// Screenshot: console-dlq.png. Env: DLQ_QUEUE, DLQ_MESSAGE_ID, ORDER_ID.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adminToken, byTestId, requiredEnv, screenshot, withConsole } from './lib/console.mjs';

const queue = requiredEnv('DLQ_QUEUE');
const messageId = requiredEnv('DLQ_MESSAGE_ID');
const orderId = requiredEnv('ORDER_ID');

test('a dead-lettered message is listed and a confirmed replay empties its DLQ', { timeout: 120_000 }, () =>
  withConsole('dlq_replay', '#/dlq', async ({ page }) => {
    await byTestId(page, 'dlq-view').waitFor({ state: 'visible' });
    const message = byTestId(page, `dlq-queue-${queue}`).locator(`[data-testid="dlq-message-${messageId}"]`);
    await message.waitFor({ state: 'visible' });
    const text = await message.innerText();
    assert.match(text, /order\.created/, `the listed message says: ${text}`);
    assert.ok(text.includes(orderId) || text.includes('retries_exhausted'), `the listed message says: ${text}`);
    await screenshot(page, 'console-dlq.png');

    await byTestId(page, 'admin-token').fill(adminToken);
    await byTestId(page, `dlq-replay-${messageId}`).click();
    await byTestId(page, 'confirm-dialog').waitFor({ state: 'visible' });
    const answer = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/console/api/dlq/replay');
    await byTestId(page, 'confirm-yes').click();
    const response = await answer;
    const body = await response.json();
    assert.equal(response.status(), 200, JSON.stringify(body));
    assert.equal(body.replayed, 1, JSON.stringify(body));
    assert.equal(body.failed, 0, JSON.stringify(body));

    await byTestId(page, `dlq-message-${messageId}`).waitFor({ state: 'detached', timeout: 15_000 });
  }));
