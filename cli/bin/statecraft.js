#!/usr/bin/env node
// The `statecraft` command: loads the TypeScript sources through tsx, then runs the CLI.
'use strict';
// The AWS SDK is pinned to releases that support Node 20 (see STACK.md); its upgrade notice is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
require('tsx/cjs');
process.setSourceMapsEnabled(true);
require('../main.ts')
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
