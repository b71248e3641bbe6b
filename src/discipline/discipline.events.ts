import { defineEvent } from '../jobs/job-declaration';

// Recorded for webhooks and audit; no job of their own.
export const DisciplineCaseOpened = defineEvent<{ caseId: string }>(
  'DisciplineCaseOpened',
  'A discipline case was opened.',
);
export const DisciplineDecided = defineEvent<{ caseId: string }>('DisciplineDecided', 'A discipline case was decided.');
export const DisciplineDeadlineMissed = defineEvent<{ caseId: string; step: string }>(
  'DisciplineDeadlineMissed',
  'A step of a discipline case passed its deadline.',
);

export const DisciplineEffective = defineEvent<{ caseId: string; employeeId: string; cause: string }>(
  'DisciplineEffective',
  'A discipline decision took effect.',
);
export const DisciplineEnded = defineEvent<{ caseId: string; employeeId: string; cause: string }>(
  'DisciplineEnded',
  'A sanction ended.',
);
