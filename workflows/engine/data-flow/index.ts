/** JSONPath-mode data flow: InputPath → Parameters → ResultSelector → ResultPath → OutputPath. */
export type { PathScope } from './path-scope';
export { selectPath } from './select-path';
export { resolvePayloadTemplate } from './resolve-payload-template';
export { applyResultPath } from './apply-result-path';
export { isPath } from './is-path';
