import { SanctionedEntityError } from '../../../../workflows/definitions/handlers/errors';
import {
  closeApplication,
  createAccount,
  screenCustomer,
  sendOnboardingEmail,
} from '../../../../workflows/definitions/handlers/onboard-customer';
import type { TaskFunction } from '../../../../workflows/dsl';

/** Calls a handler as the engine does: a thrown error becomes a rejection. */
const invoke = async <In, Out>(task: TaskFunction<In, Out>, input: In): Promise<Out> => task.handler(input, {});

const northwind = {
  company: 'Northwind Traders GmbH',
  country: 'DE',
  taxId: 'DE811907980',
  contact: { email: 'lena.fischer@northwind.example' },
};

describe('onboard-screen-customer', () => {
  it('scores a low-risk customer with no findings', async () => {
    const screening = await invoke(screenCustomer, northwind);

    expect(screening).toStrictEqual({ riskScore: 10, sanctionsMatch: false, findings: [] });
  });

  it.each([
    ['another country', { country: 'PA' }, 35],
    ['no tax id', { taxId: undefined }, 50],
    ['another country and no tax id', { country: 'PA', taxId: undefined }, 75],
    ['every risk at once, capped at 100', { country: 'PA', taxId: undefined, contact: { email: 'boss@gmail.com' } }, 100],
  ])('adds risk for %s', async (_case, change, riskScore) => {
    const screening = await invoke(screenCustomer, { ...northwind, ...change });

    expect(screening.riskScore).toBe(riskScore);
    expect(screening.findings.length).toBeGreaterThan(0);
  });

  it('refuses a sanctioned country with SanctionedEntity', async () => {
    const screening = invoke(screenCustomer, { ...northwind, country: 'KP' });

    await expect(screening).rejects.toBeInstanceOf(SanctionedEntityError);
    await expect(screening).rejects.toMatchObject({ name: 'SanctionedEntity', country: 'KP' });
  });
});

describe('onboard-create-account', () => {
  it('creates an EU tenant with the seats of the plan', async () => {
    const account = await invoke(createAccount, {
      company: 'Northwind Traders GmbH',
      plan: 'business',
      country: 'DE',
      email: 'lena@northwind.example',
    });

    expect(account).toStrictEqual({
      accountId: 'ACC-NORTHWIND-TRADER',
      tenantUrl: 'https://northwind-traders-gmbh.app.example.com',
      seats: 25,
      dataRegion: 'eu-central-1',
      admin: 'lena@northwind.example',
    });
  });

  it('keeps customers outside the EU in the US region', async () => {
    const account = await invoke(createAccount, { company: 'Acme, Inc.', plan: 'enterprise', country: 'US', email: 'ops@acme.example' });

    expect(account).toMatchObject({ accountId: 'ACC-ACME-INC', seats: 250, dataRegion: 'us-east-1' });
  });
});

describe('onboard-close-application', () => {
  it.each([
    ['Approval.Rejected', 'rejected by compliance'],
    ['States.Timeout', 'compliance review expired'],
  ])('closes the application after %s', async (decision, reason) => {
    const closure = await invoke(closeApplication, { company: 'Acme', email: 'ops@acme.example', decision });

    expect(closure).toStrictEqual({ company: 'Acme', closed: true, notified: 'ops@acme.example', reason });
  });
});

describe('onboard-send-email', () => {
  it('sends the template to the contact', async () => {
    const message = await invoke(sendOnboardingEmail, {
      to: 'lena@northwind.example',
      template: 'getting-started',
      company: 'Northwind',
      accountId: 'ACC-NW',
    });

    expect(message).toStrictEqual({ messageId: 'MSG-ACC-NW-GETTING-STARTED', to: 'lena@northwind.example', template: 'getting-started' });
  });
});
