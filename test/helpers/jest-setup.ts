/** Jest setup for every project: the AWS SDK is pinned to Node-20 releases (STACK.md), so its upgrade notice is noise. */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
