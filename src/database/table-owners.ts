/**
 * Which feature (folder under src/) owns which tables (docs/architecture.md prints the same table). A feature's SQL names
 * only its own tables; others reach them through the owner's published read ports.
 */
export const TABLE_OWNERS: Record<string, readonly string[]> = {
  identity: ['user_accounts', 'api_keys'],
  org: ['units', 'employees', 'employee_assignments', 'ppk_delegations', 'employee_events'],
  skp: ['skp', 'skp_results', 'skp_indicators', 'skp_behaviors', 'skp_feedback', 'skp_transitions'],
  'action-plans': ['skp_action_plans', 'skp_action_progress'],
  evaluation: [
    'evaluations',
    'evaluation_cadences',
    'evaluation_distribution_reports',
    'evaluation_evidence',
    'evaluation_feedback',
    'evaluation_realizations',
    'evaluation_revisions',
    'evaluation_transitions',
    'unit_performance',
  ],
  'angka-kredit': ['ak_education', 'ak_ledger_history', 'ak_ledgers', 'ak_openings'],
  allowance: [
    'allowance_adjustments',
    'allowance_holidays',
    'allowance_lines',
    'allowance_months',
    'allowance_rule_set_assignments',
    'allowance_rule_sets',
    'allowance_run_chunks',
    'allowance_runs',
    'allowance_working_days',
    'attendance_months',
  ],
  discipline: [
    'discipline_case_transitions',
    'discipline_cases',
    'discipline_escalations',
    'discipline_holidays',
    'discipline_rating_justifications',
    'discipline_sanctions',
    'discipline_scan_state',
  ],
  agency: ['agency_profile', 'agency_document_numbers'],
  outcomes: ['outcomes'],
  webhooks: ['webhook_subscriptions', 'webhook_deliveries'],
  audit: ['audit_log'],
  outbox: ['outbox'],
  jobs: ['job_receipts'],
};
