# Two commands on a fresh machine: `make dev` and `make test` (see README.md).
SHELL := /bin/bash
STATECRAFT := node cli/bin/statecraft.js

.PHONY: dev test typecheck unit compile bench clean

# npm ci whenever the lockfile is newer than the installed tree (or nothing is installed).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

dev: node_modules/.package-lock.json
	$(STATECRAFT) dev

test: node_modules/.package-lock.json typecheck unit

typecheck: node_modules/.package-lock.json
	npx tsc --noEmit -p tsconfig.json

unit: node_modules/.package-lock.json
	npx jest --ci

compile: node_modules/.package-lock.json
	$(STATECRAFT) compile

bench: node_modules/.package-lock.json
	npx tsx bench/compile.ts
	npx tsx bench/engine.ts

clean:
	rm -rf dist .statecraft
