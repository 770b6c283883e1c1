import { withStoredSettings } from '../../usecases/admin/school-settings';
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
export function reportCommands(base: ReportDeps): ApiWrites {
  // The administrator's calendar, read per command: due dates count in the calendar in force.
  const current = () => withStoredSettings(base);
  return {
    async applyReportAction(command) {
      await applyReportAction(await current(), command);
    },
    async completeConversation(command) {
      await completeReportConversation(await current(), command);
    },
    async createReferral(command) {
      const task = await createReferral(await current(), command);
      return { taskId: task.taskId };
    },
    async updateTaskStatus(command) {
      await updateTaskStatus(await current(), command);
    },
    async recordDuoStatus(command) {
      await recordDuoStatus(await current(), command);
    },
    async assignTask(command) {
      await assignTaskOwner(await current(), command);
    },
    async completeStep(command) {
      await completeTaskStep(await current(), command);
    },
    async markOutflowStep({ step, note, ...command }) {
      if (step === 'rmc_reported') await makeRmcReport(await current(), { ...command, note: note ?? '' });
      else await markOutflowStep(await current(), { ...command, step, ...(note ? { note } : {}) });
    },
    async createLuxuryReport(command) {
      const task = await createLuxuryReport(await current(), command);
      return { taskId: task.taskId };
    },
    remindCoach: async (command) => remindCoach(await current(), command),
    async confirmDuoEndDate(command) {
      await confirmDuoEndDate(await current(), command);
    },
    exportDuoCsv: (_now, reporter) => exportDuo(base.store, reporter),
  };
}
