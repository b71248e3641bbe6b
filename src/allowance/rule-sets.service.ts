import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError, ConflictError, NotFoundError, type ErrorDetail } from '../common/domain-errors';
import { RequestContext } from '../common/request-context';
import { TransactionHost, type TxHost } from '../database/transaction';
import { actorLabel } from '../identity/principal';
import { OrgDirectory } from '../org/org-directory.service';
import { R_TPP_DEMO, RuleInputError, mergeRuleSetOverrides, validateRuleSet, type AllowanceRuleSet } from '../rules';
import { isDate } from './months';
import { RuleSetsRepository, type RuleSetListItem, type RuleSetVersionRow } from './rule-sets.repository';

/** Built-in templates a PUT may start from. */
export const RULE_SET_TEMPLATES: Partial<Record<string, AllowanceRuleSet>> = { 'R-TPP-DEMO': R_TPP_DEMO };

const CODE_RE = /^[A-Z0-9][A-Z0-9_-]{0,39}$/;
/** Request fields that steer storage rather than being part of the rule set. */
const CONTROL_FIELDS = ['template', 'default', 'unitCodes'] as const;
/**
 * Every field of a rule set: anything else in a body is refused, not stored in the overrides. `satisfies`
 * makes a field added to AllowanceRuleSet a compile error until it is listed here.
 */
const RULE_SET_FIELDS = Object.keys({
  code: true,
  version: true,
  name: true,
  employerId: true,
  allowanceType: true,
  employerType: true,
  effectiveFrom: true,
  effectiveTo: true,
  legalRefs: true,
  status: true,
  ceilingTable: true,
  baseTable: true,
  criteriaComponents: true,
  split: true,
  kinMode: true,
  linearCap: true,
  curve: true,
  predikatFactor: true,
  predikatDeduction: true,
  predikatSource: true,
  predikatLag: true,
  predikatFactorBase: true,
  predikatMissing: true,
  disBase: true,
  lateBands: true,
  earlyBands: true,
  apelPct: true,
  tkMode: true,
  tkPct: true,
  consecutiveAbsenceFullCutDays: true,
  leaveRules: true,
  statusRules: true,
  hukdisMode: true,
  sedangExecutionMode: true,
  hukdisTable: true,
  hukdisBase: true,
  hukdisStacking: true,
  sanctionStart: true,
  deductionCap: true,
  capScope: true,
  rounding: true,
  tax: true,
  bpjs: true,
  minutesPerTmkDay: true,
  actingAddonPct: true,
  proration: true,
  acting: true,
  fwa: true,
  decemberFullPay: true,
  predikatForSplitPeriod: true,
  deathMonth: true,
} satisfies Record<keyof AllowanceRuleSet, true>);
const PREDIKAT_SOURCES = ['MONTHLY', 'QUARTERLY', 'ANNUAL'];

const isOneOf = (v: unknown, options: readonly string[]): boolean => typeof v === 'string' && options.includes(v);

export interface RuleSetVersionView {
  code: string;
  version: number;
  ref: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  template: string | null;
  overrides: Record<string, unknown> | null;
  ruleSet: AllowanceRuleSet;
  createdBy: string;
  createdAt: string;
}

/**
 * Allowance rule sets (spec 03 §11): each PUT adds an effective-dated version (code@version);
 * an open-ended earlier version is closed where the new one starts, any other overlap is a 409.
 * Assignment: `default: true` (agency default) and `unitCodes` (units; sub-units inherit).
 */
