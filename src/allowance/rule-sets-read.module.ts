import { Module } from '@nestjs/common';
import { RuleSetResolver } from './rule-set-resolver.service';
import { RuleSetsRepository } from './rule-sets.repository';

/** The allowance feature's published rule set reader (`RuleSetResolver`), for features that need an employee's rule set. */
@Module({ providers: [RuleSetResolver, RuleSetsRepository], exports: [RuleSetResolver, RuleSetsRepository] })
export class RuleSetsReadModule {}
