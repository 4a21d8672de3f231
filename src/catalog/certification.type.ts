import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { CERTIFICATION_LEVELS } from '../seed/catalog';
import { CatalogItem } from './catalog-item.type';

export const CertificationLevel = Object.fromEntries(
  CERTIFICATION_LEVELS.map((level) => [level, level]),
) as {
  [L in (typeof CERTIFICATION_LEVELS)[number]]: L;
};
export type CertificationLevel = (typeof CERTIFICATION_LEVELS)[number];
registerEnumType(CertificationLevel, { name: 'CertificationLevel' });

@ObjectType({
  implements: CatalogItem,
  description: 'A credential, earned by meeting its requirements.',
})
export class Certification extends CatalogItem {
  @Field(() => CertificationLevel)
  level!: CertificationLevel;

  @Field({ nullable: true })
  description?: string;
}
