/**
 * Every indicator of the evaluation (domain.md §7, issue 17) for one period and the team or one
 * nurse: reach, timeliness, content, COS-P, cooperation with daycare and outcome proxies. Pure:
 * the same records, options and day give the same figures on any device or in Node.
 */
import { type ContentIndicator, contentIndicator } from './content.ts';
import {
  type CooperationEvent,
  type CooperationIndicator,
  cooperationEventsFrom,
  cooperationIndicator,
} from './cooperation.ts';
import { type CospIndicator, cospIndicator } from './cosp.ts';
import { type OutcomeIndicator, outcomeIndicator } from './outcomes.ts';
import { type ReachIndicator, reachIndicator } from './reach.ts';
import { type EvaluationOptions, type EvaluationRecords, scopeRecords } from './records.ts';
import { type TimelinessIndicator, timelinessIndicator } from './timeliness.ts';

export type Indicators = {
  reach: ReachIndicator;
  timeliness: TimelinessIndicator;
  content: ContentIndicator;
  cosp: CospIndicator;
  cooperation: CooperationIndicator;
  outcomes: OutcomeIndicator;
};

export function computeIndicators(
  records: EvaluationRecords,
  options: EvaluationOptions,
  /** Cooperation events beyond today's records (the coming kinds); today's are derived here. */
  extraCooperation: readonly CooperationEvent[] = [],
): Indicators {
  const scoped = scopeRecords(records, options.nurse);
  const { period, today, settings } = options;
  return {
    reach: reachIndicator(scoped, period, settings),
    timeliness: timelinessIndicator(scoped, period, today, settings),
    content: contentIndicator(scoped, period),
    cosp: cospIndicator(scoped, period, settings),
    cooperation: cooperationIndicator([...cooperationEventsFrom(scoped), ...extraCooperation], period, {
      ...(options.nurse === undefined ? {} : { nurse: options.nurse }),
    }),
    outcomes: outcomeIndicator(scoped, period, today, {
      ...(options.epdsFollowUpDays === undefined ? {} : { epdsFollowUpDays: options.epdsFollowUpDays }),
    }),
  };
}
