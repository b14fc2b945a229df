/**
 * The console end to end in real Chromium against the dev stack: sign-in, the catalogue, a
 * workflow's graph against its compiled ASL, a run started from the form watched to its approval
 * and approved in the inbox by someone else, a failed run's states and error, what a viewer and a
 * non-finance user may not see, and axe-core on each main page.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { catalogue } from '../../../workflows/definitions';
import { compile } from '../../../workflows/dsl';
import { startChatStack, type ChatStack } from '../../helpers/chat-stack';
import { launchBrowser, pageAs, screenshot } from '../../helpers/console-browser';

jest.setTimeout(180_000);

let stack: ChatStack;
let browser: Browser;
let base: string;

const olivia = { user: 'olivia', groups: ['operators'] };
const rita = { user: 'rita', groups: ['release-managers', 'viewers'] };
const victor = { user: 'victor', groups: ['viewers'] };

/** Every state of a definition, branches and processors included. */
function countStates(machine: { States: Record<string, { Branches?: unknown[]; ItemProcessor?: unknown; Iterator?: unknown }> }): number {
  return Object.values(machine.States).reduce((sum, state) => {
    const nested = [
      ...(state.Branches ?? []),
      ...(state.ItemProcessor ? [state.ItemProcessor] : []),
      ...(state.Iterator ? [state.Iterator] : []),
    ] as (typeof machine)[];
    return sum + 1 + nested.reduce((inner, branch) => inner + countStates(branch), 0);
  }, 0);
}

/**
 * axe-core on the page. Legacy mode runs axe in the page itself instead of gathering each frame's results
 * in a new blank page (seconds per call here); it skips only cross-origin frames, and the console has none.
 */
async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

