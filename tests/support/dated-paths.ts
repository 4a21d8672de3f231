import { TestApi } from './test-api';

const DATED_PATHS = `
query DatedPaths($code: String!, $asOf: Date, $holding: [String!], $minConfidence: Confidence) {
  certification(code: $code) {
    paths(asOf: $asOf, holding: $holding, minConfidence: $minConfidence) {
      asOf totalCount noPathReason
      nodes { confidence exams { code } certifications { code } }
    }
  }
}`;

export interface DatedPaths {
  asOf: string;
  totalCount: number;
  noPathReason: string | null;
  nodes: { confidence: string; exams: { code: string }[]; certifications: { code: string }[] }[];
}

/** `Certification.paths` of one certification as of a day, with its grades and no-path reason. */
export async function pathsOn(
  api: TestApi,
  code: string,
  asOf: string,
  options: { holding?: string[]; minConfidence?: string } = {},
): Promise<DatedPaths> {
  const data = await api.query<{ certification: { paths: DatedPaths } }>(DATED_PATHS, {
    code,
    asOf,
    ...options,
  });
  return data.certification.paths;
}
