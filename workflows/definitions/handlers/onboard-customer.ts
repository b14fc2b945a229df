/**
 * Task handlers of `onboard-customer`. Screening is a deterministic know-your-customer score:
 * a country outside the low-risk list, a missing tax id and a free-mail address each add risk,
 * and a sanctioned country fails with SanctionedEntity.
 */
import { fn } from '../../dsl/task-function';
import { SanctionedEntityError } from './errors';

/** A subscription plan. */
export type Plan = 'starter' | 'business' | 'enterprise';
/** An onboarding email. */
export type EmailTemplate = 'welcome' | 'getting-started';

const SANCTIONED_COUNTRIES: readonly string[] = ['CU', 'IR', 'KP', 'SY'];
const LOW_RISK_COUNTRIES: readonly string[] = [
  'AT',
  'BE',
  'CA',
  'CH',
  'DE',
  'DK',
  'ES',
  'FI',
  'FR',
  'GB',
  'IE',
  'IT',
  'NL',
  'NO',
  'SE',
  'US',
];
const EU_COUNTRIES: readonly string[] = ['AT', 'BE', 'DE', 'DK', 'ES', 'FI', 'FR', 'IE', 'IT', 'NL', 'SE'];
const FREE_MAIL_DOMAINS: readonly string[] = ['gmail.com', 'hotmail.com', 'outlook.com', 'proton.me', 'yahoo.com'];
/** Risk points per finding; the workflow asks compliance to review above 70. */
const RISK = { lowRiskCountry: 10, otherCountry: 35, noTaxId: 40, freeMail: 25 } as const;
const SEATS: Record<Plan, number> = { starter: 5, business: 25, enterprise: 250 };

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Screens the company against sanctions lists and scores its risk from 0 to 100. */
export const screenCustomer = fn(
  'onboard-screen-customer',
  (input: { company: string; country: string; taxId?: string; contact: { email: string } }) => {
    if (SANCTIONED_COUNTRIES.includes(input.country)) throw new SanctionedEntityError(input.company, input.country);
    const lowRisk = LOW_RISK_COUNTRIES.includes(input.country);
    const domain = input.contact.email.split('@')[1]?.toLowerCase() ?? '';
    const findings = [
      ...(lowRisk ? [] : [`country ${input.country} is not on the low-risk list`]),
      ...(input.taxId ? [] : ['no tax id given']),
      ...(FREE_MAIL_DOMAINS.includes(domain) ? [`free-mail address (${domain})`] : []),
    ];
    const score =
      (lowRisk ? RISK.lowRiskCountry : RISK.otherCountry) +
      (input.taxId ? 0 : RISK.noTaxId) +
      (FREE_MAIL_DOMAINS.includes(domain) ? RISK.freeMail : 0);
    return { riskScore: Math.min(100, score), sanctionsMatch: false, findings };
  },
);

/** Creates the tenant: account id, URL, seats for the plan, and the data region. */
export const createAccount = fn('onboard-create-account', (input: { company: string; plan: Plan; country: string; email: string }) => {
  const name = slug(input.company);
  return {
    accountId: `ACC-${name.toUpperCase().slice(0, 16)}`,
    tenantUrl: `https://${name}.app.example.com`,
    seats: SEATS[input.plan],
    dataRegion: EU_COUNTRIES.includes(input.country) ? 'eu-central-1' : 'us-east-1',
    admin: input.email,
  };
});

/** Closes an application that compliance rejected (`Approval.Rejected`) or never reviewed (`States.Timeout`). */
export const closeApplication = fn('onboard-close-application', (input: { company: string; email: string; decision: string }) => ({
  company: input.company,
  closed: true,
  notified: input.email,
  reason: input.decision === 'States.Timeout' ? 'compliance review expired' : 'rejected by compliance',
}));

/** Sends one of the onboarding emails. */
export const sendOnboardingEmail = fn(
  'onboard-send-email',
  (input: { to: string; template: EmailTemplate; company: string; accountId: string }) => ({
    messageId: `MSG-${input.accountId}-${input.template.toUpperCase()}`,
    to: input.to,
    template: input.template,
  }),
);
