# Two commands on a fresh machine: `make dev` and `make test` (see README.md).
SHELL := /bin/bash
STATECRAFT := node cli/bin/statecraft.js

.PHONY: dev test typecheck unit compile bench clean web chromium

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

test: node_modules/.package-lock.json typecheck web/dist/index.html chromium unit

typecheck: node_modules/.package-lock.json
	npx tsc --noEmit -p tsconfig.json
	npx tsc --noEmit -p web/tsconfig.json

unit: node_modules/.package-lock.json
	npx jest --ci

compile: node_modules/.package-lock.json
	$(STATECRAFT) compile

bench: node_modules/.package-lock.json
	npx tsx bench/compile.ts
	npx tsx bench/engine.ts

clean:
	rm -rf dist .statecraft
