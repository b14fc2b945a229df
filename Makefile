# Two commands on a fresh machine: `make dev` and `make test` (see README.md).
SHELL := /bin/bash
STATECRAFT := node cli/bin/statecraft.js

.PHONY: dev test typecheck unit compile bench clean web chromium synth deploy destroy

# npm ci whenever the lockfile is newer than the installed tree (or nothing is installed).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# The web console (web/dist), rebuilt when a source is newer than the build.
WEB_SOURCES := $(shell find web/src -type f 2>/dev/null) web/index.html web/vite.config.mts web/tsconfig.json
web/dist/index.html: node_modules/.package-lock.json $(WEB_SOURCES) api/history/history-reader.ts workflows/dsl/graph/workflow-graph.ts
	npx vite build web --logLevel warn

web: web/dist/index.html

# The console's browser tests drive Debian's Chromium: installed here when missing and running as root.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "The console's tests need Chromium: sudo apt-get install chromium"; exit 1; fi; \
	fi

dev: node_modules/.package-lock.json web/dist/index.html
	$(STATECRAFT) dev

test: node_modules/.package-lock.json typecheck lint web/dist/index.html chromium unit

typecheck: node_modules/.package-lock.json
	npx tsc --noEmit -p tsconfig.json
	npx tsc --noEmit -p web/tsconfig.json

unit: node_modules/.package-lock.json
	npx jest --ci

# ESLint with type information, then prettier. Both caches sit in node_modules/.cache (a fresh clone, as in CI, runs in full);
# ESLint's cache is per file, so a finding caused only by a change in another file can hide until that file changes or the cache goes.
.PHONY: lint
lint: node_modules/.package-lock.json
	npx eslint . --max-warnings 0 --cache --cache-strategy content --cache-location node_modules/.cache/eslint/
	npx prettier . --check --log-level warn --cache --cache-strategy content --cache-location node_modules/.cache/prettier/.prettier-cache

compile: node_modules/.package-lock.json
	$(STATECRAFT) compile

bench: node_modules/.package-lock.json
	npx tsx bench/compile.ts
	npx tsx bench/engine.ts

# AWS (README "Deploy to AWS"). STAGE names the stack (default dev); the CDK CLI sends no telemetry.
CDK := CDK_DISABLE_CLI_TELEMETRY=true AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true npx cdk
DEPLOY_NODE := AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true npx tsx

# Offline, no credentials: bundles the functions and writes the CloudFormation to cdk.out (cdk-nag checks it).
synth: node_modules/.package-lock.json web/dist/index.html
	$(CDK) synth -q --no-notices

deploy: node_modules/.package-lock.json
	@$(DEPLOY_NODE) infra/deploy/preflight.ts
	$(STATECRAFT) compile --out dist/asl
	$(STATECRAFT) validate dist/asl/*.asl.json
	$(MAKE) --no-print-directory web
	$(CDK) bootstrap --no-notices
	$(CDK) deploy --all --require-approval never --no-notices --outputs-file cdk.out/outputs.json
	@$(DEPLOY_NODE) infra/deploy/print-outputs.ts cdk.out/outputs.json

# Removes the stage's stack; its tables and user pool stay unless KEEP_DATA=false was set when it was deployed.
destroy: node_modules/.package-lock.json web/dist/index.html
	@$(DEPLOY_NODE) infra/deploy/preflight.ts
	$(CDK) destroy --all --force --no-notices

clean:
	rm -rf dist .statecraft cdk.out