beforeAll(async () => {
  const seeded = async () => {
    const started = await startChatStack();
    await started.seedDemo();
    return started;
  };
  // Chromium starts while the stack starts and seeds; afterAll stops whichever started.
  const [started, launched] = await Promise.allSettled([seeded(), launchBrowser()]);
  if (started.status === 'fulfilled') stack = started.value;
  if (launched.status === 'fulfilled') browser = launched.value;
  for (const each of [started, launched]) if (each.status === 'rejected') throw each.reason;
  base = stack.stack.apiUrl;
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the web console', () => {
  it('signs in through the local form and lists the workflows the user may read', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Sign in to Statecraft' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'sign-in');

    await page.getByLabel('User').fill('fiona');
    await page.getByLabel('operators').check();
    await page.getByLabel('finance').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('li[data-workflow]').nth(5).waitFor();

    expect(await page.locator('li[data-workflow] h2').allTextContents()).toEqual(catalogue.map((workflow) => workflow.name));
    await page
      .getByText(/\d+ states/)
      .first()
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'catalogue');
    await page.close();
  });

  it("draws deploy-service with one node per state of its compiled ASL, and shows a state's definition on click", async () => {
    const page = await pageAs(browser, base, olivia);
    await page.goto(`${base}/#/workflows/deploy-service`);
    const graph = page.getByTestId('workflow-graph');
    await graph.waitFor();

    expect(Number(await graph.getAttribute('data-node-count'))).toBe(countStates(compile(catalogue[1]).definition as never));
    await page.locator('.react-flow__node.approval').first().click();
    await page.getByRole('complementary', { name: 'State Approve production' }).waitFor();
    await page.locator('.react-flow__node', { hasText: 'Build image' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('complementary', { name: 'State Build image' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'workflow-deploy-service');
    await page.getByRole('tab', { name: 'ASL JSON' }).click();
    await page.getByText('"StartAt": "Build checks"').waitFor();
    await page.getByRole('tab', { name: 'DSL source' }).click();
    await page.getByText('workflows/definitions/deploy-service.ts').waitFor();
    await page.close();
  });

  it('starts a run from the form, shows it waiting at the approval live, and a release manager approves it in the inbox', async () => {
    const watcher = await pageAs(browser, base, rita);
    await watcher.goto(`${base}/#/runs`);
    const badge = watcher.getByRole('navigation', { name: 'Main' }).locator('.count');
    await badge.filter({ hasText: /^\d+$/ }).waitFor();
    const before = Number(await badge.textContent());
    const page = await pageAs(browser, base, olivia);
    await page.goto(`${base}/#/workflows/deploy-service`);
    await page.getByRole('tab', { name: 'Start run' }).click();
    const input = page.getByLabel('Input (JSON)');
    await input.fill((await input.inputValue()).replace('"bakeSeconds": 600', '"bakeSeconds": 1'));
    await page.getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/#\/runs\/r-/);
    const runId = decodeURIComponent(page.url().split('/').pop() ?? '');
    await page.locator('.react-flow__node.status-waiting-for-approval').waitFor({ timeout: 30_000 });
    await expectAccessible(page);
    await screenshot(page, 'run-waiting-for-approval');

    await badge.filter({ hasText: String(before + 1) }).waitFor({ timeout: 15_000 });
    await watcher.getByRole('table').getByRole('link', { name: runId }).waitFor({ timeout: 15_000 });
    await watcher.close();

    const inbox = await pageAs(browser, base, rita);
    await inbox.goto(`${base}/#/approvals`);
    const card = inbox.locator('li[data-approval]', { hasText: runId });
    await card.waitFor();
    await expectAccessible(inbox);
    await screenshot(inbox, 'approvals-inbox');
    await card.getByRole('button', { name: 'Approve' }).click();
    await card.waitFor({ state: 'detached' });

    await page.getByText('succeeded', { exact: true }).first().waitFor({ timeout: 30_000 });
    await inbox.close();
    await page.close();
  });

  it("shows a failed run's failed and caught states, and the error in the inspector", async () => {
    const page = await pageAs(browser, base, olivia);
    await page.goto(`${base}/#/runs/r-2b8f60`);
    await page.locator('.react-flow__node.status-failed').first().waitFor();

    expect(await page.locator('.react-flow__node.status-caught').count()).toBeGreaterThan(0);
    await page.locator('.react-flow__node.status-caught').first().click();
    await page.getByText('PaymentDeclined').first().waitFor();
    await screenshot(page, 'run-failed');
    await page.close();
  });

  it('shows a viewer no start, stop or approve button, and hides a finance-only workflow from non-finance users', async () => {
    const page = await pageAs(browser, base, victor);
    await page.goto(`${base}/#/workflows/deploy-service`);
    await page.getByTestId('workflow-graph').waitFor();
    const startTabs = await page.getByRole('tab', { name: 'Start run' }).count();
    await page.goto(`${base}/#/runs/r-93e7aa`);
    await page.getByRole('heading', { name: /r-93e7aa/ }).waitFor();
    const stopButtons = await page.getByRole('button', { name: 'Stop' }).count();
    await page.goto(`${base}/#/approvals`);
    await page.getByRole('heading', { name: 'Approvals' }).waitFor();
    await page.getByText('Waiting for another approver.').first().waitFor();
    const approveButtons = await page.getByRole('button', { name: 'Approve' }).count();
    await page.goto(`${base}/#/`);
    await page.locator('li[data-workflow]').first().waitFor();
    const listed = await page.locator('li[data-workflow] h2').allTextContents();

    expect([startTabs, stopButtons, approveButtons]).toEqual([0, 0, 0]);
    expect(listed).not.toContain('refund-request');
    expect(listed).toContain('deploy-service');
    await page.close();
  });
});

describe('the inbox on a phone', () => {
  it('fits a 390 px wide screen with its decision buttons in reach', async () => {
    const page = await pageAs(browser, base, rita, { width: 390, height: 844 });
    await page.goto(`${base}/#/approvals`);
    await page.locator('li[data-approval]').first().waitFor();

    const overflow = await page.evaluate('document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth');
    expect(overflow).toBe(0);
    expect(await page.getByRole('button', { name: 'Approve' }).first().isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'approvals-inbox-phone');
    await page.close();
  });
});

describe('the chat panel', () => {
  it('starts nightly-report after confirmation, links the run, and the run appears in the runs list', async () => {
    const page = await pageAs(browser, base, olivia);
    await page.goto(`${base}/#/runs`);
    await page.getByRole('button', { name: 'Chat' }).click();
    const chat = page.getByRole('complementary', { name: 'Chat with the bot' });
    await chat.getByLabel('Message').fill('start nightly-report');
    await chat.getByRole('button', { name: 'Send' }).click();
    await chat.getByText('Start nightly-report with this input?').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'chat-panel');
    await chat.getByRole('button', { name: 'Yes' }).click();
    const started = chat.getByText(/Started nightly-report as r-[0-9a-f]{6}/);
    await started.waitFor();
    const runId = /r-[0-9a-f]{6}/.exec((await started.textContent()) ?? '')?.[0] ?? '';

    await page.getByRole('link', { name: runId }).first().waitFor();
    await page.getByRole('table').getByRole('link', { name: runId }).waitFor({ timeout: 15_000 });
    await chat.getByRole('link', { name: runId }).first().click();
    await page.getByRole('heading', { name: new RegExp(runId) }).waitFor();
    await page.close();
  });
});
