import { ArrayMinSize, IsString, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { InvalidInput } from './domain-errors';
import { servicesValidationPipe } from './validation';

class PartyDto {
  @Matches(/^[A-Z]+$/, { message: 'code: must be upper-case letters' })
  code!: string;
}

class AgreementDto {
  @IsString()
  title!: string;

  @ArrayMinSize(2, { message: 'parties must name at least two parties' })
  @ValidateNested({ each: true })
  @Type(() => PartyDto)
  parties!: PartyDto[];
}

async function refusalOf(body: object): Promise<InvalidInput> {
  return servicesValidationPipe()
    .transform(body, { type: 'body', metatype: AgreementDto })
    .then(
      () => Promise.reject(new Error('expected a refusal')),
      (error: unknown) => error as InvalidInput,
    );
}

describe('the validation exceptionFactory', () => {
  it('names each broken constraint with a dotted path into the body and the constraint as the rule, the field left out of the message', async () => {
    const refusal = await refusalOf({ title: 7, parties: [{ code: 'KEMNAKER' }, { code: 'kemenumkm' }] });
    expect(refusal).toBeInstanceOf(InvalidInput);
    expect(refusal.errors).toEqual([
      { field: 'title', rule: 'isString', message: 'title must be a string' },
      { field: 'parties.1.code', rule: 'matches', message: 'must be upper-case letters' },
    ]);
  });

  it('refuses unknown properties by name', async () => {
    const refusal = await refusalOf({ title: 'MoU', parties: [{ code: 'A' }, { code: 'B' }], secret: 1 });
    expect(refusal.errors).toEqual([{ field: 'secret', rule: 'whitelistValidation', message: 'property secret should not exist' }]);
  });
});
