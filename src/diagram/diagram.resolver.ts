import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Certification } from '../catalog/certification.type';
import { Context } from '../context';
import { AS_OF_ARG, asOfDay, DateScalar } from '../history/as-of';
import { DiagramFormat } from './diagram-format';
import { toMermaid } from './mermaid';

@Resolver(() => Certification)
export class DiagramResolver {
  @FieldResolver(() => String, {
    description: 'The requirement graph drawn as a diagram, ready to render (e.g. in Markdown).',
  })
  async diagram(
    @Root() cert: Certification,
    @Ctx() { catalog }: Context,
    @Arg('format', () => DiagramFormat, { defaultValue: DiagramFormat.MERMAID })
    _format: DiagramFormat,
    @Arg('asOf', () => DateScalar, AS_OF_ARG) asOf?: Date | null,
  ) {
    return toMermaid(await catalog.requirementGraph(cert.code, asOfDay(asOf)));
  }
}
