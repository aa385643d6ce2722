import { HttpException, HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';

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
 * The global pipe: strip nothing silently. Unknown properties are an error (stops mass
 * assignment of fields such as `role`), values are converted to the DTO's types.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationProblemException(flattenValidationErrors(errors)),
  });
}
