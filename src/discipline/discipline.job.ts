import { AttendanceIngested } from '../allowance/allowance.events';
import { defineJob } from '../jobs/job-declaration';
import { DisciplineEffective } from './discipline.events';

export const ApplyDisciplineEffectsJob = defineJob({
  name: 'discipline.apply-effects',
  queue: 'pipeline',
  attempts: 8,
  backoffMs: 1000,
  description: 'A discipline decision took effect: the sanction row allowance runs read and its outcomes, once.',
  on: [DisciplineEffective],
});

export const DisciplineSweepJob = defineJob({
  name: 'discipline.sweep',
  queue: 'maintenance',
  attempts: 3,
  backoffMs: 5000,
  description:
    'Discipline cases: effective dates reached, sanctions ended, overdue steps flagged, escalations recorded.',
  repeat: { id: 'discipline-sweep', everyMs: 10 * 60 * 1000 },
});

export const ScanAttendanceJob = defineJob({
  name: 'discipline.scan-attendance',
  queue: 'maintenance',
  attempts: 3,
  backoffMs: 5000,
  description: 'PP 94 attendance ladder over newly ingested attendance: crossing a rung opens one ATTENDANCE case.',
  on: [AttendanceIngested],
  repeat: { id: 'discipline-attendance-scan', everyMs: 5 * 60 * 1000 },
});
