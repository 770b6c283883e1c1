import type { FlowDefinition, FlowKind } from '../steps';
import { FOUR_WEEK_FLOW } from './four-week';

/** Every flow by kind: a new flow is a definition in this folder, registered here. */
export const FLOWS: Record<FlowKind, FlowDefinition> = {
  four_week: FOUR_WEEK_FLOW,
};

export const flowOf = (kind: FlowKind): FlowDefinition => FLOWS[kind];
