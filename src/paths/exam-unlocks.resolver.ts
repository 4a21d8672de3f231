import { Args, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { Exam } from '../catalog/exam.type';
import { Context } from '../context';
import { UnlocksArgs, unlocksQuestion } from './path-args';
import { Unlock } from './unlock.type';

@Resolver(() => Exam)
export class ExamUnlocksResolver {
  @FieldResolver(() => [Unlock], {
    description:
      'Certifications this exam counts toward, at any depth, and what is left for each once it is passed.',
  })
  unlocks(@Root() exam: Exam, @Ctx() context: Context, @Args() args: UnlocksArgs) {
    const { holding, question } = unlocksQuestion(args);
    return context.paths.unlocks(exam.code, holding, question);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'The exam fee in US dollars, when a source gives it (null: unknown).',
  })
  priceUsd(@Root() exam: Exam & { priceUsd?: number }) {
    return exam.priceUsd ?? null;
  }
}
