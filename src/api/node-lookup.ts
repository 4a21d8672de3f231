import { BadUserInputError } from '../errors';
import { Node } from '../model/node.type';
import { RequirementGroup } from '../model/requirement.type';
import { CatalogSnapshot } from '../store/snapshot/catalog-snapshot';
import { requirementsOn } from '../store/snapshot/requirements';

const ITEM_ID = /^(Certification|Exam|Course):([^@]+)$/;
const GROUP_ID = /^RequirementGroup:([^@/]+)((?:\/\d+)*)@(\d{4}-\d{2}-\d{2})$/;

/**
 * The object a Node id names, from the request's snapshot: null when nothing has that id (any
 * more, or yet), a BAD_USER_INPUT naming `argument` when it is not an id this API gives out.
 */
export function nodeById(catalog: CatalogSnapshot, id: string, argument: string): Node | null {
  const item = ITEM_ID.exec(id);
  if (item) {
    const [, label, code] = item as unknown as [
      string,
      'Certification' | 'Exam' | 'Course',
      string,
    ];
    return catalog.item(label, code);
  }
  const group = GROUP_ID.exec(id);
  if (group) {
    const [, code, path, day] = group as unknown as [string, string, string, string];
    if (!catalog.item('Certification', code)) return null;
    return findGroup(requirementsOn(catalog, code, day), `${code}${path}`);
  }
  throw new BadUserInputError(`${argument}: "${id}" is not an id this API gives out`, argument);
}

function findGroup(group: RequirementGroup, key: string): RequirementGroup | null {
  if (group.key === key) return group;
  for (const ref of group.refs) {
    if (ref.kind !== 'RequirementGroup') continue;
    const found = findGroup(ref.group, key);
    if (found) return found;
  }
  return null;
}
