/** The head's dashboard numbers (pure): facts of a case, periods, and the aggregation. */
export { metricCaseOf, type MetricCase, type MetricDeadline } from './facts';
export { CASE_FACTS_VERSION, caseFactsOf, metricCaseAt, type CaseFacts } from './stored';
export {
  bucketOf,
  bucketsOf,
  inPeriod,
  monthStart,
  periodOf,
  weekStart,
  PERIOD_PRESETS,
  type Granularity,
  type Period,
  type PeriodPreset,
} from './period';
export {
  dashboardMetrics,
  median,
  SLA_STAGES,
  type ComplaintCounts,
  type ComplaintLine,
  type DashboardMetrics,
  type OfficerLoad,
  type SlaBucket,
  type SlaCount,
  type SlaStage,
  type StageDuration,
} from './aggregate';
