/**
 * Contract: graph-data/knowledge/gazetteer.json is schema-valid domain data that
 * loads through loadGazetteer and passes auditGazetteer (no same-type name
 * clash outside sharedNames, Countries with demonyms, Persons with roles,
 * well-typed references, unique Wikidata ids); and both functions refuse bad
 * input with an error or problem that names it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Gazetteer, GazetteerEntry } from '../../src/extract/knowledge';
import { auditGazetteer, gazetteerNameKey, loadGazetteer } from '../../src/extract/knowledge';

/** Several hundred entries are expected; far fewer means the file was truncated or badly merged. */
const MIN_ENTITIES = 300;

describe('the shipped gazetteer', () => {
  const gazetteer = loadGazetteer();
  const byId = new Map(gazetteer.entities.map((e) => [e.id, e]));
  const ofType = (type: GazetteerEntry['type']) => gazetteer.entities.filter((e) => e.type === type);

  test('loads and holds entities of every type', () => {
    expect(gazetteer.entities.length).toBeGreaterThanOrEqual(MIN_ENTITIES);
    for (const type of ['Country', 'Person', 'Organization', 'Treaty', 'WeaponSystem', 'Place'] as const) {
      expect(ofType(type).length).toBeGreaterThan(0);
    }
  });

  test('passes the consistency audit', () => {
    expect(auditGazetteer(gazetteer)).toEqual([]);
  });

  test('every Country has demonyms and every Person a role held at a Country or Organization', () => {
    expect(ofType('Country').filter((c) => (c.demonyms ?? []).length === 0).map((c) => c.id)).toEqual([]);
    const badRoles = ofType('Person').flatMap((p) =>
      (p.roles ?? []).length === 0 ? [`${p.id}: none`] : (p.roles ?? []).filter((r) => !['Country', 'Organization'].includes(byId.get(r.of)?.type ?? '')).map((r) => `${p.id}: ${r.of}`),
    );
    expect(badRoles).toEqual([]);
  });

  test('role periods are ordered when both ends are given', () => {
    const reversed = ofType('Person').flatMap((p) => (p.roles ?? []).filter((r) => r.since && r.until && r.since > r.until).map((r) => `${p.id}: ${r.title}`));
    expect(reversed).toEqual([]);
  });

  test('wikidata ids are well-formed Q-numbers', () => {
    for (const e of gazetteer.entities) if (e.wikidata !== undefined) expect(e.wikidata).toMatch(/^Q[1-9]\d*$/);
  });

  test('a capital that stands for its Country is also a Place located in that Country', () => {
    const placeByName = new Map<string, GazetteerEntry>();
    for (const place of ofType('Place')) for (const n of [place.label, ...place.aliases]) placeByName.set(gazetteerNameKey(n), place);
    const mismatched: string[] = [];
    for (const country of ofType('Country')) {
      for (const metonym of country.metonyms ?? []) {
        const place = placeByName.get(gazetteerNameKey(metonym));
        if (place !== undefined && place.country !== undefined && place.country !== country.id) mismatched.push(`${metonym}: ${place.id} in ${place.country}, metonym of ${country.id}`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  test('every capital written as a Country metonym is also a Place, so "à <capitale>" can be a location (seats of government apart)', () => {
    const seats = new Set(['kremlin', 'elysee', 'downing street']);
    const placeNames = new Set(ofType('Place').flatMap((p) => [p.label, ...p.aliases].map(gazetteerNameKey)));
    const missing = ofType('Country').flatMap((c) =>
      (c.metonyms ?? []).filter((m) => /^\p{Lu}/u.test(m) && !seats.has(gazetteerNameKey(m)) && !placeNames.has(gazetteerNameKey(m))).map((m) => `${c.id}: ${m}`),
    );
    expect(missing).toEqual([]);
  });

  test('weak aliases are kept apart from strong names of the same entity', () => {
    const doubled = gazetteer.entities.flatMap((e) => {
      const strong = new Set([e.label, ...e.aliases].map(gazetteerNameKey));
      return (e.weakAliases ?? []).filter((w) => strong.has(gazetteerNameKey(w))).map((w) => `${e.id}: ${w}`);
    });
    expect(doubled).toEqual([]);
  });
});

describe('gazetteerNameKey', () => {
  test('folds case, accents, hyphens, apostrophes and dots to one key', () => {
    expect(gazetteerNameKey('Nord-Coréennes')).toBe('nord coreennes');
    expect(gazetteerNameKey("Conseil de sécurité de l'ONU")).toBe(gazetteerNameKey('conseil de securite de l’onu'));
    expect(gazetteerNameKey('Choe Sŏn-hŭi')).toBe('choe son hui');
    expect(gazetteerNameKey(' U.S. ')).toBe('u s');
  });
});

/** A small valid gazetteer built for these tests. */
function fixture(): Gazetteer {
  return {
    version: 1,
    entities: [
      { id: 'atlantis', type: 'Country', label: 'Atlantide', aliases: ['Atlantis'], demonyms: ['atlante', 'atlantes'], metonyms: ['Poséidonia'] },
      { id: 'poseidonia', type: 'Place', label: 'Poséidonia', aliases: [], country: 'atlantis' },
      { id: 'atlantis_navy', type: 'Organization', label: 'marine atlante', aliases: ['flotte atlante'], country: 'atlantis' },
      { id: 'ann_lee', type: 'Person', label: 'Ann Lee', aliases: [], country: 'atlantis', roles: [{ title: 'amirale', of: 'atlantis_navy', leads: true }], weakAliases: ['Lee'] },
      { id: 'bo_lee', type: 'Person', label: 'Bo Lee', aliases: [], country: 'atlantis', roles: [{ title: 'ministre', of: 'atlantis' }], weakAliases: ['Lee'] },
    ],
  };
}

describe('auditGazetteer on crafted gazetteers', () => {
  test('a clean fixture has no problems, although two Persons share a weak alias and a Place shares a Country metonym', () => {
    expect(auditGazetteer(fixture())).toEqual([]);
  });

  test('reports a strong name claimed by two entities of one type, after folding', () => {
    const g = fixture();
    g.entities[3].aliases.push('A. Lee');
    g.entities[4].aliases.push('a-lee');
    expect(auditGazetteer(g)).toEqual([expect.stringContaining('"a lee" is claimed by ann_lee, bo_lee')]);
  });

  test('accepts that clash once listed in sharedNames, and only for the listed ids', () => {
    const g = fixture();
    g.entities[3].aliases.push('A. Lee');
    g.entities[4].aliases.push('A Lee');
    g.sharedNames = [{ name: 'A Lee', ids: ['ann_lee', 'bo_lee'], reason: 'test' }];
    expect(auditGazetteer(g)).toEqual([]);
    g.sharedNames = [{ name: 'A Lee', ids: ['ann_lee', 'atlantis_navy'], reason: 'test' }];
    expect(auditGazetteer(g)).toHaveLength(1);
  });

  test('reports a weak alias that is another entity’s strong name', () => {
    const g = fixture();
    g.entities[4].aliases.push('Lee');
    expect(auditGazetteer(g)).toEqual([expect.stringContaining('ann_lee: weak alias "Lee" is a strong name of bo_lee')]);
  });

  test('reports a Country without demonyms, a Person without roles and a mistyped reference', () => {
    const g = fixture();
    delete g.entities[0].demonyms;
    g.entities[4].roles = [];
    g.entities[2].country = 'poseidonia';
    expect(auditGazetteer(g).sort()).toEqual([
      'atlantis: Country without demonyms',
      'atlantis_navy: country "poseidonia" is a Place',
      'bo_lee: Person without roles',
    ]);
  });

  test('reports one Wikidata id on two entities', () => {
    const g = fixture();
    g.entities[0].wikidata = 'Q42';
    g.entities[1].wikidata = 'Q42';
    expect(auditGazetteer(g)).toEqual(['wikidata Q42 is on both atlantis and poseidonia']);
  });
});

describe('loadGazetteer on bad files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-gazetteer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (content: unknown) => writeFileSync(path.join(dir, 'gazetteer.json'), typeof content === 'string' ? content : JSON.stringify(content));
  const file = () => path.join(dir, 'gazetteer.json');

  test('loads the valid fixture and keeps role periods and sharedNames', () => {
    const g = fixture();
    g.entities[3].roles = [{ title: 'amirale', of: 'atlantis_navy', leads: true, since: '2024-05', until: '2025' }];
    g.sharedNames = [{ name: 'Lee', ids: ['ann_lee', 'bo_lee'], reason: 'surname' }];
    write(g);
    const loaded = loadGazetteer(dir);
    expect(loaded.entities.map((e) => e.id)).toEqual(g.entities.map((e) => e.id));
    expect(loaded.entities[3].roles?.[0]).toEqual({ title: 'amirale', of: 'atlantis_navy', leads: true, since: '2024-05', until: '2025' });
    expect(loaded.sharedNames).toHaveLength(1);
  });

  test('refuses invalid JSON, naming the file', () => {
    write('{ "version": 1, "entities": [ ');
    expect(() => loadGazetteer(dir)).toThrow(file());
  });

  test('refuses a missing file, naming it', () => {
    expect(() => loadGazetteer(dir)).toThrow(/cannot read .*gazetteer\.json/);
  });

  test('refuses a duplicate id', () => {
    const g = fixture();
    g.entities.push({ ...g.entities[1], label: 'Poséidonia bis' });
    write(g);
    expect(() => loadGazetteer(dir)).toThrow(`${file()}: duplicate id "poseidonia"`);
  });

  test('refuses a dangling country, parent, role or sharedNames reference', () => {
    const cases: ((g: Gazetteer) => void)[] = [
      (g) => (g.entities[1].country = 'lemuria'),
      (g) => (g.entities[2].parent = 'lemuria'),
      (g) => (g.entities[4].roles = [{ title: 'ministre', of: 'lemuria' }]),
      (g) => (g.sharedNames = [{ name: 'Lee', ids: ['ann_lee', 'lemuria'], reason: 'x' }]),
    ];
    for (const breakIt of cases) {
      const g = fixture();
      breakIt(g);
      write(g);
      expect(() => loadGazetteer(dir)).toThrow(new RegExp(`${file().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: .*unknown id "lemuria"`));
    }
  });

  test('refuses schema violations: bad id slug, unknown type, malformed wikidata, malformed role date', () => {
    const cases: [(g: Gazetteer) => void, RegExp][] = [
      [(g) => (g.entities[0].id = 'Atlantis-1'), /entities\.0\.id/],
      [(g) => ((g.entities[0] as { type: string }).type = 'Nation'), /entities\.0\.type/],
      [(g) => (g.entities[0].wikidata = '159'), /entities\.0\.wikidata/],
      [(g) => (g.entities[3].roles = [{ title: 'amirale', of: 'atlantis_navy', since: 'mai 2024' }]), /entities\.3\.roles\.0\.since/],
    ];
    for (const [breakIt, where] of cases) {
      const g = fixture();
      breakIt(g);
      write(g);
      expect(() => loadGazetteer(dir)).toThrow(where);
      expect(() => loadGazetteer(dir)).toThrow(file());
    }
  });
});
