/** Intrinsic functions (`States.Format(...)` and the rest) of JSONPath states. */
export { evaluateIntrinsic } from './evaluate-intrinsic';
