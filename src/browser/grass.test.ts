import { readFile } from 'node:fs/promises';
import { GROUP_MODE_LABEL, NODE_LABELS, RELATIONSHIP_TYPES } from '../graph/model';
import { GRASS_FILE, GraphStyle, parseGrass } from './grass';

describe('parseGrass', () => {
  test('reads rules in order, keeps quoted braces, drops whitespace from selectors', () => {
    expect(
      parseGrass(`node { color: #FFF; }\nnode . Exam {\n  caption: '{code}';\n  diameter: 50px\n}`),
    ).toEqual({ node: { color: '#FFF' }, 'node.Exam': { caption: '{code}', diameter: '50px' } });
  });

  test('drops a declaration with a colon in its value, as Neo4j Browser does', () => {
    expect(parseGrass(`node.Exam { caption: '{code}: {name}'; color: #FFF; }`)).toEqual({
      'node.Exam': { color: '#FFF' },
    });
  });

  test('has no comments: text before a rule becomes part of its selector', () => {
    expect(Object.keys(parseGrass('/* style */ node { color: #FFF; }'))).toEqual(['/*style*/node']);
  });
});

describe('schema/browser/certgraph.grass', () => {
  let style: GraphStyle;
  beforeAll(async () => {
    style = parseGrass(await readFile(GRASS_FILE, 'utf8'));
  });

  test('every rule is a plain node or relationship selector that Browser understands', () => {
    for (const selector of Object.keys(style)) {
      expect(selector).toMatch(/^(node|relationship)(\.[A-Za-z_]+)?$/);
    }
  });

  test('each label has its own colour, a size and a caption; every graph label is covered', () => {
    const labels = [...NODE_LABELS, ...Object.values(GROUP_MODE_LABEL)];
    const colors = labels.map((label) => style[`node.${label}`].color);
    expect(colors.every(Boolean)).toBe(true);
    expect(new Set(colors).size).toBe(labels.length);
    for (const label of NODE_LABELS) {
      expect(style[`node.${label}`]).toHaveProperty('diameter');
      expect(style[`node.${label}`]).toHaveProperty('caption');
    }
  });

  test('captions: codes for exams and courses, names for certifications, "one of" for choices', () => {
    expect(style['node.Exam'].caption).toBe('{code}');
    expect(style['node.Course'].caption).toBe('{code}');
    expect(style['node.Certification'].caption).toBe('{name}');
    expect(style['node.OneOf'].caption).toBe('one of');
    expect(style['node.AllOf'].caption).toBe('all of');
  });

  test('a choice node stands out from the group colour; relationships are captioned with their type', () => {
    expect(style['node.OneOf'].color).not.toBe(style['node.RequirementGroup'].color);
    expect(style.relationship.caption).toBe('<type>');
    for (const type of RELATIONSHIP_TYPES) expect(style[`relationship.${type}`]).toBeDefined();
  });
});