@Injectable()
export class RuleSetsService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly ruleSets: RuleSetsRepository,
    private readonly org: OrgDirectory,
    private readonly audit: AuditService,
  ) {}

  async put(
    codeParam: string,
    raw: unknown,
  ): Promise<RuleSetVersionView & { default: boolean; unitCodes: string[]; closedVersion: number | null }> {
    const code = codeParam;
    if (!CODE_RE.test(code))
      throw new InvalidInputError('Kode rule set tidak valid / invalid rule set code', [
        { field: 'code', problem: 'must be 1–40 characters A–Z, 0–9, "-" or "_"' },
      ]);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new InvalidInputError('Data tidak valid / invalid input', [
        { field: 'body', problem: 'must be a JSON object' },
      ]);
    const body = raw as Record<string, unknown>;
    const details: ErrorDetail[] = [];
    const makeDefault = body.default === undefined ? false : body.default;
    if (typeof makeDefault !== 'boolean') details.push({ field: 'default', problem: 'must be a boolean' });
    const unitCodes = body.unitCodes === undefined ? [] : body.unitCodes;
    if (!Array.isArray(unitCodes) || unitCodes.some((u) => typeof u !== 'string'))
      details.push({ field: 'unitCodes', problem: 'must be an array of unit codes' });
    const template = body.template === undefined ? null : body.template;
    // An own key only: `toString` and the other Object.prototype names are not templates.
    const templateBody =
      typeof template === 'string' && Object.hasOwn(RULE_SET_TEMPLATES, template)
        ? RULE_SET_TEMPLATES[template]
        : undefined;
    if (template !== null && !templateBody) {
      details.push({ field: 'template', problem: `must be one of ${Object.keys(RULE_SET_TEMPLATES).join(', ')}` });
    }
    if (!isDate(body.effectiveFrom)) details.push({ field: 'effectiveFrom', problem: 'must be a date YYYY-MM-DD' });
    if (
      body.effectiveTo !== undefined &&
      body.effectiveTo !== null &&
      (!isDate(body.effectiveTo) || (isDate(body.effectiveFrom) && body.effectiveTo <= body.effectiveFrom))
    ) {
      details.push({
        field: 'effectiveTo',
        problem: 'must be null or a date YYYY-MM-DD after effectiveFrom (exclusive end)',
      });
    }
    for (const k of Object.keys(body)) {
      if (!(CONTROL_FIELDS as readonly string[]).includes(k) && !RULE_SET_FIELDS.includes(k))
        details.push({ field: k, problem: 'unknown field' });
    }
    if (body.code !== undefined && body.code !== code)
      details.push({ field: 'code', problem: `must equal the code in the path (${code})` });
    if (details.length) throw new InvalidInputError('Rule set tidak valid / invalid rule set', details);

    const overrides: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(body)) if (!(CONTROL_FIELDS as readonly string[]).includes(k)) overrides[k] = v;
    const base: Record<string, unknown> = templateBody
      ? (mergeRuleSetOverrides(structuredClone(templateBody), overrides) as unknown as Record<string, unknown>)
      : { employerId: 'AGENCY', legalRefs: [], status: 'INFERRED', ...overrides };
    base.code = code;
    base.effectiveTo = body.effectiveTo ?? null;
    const ruleSet = this.validate(base);

    return this.txHost.withTransaction(async () => {
      await this.ruleSets.lockCode(code);
      const existing = await this.ruleSets.versions(code);
      const version = existing.reduce((mx, r) => Math.max(mx, r.version), 0) + 1;
      ruleSet.version = version;
      const from = ruleSet.effectiveFrom;
      const to = ruleSet.effectiveTo;
      // An open-ended version that starts earlier is superseded from the new version's start.
      let closedVersion: number | null = null;
      const open = existing.find((r) => r.effective_to === null && r.effective_from < from);
      const overlaps = existing.filter(
        (r) => r !== open && r.effective_from < (to ?? '9999-12-31') && from < (r.effective_to ?? '9999-12-31'),
      );
      if (overlaps.length) {
        throw new ConflictError(
          `Masa berlaku tumpang tindih dengan versi ${overlaps.map((r) => `${code}@${r.version}`).join(', ')} / overlapping effective dates`,
          [
            {
              field: 'effectiveFrom',
              problem: `overlaps ${overlaps.map((r) => `${code}@${r.version} [${r.effective_from}, ${r.effective_to ?? '∞'})`).join(', ')}`,
            },
          ],
        );
      }
      if (open) {
        await this.ruleSets.closeVersion(code, open.version, from);
        closedVersion = open.version;
        await this.audit.record({
          action: 'allowance.rule-set.superseded',
          entityType: 'allowance_rule_set',
          entityId: `${code}@${open.version}`,
          before: { effectiveTo: null },
          after: { effectiveTo: from },
          reason: `superseded by ${code}@${version}`,
        });
      }
      const { actor } = actorLabel(RequestContext.principal());
      const row = await this.ruleSets.insertVersion({
        code,
        version,
        effectiveFrom: from,
        effectiveTo: to,
        ruleSet,
        template: template as string | null,
        overrides: template ? overrides : null,
        createdBy: actor,
      });
      const assigned = await this.assign(code, makeDefault as boolean, unitCodes as string[]);
      await this.audit.record({
        action: 'allowance.rule-set.version-added',
        entityType: 'allowance_rule_set',
        entityId: `${code}@${version}`,
        before: null,
        after: { template, overrides: template ? overrides : undefined, ruleSet, default: makeDefault, unitCodes },
      });
      return { ...this.view(code, row), ...assigned, closedVersion };
    });
  }

  async get(
    code: string,
  ): Promise<{ code: string; default: boolean; unitCodes: string[]; versions: RuleSetVersionView[] }> {
    const rows = await this.ruleSets.versions(code);
    if (rows.length === 0) throw new NotFoundError('Rule set');
    return {
      code,
      ...(await this.assignmentsOf(code)),
      versions: rows.map((r) => this.view(code, r)),
    };
  }

  async list(): Promise<{ items: RuleSetListItem[] }> {
    return { items: await this.ruleSets.list() };
  }

  /** Seeds a template as a version and makes it the agency default when no default exists (idempotent). */
  async ensureTemplateDefault(template: string, effectiveFrom: string): Promise<{ created: boolean }> {
    if (await this.ruleSets.exists(template)) return { created: false };
    const hasDefault = await this.ruleSets.hasDefault();
    await this.put(template, { template, effectiveFrom, default: !hasDefault });
    return { created: true };
  }

  /** Checks a candidate as it arrives: any field may be missing or of any type until validated. */
  private validate(rs: Record<string, unknown>): AllowanceRuleSet {
    const details: ErrorDetail[] = [];
    try {
      validateRuleSet(rs);
    } catch (err) {
      if (!(err instanceof RuleInputError)) throw err;
      details.push({
        field: (err.field ?? 'ruleSet').replace(/^ruleSet\.?/, '') || 'body',
        problem: err.message.replace(/^[^:]*: /, ''),
      });
    }
    if (typeof rs.employerId !== 'string') details.push({ field: 'employerId', problem: 'must be a string' });
    if (!isOneOf(rs.allowanceType, ['TPP', 'TUKIN']))
      details.push({ field: 'allowanceType', problem: 'must be TPP | TUKIN' });
    if (!isOneOf(rs.employerType, ['PEMDA', 'PUSAT']))
      details.push({ field: 'employerType', problem: 'must be PEMDA | PUSAT' });
    if (!Array.isArray(rs.legalRefs) || rs.legalRefs.some((x) => typeof x !== 'string'))
      details.push({ field: 'legalRefs', problem: 'must be an array of strings' });
    if (!isOneOf(rs.predikatSource, PREDIKAT_SOURCES))
      details.push({ field: 'predikatSource', problem: `must be one of ${PREDIKAT_SOURCES.join(' | ')}` });
    if (rs.predikatLag !== 0 && rs.predikatLag !== 1) details.push({ field: 'predikatLag', problem: 'must be 0 or 1' });
    if (typeof rs.baseTable === 'object' && rs.baseTable !== null) {
      for (const [k, v] of Object.entries(rs.baseTable)) {
        if (!/^([1-9]|1[0-7])$/.test(k))
          details.push({ field: `baseTable.${k}`, problem: 'kelas jabatan must be 1..17' });
        else if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
          details.push({ field: `baseTable.${k}`, problem: 'must be a non-negative integer (rupiah)' });
      }
    }
    if (rs.kinMode === 'PREDIKAT' && !rs.predikatFactor && !rs.predikatDeduction)
      details.push({
        field: 'predikatFactor',
        problem: 'predikatFactor or predikatDeduction is required for kinMode PREDIKAT',
      });
    if (rs.kinMode !== 'PREDIKAT')
      details.push({
        field: 'kinMode',
        problem: 'only PREDIKAT is supported by monthly runs (no monthly capaian source yet)',
      });
    if (details.length) throw new InvalidInputError('Rule set tidak valid / invalid rule set', details);
    return JSON.parse(JSON.stringify(rs)) as AllowanceRuleSet;
  }

  private async assign(
    code: string,
    makeDefault: boolean,
    unitCodes: string[],
  ): Promise<{ default: boolean; unitCodes: string[] }> {
    if (makeDefault) await this.ruleSets.setDefault(code);
    if (unitCodes.length) {
      const units = await this.org.unitsByCodes(unitCodes);
      const known = new Set(units.map((u) => u.code));
      const unknown = unitCodes.map((c, i) => ({ c, i })).filter(({ c }) => !known.has(c));
      if (unknown.length) {
        throw new InvalidInputError(
          'Unit tidak dikenal / unknown units',
          unknown.map(({ c, i }) => ({ field: `unitCodes[${i}]`, problem: `unknown unit ${c}` })),
        );
      }
      await this.ruleSets.assignUnits(
        units.map((u) => u.id),
        code,
      );
    }
    return this.assignmentsOf(code);
  }

  /** Where a code is assigned: the agency default and the units (by code; unit codes come from the org directory). */
  private async assignmentsOf(code: string): Promise<{ default: boolean; unitCodes: string[] }> {
    const unitIds = await this.ruleSets.assignedUnitIds(code);
    const ids = unitIds.filter((u): u is string => u !== null);
    const units = ids.length ? await this.org.unitsByIds(ids) : [];
    return {
      default: unitIds.includes(null),
      unitCodes: units.map((u) => u.code).sort((a, b) => a.localeCompare(b)),
    };
  }

  private view(code: string, r: RuleSetVersionRow): RuleSetVersionView {
    return {
      code,
      version: r.version,
      ref: `${code}@${r.version}`,
      effectiveFrom: r.effective_from,
      effectiveTo: r.effective_to,
      template: r.template,
      overrides: r.overrides,
      ruleSet: r.body,
      createdBy: r.created_by,
      createdAt: new Date(r.created_at).toISOString(),
    };
  }
}
