import { makeRmcReport, markOutflowStep } from '../../usecases/cases/outflow';
import {
  applyReportAction,
  completeReportConversation,
  confirmDuoEndDate,
  createReferral,
  type ReportDeps,
  recordDuoStatus,
  updateTaskStatus,
} from '../../usecases/reports/actions';
import { exportDuo } from '../../usecases/reports/duo-export';
import { createLuxuryReport } from '../../usecases/reports/luxury';
import { remindCoach } from '../../usecases/reports/remind-coach';
import { assignTaskOwner } from '../../usecases/tasks/assign';
import { completeTaskStep } from '../../usecases/tasks/steps';
import type { ApiData } from '../ports';

export type ApiWrites = Pick<
  ApiData,
  | 'applyReportAction'
  | 'completeConversation'
  | 'createReferral'
  | 'updateTaskStatus'
  | 'recordDuoStatus'
  | 'assignTask'
  | 'completeStep'
  | 'exportDuoCsv'
  | 'markOutflowStep'
  | 'createLuxuryReport'
  | 'remindCoach'
  | 'confirmDuoEndDate'
>;

/**
 * The dashboard's commands, in the API's terms, through the report use cases: the one path that
 * also mails the tasks it creates and publishes `report.handled`, whoever drives it.
 */
export function reportCommands(deps: ReportDeps): ApiWrites {
  return {
    async applyReportAction(command) {
      await applyReportAction(deps, command);
    },
    async completeConversation(command) {
      await completeReportConversation(deps, command);
    },
    async createReferral(command) {
      const task = await createReferral(deps, command);
      return { taskId: task.taskId };
    },
    async updateTaskStatus(command) {
      await updateTaskStatus(deps, command);
    },
    async recordDuoStatus(command) {
      await recordDuoStatus(deps, command);
    },
    async assignTask(command) {
      await assignTaskOwner(deps, command);
    },
    async completeStep(command) {
      await completeTaskStep(deps, command);
    },
    async markOutflowStep({ step, note, ...command }) {
      if (step === 'rmc_reported') await makeRmcReport(deps, { ...command, note: note ?? '' });
      else await markOutflowStep(deps, { ...command, step, ...(note ? { note } : {}) });
    },
    async createLuxuryReport(command) {
      const task = await createLuxuryReport(deps, command);
      return { taskId: task.taskId };
    },
    remindCoach: (command) => remindCoach(deps, command),
    async confirmDuoEndDate(command) {
      await confirmDuoEndDate(deps, command);
    },
    exportDuoCsv: (_now, reporter) => exportDuo(deps.store, reporter),
  };
}
