import { ValidationError, ValidationPipe } from '@nestjs/common';
import { InvalidInputError, type ErrorDetail } from './domain-errors';

function flatten(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const isIndex = /^\d+$/.test(e.property);
    const field = prefix ? (isIndex ? `${prefix}[${e.property}]` : `${prefix}.${e.property}`) : e.property;
    for (const problem of Object.values(e.constraints ?? {})) {
      out.push({ field, problem: problem.replace(/^property \S+ /, '') });
    }
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/** Global validation: whitelist, forbid unknown fields, transform; 400 with per-field details. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidInputError('Data tidak valid / invalid input', flatten(errors)),
  });
}
