/**
 * Typed error thrown by every rule function when its input is invalid.
 * `field` names the offending input path (e.g. "predicates[2].period") when known.
 */
export class RuleInputError extends Error {
  readonly code = 'RULE_INPUT_ERROR';
  readonly field?: string;
  constructor(message: string, field?: string) {
    super(field ? `${field}: ${message}` : message);
    this.name = 'RuleInputError';
    this.field = field;
    Object.setPrototypeOf(this, RuleInputError.prototype);
  }
}
