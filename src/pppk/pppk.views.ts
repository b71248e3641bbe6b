import type { ContractRecommendation, Explanation, Predicate } from '../rules';

export interface PppkContractView {
  id: string;
  startsOn: string | null;
  /** null = not recorded: a problem shown in the review list, never a default. */
  endsOn: string | null;
  reference: string | null;
  /** ADMIN (recorded) or EXTENSION (created by an extension decision). */
  source: 'ADMIN' | 'EXTENSION';
  current: boolean;
}

/** One contract review (04 §6): the proposal from `pppk.contractReview` and the person's decision. */
export interface ContractReviewView {
  id: string;
  nip: string;
  name: string;
  unitCode: string | null;
  contractId: string;
  contractEnd: string;
  reviewDue: string;
  latestAnnual: { period: string; predicate: Predicate } | null;
  /** CONTRACT_NOT_EXTENDED, EXTEND or EXTEND_WITH_COACHING; null when no annual predikat exists (warning PREDIKAT_MISSING). */
  proposal: ContractRecommendation | null;
  warnings: { code: string; message: string }[];
  explanation: Explanation;
  status: 'PROPOSED' | 'DECIDED';
  decision: {
    decision: 'EXTEND' | 'NOT_EXTENDED';
    newEndDate: string | null;
    newContractId: string | null;
    decidedOn: string;
    decidedBy: string;
    reason: string | null;
  } | null;
  createdAt: string;
}

/** A PPPK whose contract cannot be reviewed (no end date recorded). */
export interface ContractProblem {
  nip: string;
  name: string;
  unitCode: string | null;
  code: 'CONTRACT_END_MISSING';
  message: string;
}

export interface ContractReviewList {
  items: ContractReviewView[];
  problems: ContractProblem[];
}

export interface PppkContractDetail {
  nip: string;
  current: PppkContractView | null;
  history: PppkContractView[];
  reviews: ContractReviewView[];
  problems: ContractProblem[];
}
