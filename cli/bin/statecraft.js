#!/usr/bin/env node
// The `statecraft` command: loads the TypeScript sources through tsx, then runs the CLI.
'use strict';
require('tsx/cjs');
process.setSourceMapsEnabled(true);
require('../main.ts')
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
