/** Contract: entity lookup by label, alias or key, ignoring case, accents, spaces and hyphens; clear errors with suggestions. */
import { closestNames, editDistance, normalizeName, resolveEntity } from '../../src/analysis';
import { makeGraph } from './fixtures';

const graph = makeGraph(
  [
    ['kp', 'Corée du Nord', 'Country', ['RPDC', 'Pyongyang', 'North Korea']],
    ['ru', 'Russie', 'Country', ['Moscou', 'Russia']],
    ['kju', 'Kim Jong Un', 'Person', ['Kim Jong-un']],
    ['kyj', 'Kim Yo Jong', 'Person'],
    ['py', 'Pyongyang', 'Place'],
    ['hw', 'Hwasong-20', 'WeaponSystem'],
    ['sl', 'Sergueï Lavrov', 'Person', ['Lavrov']],
    ['g1', 'Général Ivanov', 'Person', ['le général']],
    ['g2', 'Général Petrov', 'Person', ['le général']],
  ],
  [],
);

describe('normalizeName / editDistance', () => {
  it('drops case, accents, spaces and punctuation', () => {
    expect(normalizeName('Corée du Nord')).toBe('coreedunord');
    expect(normalizeName('kim jong-un')).toBe(normalizeName('Kim Jong Un'));
    expect(normalizeName("l'Ukraine")).toBe('lukraine');
  });

  it('counts single-character edits', () => {
    expect(editDistance('russie', 'russia')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('resolveEntity', () => {
  it('finds labels and aliases whatever the case, accents, spaces or hyphens', () => {
    expect(resolveEntity(graph, 'coree du nord')).toBe('kp');
    expect(resolveEntity(graph, 'CORÉE-DU-NORD')).toBe('kp');
    expect(resolveEntity(graph, 'rpdc')).toBe('kp');
    expect(resolveEntity(graph, 'kim jong-un')).toBe('kju');
    expect(resolveEntity(graph, 'KimJongUn')).toBe('kju');
    expect(resolveEntity(graph, 'hwasong 20')).toBe('hw');
    expect(resolveEntity(graph, 'Serguei Lavrov')).toBe('sl');
  });

  it('accepts a node key as is', () => {
    expect(resolveEntity(graph, 'kyj')).toBe('kyj');
  });

  it('prefers a label over an alias: "Pyongyang" is the Place, not the Country it stands for', () => {
    expect(resolveEntity(graph, 'pyongyang')).toBe('py');
  });

  it('accepts whole words of one name ("Ivanov"), not fragments of words', () => {
    expect(resolveEntity(graph, 'ivanov')).toBe('g1');
    expect(() => resolveEntity(graph, 'ivan')).toThrow(/unknown entity "ivan"/);
  });

  it('calls a name shared by several entities ambiguous, naming each with its key', () => {
    expect(() => resolveEntity(graph, 'le général')).toThrow(/"le général" is ambiguous: .*Général Ivanov \(Person, key g1.*Général Petrov \(Person, key g2/);
    expect(() => resolveEntity(graph, 'kim')).toThrow(/"kim" is ambiguous: .*Kim Jong Un.*Kim Yo Jong/);
  });

  it('suggests the closest known names for an unknown one', () => {
    expect(() => resolveEntity(graph, 'Rusie')).toThrow(/newsgraph paths: unknown entity "Rusie"; closest known names: Russie \(Country, key ru\)/);
    expect(closestNames(graph, 'Hwasong-19', 1)[0].key).toBe('hw');
    expect(closestNames(graph, 'Korea du Nord', 1)[0].key).toBe('kp');
  });

  it('says when the graph is empty, and refuses an empty name', () => {
    expect(() => resolveEntity(makeGraph([], []), 'Russie')).toThrow(/the graph has no entities/);
    expect(() => resolveEntity(graph, ' - ')).toThrow(/empty entity name/);
  });
});
