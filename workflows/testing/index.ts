/** The test kit for workflow authors: run compiled workflows in jest with mocks, decided approvals and virtual time. */
export { testWorkflow } from './test-workflow';
export type { TestWorkflowOptions, TestedRun } from './test-workflow';
export type { WorkflowRun, StateReport } from './workflow-run';
export { mockFn } from './task-mocks';
export type { TaskMock, MockAnswer, FunctionMock } from './task-mocks';
export type { ApprovalDecisionMock } from './approval-decisions';
export type { TestTable } from './workflow-tables';
export { workflowMatchers } from './matchers';
export { workflowCoverage, resetWorkflowCoverage, coverageItems, coveredKeys, mergeCoverage } from './coverage';
export type { CoverageItem, WorkflowCoverage } from './coverage';
export { formatCoverage, readCoverageDir, summarize } from './coverage-report';
export type { CoverageSummary } from './coverage-report';
export { testState, StateTestError } from './test-state';
export type { StateTestInspection, StateTestMock, StateTestOptions, StateTestResult } from './test-state';
export { testCasesFromMockConfig, MockConfigError } from './mock-config';
export type { MockConfigFile, MockConfigTestCase, MockedInvocation } from './mock-config';
