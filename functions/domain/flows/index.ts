import type { FlowDefinition, FlowKind } from '../steps';
import { FOUR_WEEK_FLOW } from './four-week';
import { HOME_VISIT_FLOW } from './home-visit';
import { OFFICER_CONVERSATION_FLOW } from './officer-conversation';

/** Every flow by kind: a new flow is a definition in this folder, registered here. */
export const FLOWS: Record<FlowKind, FlowDefinition> = {
  four_week: FOUR_WEEK_FLOW,
  officer_conversation: OFFICER_CONVERSATION_FLOW,
  home_visit: HOME_VISIT_FLOW,
};

export const flowOf = (kind: FlowKind): FlowDefinition => FLOWS[kind];
