import { Field, ObjectType } from 'type-graphql';
import { CatalogItem } from './catalog-item.type';
import { Node } from './node.type';
import { CertificationLevel } from './enums';

@ObjectType({
  implements: [CatalogItem, Node],
  description: 'A credential, earned by meeting its requirements.',
})
export class Certification extends CatalogItem {
  @Field(() => CertificationLevel)
  level!: CertificationLevel;

  @Field({ nullable: true })
  description?: string;
}
