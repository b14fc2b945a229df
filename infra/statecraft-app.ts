/**
 * The CDK app: one Statecraft stack for the stage, checked by cdk-nag's AWS Solutions rules in
 * every synth (a finding fails the synth unless acknowledged in code with a written reason).
 */
import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { catalogue } from '../workflows/definitions';
import type { BundledFunction } from './bundle/bundle-functions';
import type { Stage } from './stage';
import { StatecraftStack } from './statecraft-stack';

export type StatecraftAppProps = {
  stage: Stage;
  bundles: readonly BundledFunction[];
  webDir: string;
  /** The account and region to deploy to; none: environment-agnostic (synth without credentials). */
  env?: { account?: string; region?: string };
  keepData?: boolean;
  appProps?: AppProps;
};

/** The app with its stack, ready to synth. */
export function statecraftApp({ stage, bundles, webDir, env, keepData, appProps }: StatecraftAppProps): {
  app: App;
  stack: StatecraftStack;
} {
  const app = new App(appProps);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new StatecraftStack(app, stage.stackName, {
    stage,
    workflows: catalogue,
    bundles: new Map(bundles.map((bundle) => [bundle.name, bundle])),
    webDir,
    keepData,
    env,
    description: `Statecraft (${stage.name}): workflows on Step Functions, the REST API, live events, the chatbot and the console`,
    tags: { 'statecraft:stage': stage.name },
  });
  return { app, stack };
}
