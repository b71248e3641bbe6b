import {
  LISTENING_ONLY_NOTE,
  NeutralityElectionsService,
  STAGE_REPORTED_NOTE,
} from '../../../src/discipline/neutrality-elections.service';
import { netralitasStage, recommendingBody } from '../../../src/rules';

/** The netralitas part of a case view (04 §7): recorded facts shown, older cases derived from the rule. */
describe('NeutralityElectionsService.view', () => {
  const base = {
    recommending_body: null,
    recommending_body_explanation: null,
    election_code: null,
    stage_source: null,
    stage_explanation: null,
    listening_only: null,
  };

  it('derives the body from the act date for a case recorded before 04 §7 was wired: 23 Aug 2024 KASN, 24 Aug BKN', () => {
    expect(NeutralityElectionsService.view({ ...base, occurred_on: '2024-08-23' }).recommendingBody).toMatchObject({
      body: 'KASN',
      onDate: '2024-08-23',
      explanation: { ruleId: 'netralitas.recommendingBody' },
    });
    const bkn = NeutralityElectionsService.view({ ...base, occurred_on: '2024-08-24' });
    expect(bkn.recommendingBody.body).toBe('BKN');
    expect(bkn).toMatchObject({ listeningOnly: false, notes: [], election: null, stageSource: null });
  });

  it('shows what was recorded, with the notes for the examiner', () => {
    const rec = recommendingBody({ date: '2024-09-23' });
    const stage = netralitasStage({ date: '2024-09-23' })!;
    const v = NeutralityElectionsService.view({
      ...base,
      occurred_on: '2024-09-23',
      recommending_body: rec.body,
      recommending_body_explanation: rec.explanation,
      election_code: stage.election,
      stage_source: 'ELECTION',
      stage_explanation: stage.explanation,
      listening_only: true,
    });
    expect(v).toMatchObject({ election: 'PILKADA_2024', stageSource: 'ELECTION', listeningOnly: true });
    expect(v.recommendingBody.name).toBe(rec.name);
    expect(v.stageExplanation?.inputs).toMatchObject({ penetapan: '2024-09-22' });
    expect(v.notes).toEqual([LISTENING_ONLY_NOTE]);
    const reported = NeutralityElectionsService.view({ ...base, occurred_on: '2026-01-20', stage_source: 'REPORTED' });
    expect(reported.notes).toEqual([STAGE_REPORTED_NOTE]);
  });
});
