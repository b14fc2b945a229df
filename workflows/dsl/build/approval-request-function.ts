/** The built-in function every approval calls (its own module: the console and the history reader need the name without the DSL). */
export const APPROVAL_REQUEST_FUNCTION = 'approval-request';
