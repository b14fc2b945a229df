/**
 * Who may read a workflow's runs and who may start and stop them, declared in the DSL next to the
 * approvers. Without a declaration the API's global roles apply (viewers read, operators operate,
 * admins both); a declaration replaces them for that workflow.
 */

/** Users and groups (Cognito `cognito:groups`). */
export type Principals = { users?: readonly string[]; groups?: readonly string[] };

/** A workflow's access declaration. */
export type WorkflowAccess = {
  /** May list and read runs, their history, approvals and live events. */
  read?: Principals;
  /** May start and stop runs (and so read them too). */
  operate?: Principals;
  /** Approvals of runs whose starter is unknown (started outside Statecraft) may not be decided. */
  requireKnownRequester?: boolean;
};
