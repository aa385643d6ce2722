import { Body, Controller, INestApplication, Module, Post } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsString, Max, Min, ValidateNested } from 'class-validator';
import request from 'supertest';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation-problem.exception';

class ContactDto {
  @IsEmail()
  email!: string;
}

class ExampleDto {
  @IsString()
  name!: string;

  @IsInt()
  @Min(1)
  @Max(10)
  rating!: number;

  @ValidateNested()
  @Type(() => ContactDto)
  contact!: ContactDto;
}

@Controller('examples')
class ExampleController {
  @Post()
  create(@Body() body: ExampleDto) {
    return { received: body, ratingType: typeof body.rating };
  }
}

@Module({ controllers: [ExampleController], providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }] })
class ExampleModule {}

/** The global pipe and filter together, as every DTO route will see them. */
describe('validation problems', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ExampleModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalPipes(createValidationPipe());
    await app.init();
  });

  afterAll(() => app.close());

  it('accepts a valid body', async () => {
    const response = await request(app.getHttpServer())
      .post('/examples')
      .send({ name: 'Goal', rating: 7, contact: { email: 'a@b.test' } })
      .expect(201);
    expect(response.body.ratingType).toBe('number');
  });

  it('lists every invalid field, nested ones by dotted path', async () => {
    const response = await request(app.getHttpServer())
      .post('/examples')
      .send({ name: 3, rating: 11, contact: { email: 'nope' } })
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: '/problems/validation', status: 400 });
    expect(Object.keys(response.body.errors).sort()).toEqual(['contact.email', 'name', 'rating']);
    expect(response.body.errors.rating).toEqual(['rating must not be greater than 10']);
  });

  it('refuses properties the DTO does not declare (no mass assignment)', async () => {
    const response = await request(app.getHttpServer())
      .post('/examples')
      .send({ name: 'Goal', rating: 2, contact: { email: 'a@b.test' }, role: 'admin' })
      .expect(400);
    expect(response.body.errors).toEqual({ role: ['property role should not exist'] });
  });

  it('never echoes submitted values back in the problem', async () => {
    const response = await request(app.getHttpServer())
      .post('/examples')
      .send({ name: 'Secret Name', rating: 99, contact: { email: 'secret@nowhere' } })
      .expect(400);
    expect(JSON.stringify(response.body)).not.toMatch(/Secret Name|secret@nowhere|99/);
  });
});
