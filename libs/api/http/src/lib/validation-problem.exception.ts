import { type ArgumentMetadata, HttpException, HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { inspectInput } from './input-guards';

export { INT4_MAX, MAX_INPUT_DEPTH, queryInt } from './input-guards';

/** A request whose body, query or params failed validation; carries per-field messages. */
export class ValidationProblemException extends HttpException {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super('One or more fields are invalid.', HttpStatus.BAD_REQUEST);
  }
}

/** Flattens class-validator's nested errors into `{ 'address.city': ['…'] }`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) result[path] = Object.values(error.constraints);
    Object.assign(result, flattenValidationErrors(error.children ?? [], path));
  }
  return result;
}

/**
 * Before any DTO rule, every body, query and path parameter is checked for what no DTO may
 * accept (input-guards.ts): nesting deeper than class-transformer's recursion survives, NUL
 * characters and lone surrogates that PostgreSQL or UTF-8 cannot hold, and prototype keys
 * that class-transformer would drop silently. Custom decorators (the signed-in user) are ours.
 */
class GuardedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const errors = inspectInput(value, metadata.data ?? metadata.type);
      if (Object.keys(errors).length > 0) throw new ValidationProblemException(errors);
    }
    return super.transform(value, metadata);
  }
}

/**
 * The global pipe: strip nothing silently. Unknown properties are an error (stops mass
 * assignment of fields such as `role`). Nothing is converted implicitly: a DTO that reads a
 * number from the query string says so with `queryInt()`, and bodies are taken as JSON typed them.
 */
export function createValidationPipe(): ValidationPipe {
  return new GuardedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationProblemException(flattenValidationErrors(errors)),
  });
}
