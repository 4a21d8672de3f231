import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isAvailableOn } from '../domain/status';
import { Certification } from '../model/certification.type';
import { Course } from '../model/course.type';
import { Price } from '../model/cost.type';
import { Exam } from '../model/exam.type';
import { Unlock } from '../model/unlock.type';
import { AsOfArgs, dayOf } from './args/as-of.args';
import { pathQuestion, UnlocksArgs } from './args/path.args';
import { requiredBy } from '../store/snapshot/requirements';
import { countedHolding } from './args/holdings';
import { Context } from './context';
import { SuccessionFields } from './succession.fields';

/** Every field of Exam beyond its own properties. */
@Resolver(() => Exam)
export class ExamResolver extends SuccessionFields(Exam) {
  @FieldResolver(() => [Course], {
    description:
      'Instructor-led courses that prepare for this exam and are offered on the day asked (not retired, not yet to come).',
  })
  courses(@Root() exam: Exam, @Ctx() { catalog }: Context, @Args() { asOf }: AsOfArgs) {
    const day = dayOf(asOf);
    return catalog.coursesFor(exam.code).filter((course) => isAvailableOn(course, day));
  }

  @FieldResolver(() => [Certification], {
    description:
      'Certifications that require this exam on the day asked, directly or as one of their alternatives.',
  })
  requiredBy(@Root() exam: Exam, @Ctx() { catalog }: Context, @Args() { asOf }: AsOfArgs) {
    return requiredBy(catalog, 'Exam', exam.code, dayOf(asOf));
  }

  @FieldResolver(() => Price, {
    nullable: true,
    description: 'The exam fee with its sources and grade; null when no source gives one.',
  })
  price(@Root() exam: Exam): Price | null {
    if (exam.priceUsd === undefined || !exam.priceConfidence) return null;
    return {
      usd: exam.priceUsd,
      confidence: exam.priceConfidence,
      sources: exam.priceSources ?? [],
      notes: exam.priceNotes ?? [],
    };
  }

  @FieldResolver(() => [Unlock], {
    description:
      'Certifications this exam counts toward, at any depth, and what is left for each once it is passed.',
  })
  unlocks(@Root() exam: Exam, @Ctx() { paths, catalog }: Context, @Args() args: UnlocksArgs) {
    return paths.unlocks(exam.code, countedHolding(catalog, args), pathQuestion(args, 'SECONDARY'));
  }
}
