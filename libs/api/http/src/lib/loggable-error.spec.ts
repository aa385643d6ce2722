import { QueryFailedError } from 'typeorm';
import { loggableError } from './loggable-error';

describe('loggableError', () => {
  it('keeps a database error’s code, objects and SQL but none of its values', () => {
    const driverError = Object.assign(new Error('invalid input syntax for type date: "Delgado, Maria 1984-02-11"'), {
      code: '22007',
      detail: 'Key (email)=(maria.delgado@example.test) already exists.',
      table: 'participants',
      column: 'date_of_birth',
      routine: 'DateTimeParseError',
    });
    const error = new QueryFailedError('UPDATE participants SET date_of_birth = $1 WHERE id = $2', ['Delgado, Maria 1984-02-11', 'a1b2'], driverError);

    const logged = loggableError(error);
    const serialized = JSON.stringify(logged);

    expect(serialized).not.toContain('Delgado');
    expect(serialized).not.toContain('maria.delgado');
    expect(logged).toMatchObject({
      type: 'QueryFailedError',
      code: '22007',
      table: 'participants',
      column: 'date_of_birth',
      routine: 'DateTimeParseError',
      query: 'UPDATE participants SET date_of_birth = $1 WHERE id = $2',
      message: 'invalid input syntax for type date: "…"',
    });
    expect(logged.stack?.split('\n')[0]).toBe('QueryFailedError: invalid input syntax for type date: "…"');
  });

  it('treats pg’s own error (the audit writer’s pool) like a wrapped one', () => {
    const error = Object.assign(new Error('invalid input syntax for type uuid: "Renee Jackson"'), { code: '22P02', detail: 'Renee Jackson' });
    const logged = loggableError(error);
    expect(JSON.stringify(logged)).not.toContain('Renee');
    expect(logged).toMatchObject({ code: '22P02', message: 'invalid input syntax for type uuid: "…"' });
  });

  it('keeps another error’s message and stack', () => {
    const error = new TypeError('Cannot read properties of undefined (reading "id")');
    expect(loggableError(error)).toEqual({ type: 'TypeError', message: error.message, stack: error.stack });
  });

  it('describes a thrown non-Error without its value', () => {
    expect(loggableError('Maria Delgado')).toEqual({ type: 'string', message: 'A non-Error value was thrown.' });
  });
});
