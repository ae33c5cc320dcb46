/**
 * Contract of findMentions (src/extract/mentions): gazetteer names matched
 * loosely but on word boundaries, capitals typed as Place or Country by their
 * role, unknown entities found from cues, coreference inside one article, no
 * entity in bylines or credits, offsets that point at the surface.
 */
import { findMentions } from '../../src/extract/mentions';
import type { Mention } from '../../src/extract/types';
import { makeArticle, makeKnowledgeBase } from './mentions.fixture';

const kb = makeKnowledgeBase();

function run(text: string) {
  const article = makeArticle(text);
  return { article, ...findMentions(article, kb) };
}

/** The mention whose surface is `surface` (the n-th one, from 0). */
function mentionOf(mentions: Mention[], surface: string, n = 0): Mention | undefined {
  return mentions.filter((m) => m.surface === surface)[n];
}

const ids = (mentions: Mention[]): string[] => mentions.map((m) => m.entityId);

describe('findMentions: gazetteer names', () => {
  test('folds accents, case, hyphens and apostrophes, keeping offsets on the original text', () => {
    const { article, mentions } = run("Les Etats Unis et l'ONU ont critiqué la CORÉE DU NORD, tandis que d’Ukraine arrivaient des nouvelles.");
    expect(ids(mentions)).toEqual(['united_states', 'united_nations', 'north_korea', 'ukraine']);
    for (const m of mentions) expect(article.text.slice(m.start, m.end)).toBe(m.surface);
    expect(mentionOf(mentions, 'ONU')).toBeDefined();
    expect(mentionOf(mentions, 'Ukraine')).toBeDefined();
  });

  test('matches after elisions: qu’Israël, l’ONU', () => {
    const { mentions } = run("Il pense qu'Israël soutient l’ONU.");
    expect(ids(mentions)).toEqual(['israel', 'united_nations']);
  });

  test('respects word boundaries: no Iran inside Tiranë or Iranien-like words', () => {
    const { mentions } = run('Le ministre est arrivé à Tiranë puis à Téhéran, loin des Tiraniens.');
    expect(ids(mentions)).not.toContain('iran');
  });

  test('prefers the longest name at a position', () => {
    const { mentions } = run('La Fédération de Russie proteste.');
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({ entityId: 'russia', surface: 'Fédération de Russie', via: 'alias' });
  });

  test('short acronyms match only in capitals', () => {
    const upper = run('Les forces US et l’UN sont présentes.');
    expect(ids(upper.mentions)).toEqual(['united_states', 'united_nations']);
    const lower = run('Let us see: un soldat est venu avec un ami.');
    expect(lower.mentions).toEqual([]);
  });

  test('capitals inside a multi-word name must stay capitals (Le Point is not "le point")', () => {
    expect(ids(run('Le point principal reste la sécurité.').mentions)).toEqual([]);
    expect(ids(run('Selon Le Point, la tension monte.').mentions)).toEqual(['le_point']);
  });

  test('returns one record per entity, with gazetteer label, aliases and wikidata', () => {
    const { entities } = run('La Russie et la Russie encore, puis les Russes.');
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ id: 'russia', label: 'Russie', type: 'Country', wikidata: 'Q159', known: true });
    expect(entities[0].aliases).toContain('Russia');
  });
});

describe('findMentions: demonyms', () => {
  test.each([
    ['Des soldats nord-coréens combattent.', 'nord-coréens', 'north_korea'],
    ['Le leader nord-coréen parle.', 'nord-coréen', 'north_korea'],
    ['Les Russes avancent.', 'Russes', 'russia'],
    ['Une frappe ukrainienne a eu lieu.', 'ukrainienne', 'ukraine'],
    ['Les autorités nord-coréennes démentent.', 'nord-coréennes', 'north_korea'],
  ])('%s → the country', (text, surface, id) => {
    const m = mentionOf(run(text).mentions, surface);
    expect(m).toMatchObject({ entityId: id, type: 'Country', via: 'demonym' });
  });

  test('an adjective of a place still names the state, beside the place', () => {
    const { mentions } = run('Les combats continuent dans la région russe de Koursk.');
    expect(mentionOf(mentions, 'russe')).toMatchObject({ entityId: 'russia', type: 'Country' });
    expect(mentionOf(mentions, 'Koursk')).toMatchObject({ entityId: 'kursk', type: 'Place' });
  });
});

describe('findMentions: a capital is a Place where it is a location, the Country where it acts', () => {
  test.each([
    ['Moscou a fourni des obus.', 'Moscou', 'russia', 'Country'],
    ['Pyongyang rejette ces accusations.', 'Pyongyang', 'north_korea', 'Country'],
    ['Selon Séoul, les troupes sont parties.', 'Séoul', 'south_korea', 'Country'],
    ["L'alliance entre Moscou et Pyongyang inquiète.", 'Pyongyang', 'north_korea', 'Country'],
    ['Moscou fournirait à Pyongyang des technologies.', 'Pyongyang', 'north_korea', 'Country'],
    ['Les pressions sur le Kremlin augmentent.', 'le Kremlin', 'russia', 'Country'],
    ['Les délégations se sont rencontrées à Pyongyang.', 'Pyongyang', 'pyongyang', 'Place'],
    ['Lors de sa visite à Pyongyang, il a signé.', 'Pyongyang', 'pyongyang', 'Place'],
    ["Elle a récemment visité Moscou pour des entretiens.", 'Moscou', 'moscow', 'Place'],
    ['Une visite d’État à Moscou est prévue.', 'Moscou', 'moscow', 'Place'],
    ['Les troupes ont défilé dans la ville de Pyongyang.', 'Pyongyang', 'pyongyang', 'Place'],
    ['Le ton a changé à Séoul, qui avait refusé toute livraison.', 'Séoul', 'south_korea', 'Country'],
  ])('%s', (text, surface, id, type) => {
    const m = mentionOf(run(text).mentions, surface);
    expect(m).toMatchObject({ entityId: id, type });
  });

  test('without a Place entry, a metonym is always its country', () => {
    const m = mentionOf(run('Les diplomates sont arrivés à Washington.').mentions, 'Washington');
    expect(m).toMatchObject({ entityId: 'united_states', type: 'Country', via: 'metonym' });
  });
});

describe('findMentions: unknown entities from cues', () => {
  test('a title and its role tail introduce a person, with the cue kept', () => {
    const { mentions, entities } = run('Le ministre russe de la Défense Andreï Belooussov a inspecté les troupes.');
    const m = mentionOf(mentions, 'Andreï Belooussov');
    expect(m).toMatchObject({ entityId: 'person_andrei_belooussov', type: 'Person', via: 'title' });
    expect(m?.cue).toBe('ministre russe de la Défense');
    expect(entities.find((e) => e.id === 'person_andrei_belooussov')).toMatchObject({ known: false, label: 'Andreï Belooussov' });
  });

  test.each([
    ['Le général Oleksandr Syrsky commande le front.', 'Oleksandr Syrsky'],
    ["L'analyste Ankit Panda juge la menace sérieuse.", 'Ankit Panda'],
    ['Le député Andriy Orlov a posé une question.', 'Andriy Orlov'],
    ['Le porte-parole Dmitri Peskov a démenti.', 'Dmitri Peskov'],
    ["L'ambassadeur Sergueï Lavrine a été convoqué.", 'Sergueï Lavrine'],
    ['Le chef du renseignement militaire ukrainien, Kyrylo Boudanov, a averti.', 'Kyrylo Boudanov'],
    ['Le lieutenant-général Kim Yong-bok dirige la mission.', 'Kim Yong-bok'],
    ['M. Petrov a quitté la salle.', 'Petrov'],
    ['Le conseiller à la sécurité nationale de la Corée du Sud, Shin Won-sik, a parlé.', 'Shin Won-sik'],
  ])('person cue: %s', (text, name) => {
    const { mentions, entities } = run(text);
    const m = mentionOf(mentions, name);
    expect(m).toMatchObject({ type: 'Person', via: 'title' });
    expect(entities.find((e) => e.id === m?.entityId)).toMatchObject({ known: false, label: name });
  });

  test('a name in apposition to a title is a person', () => {
    const { mentions } = run("L'envoyé a rencontré Ri Il Hwan, ministre nord-coréen de la Propagande, hier.");
    expect(mentionOf(mentions, 'Ri Il Hwan')).toMatchObject({ entityId: 'person_ri_il_hwan', type: 'Person' });
    expect(mentionOf(mentions, 'Ri Il Hwan')?.cue).toContain('ministre');
  });

  test('a title before a known person gives it the cue without making a new entity', () => {
    const { mentions, entities } = run('Le président russe Vladimir Poutine a parlé.');
    expect(mentionOf(mentions, 'Vladimir Poutine')).toMatchObject({ entityId: 'putin', cue: 'président russe' });
    expect(entities.filter((e) => e.type === 'Person')).toHaveLength(1);
  });

  test('a title followed by a verb or a lower-case word introduces nobody', () => {
    const { mentions } = run('Le ministre de la Défense sud-coréen avait indiqué que le président a refusé. Interrogé, le ministre a répondu.');
    expect(mentions.filter((m) => m.type === 'Person')).toEqual([]);
  });

  test.each([
    ["L'agence Interfax rapporte des tirs.", 'Interfax'],
    ['Le groupe Wagner a recruté.', 'Wagner'],
    ['Selon le think tank Stimson Center, la menace croît.', 'Stimson Center'],
    ["Un rapport de l'Institut coréen pour l'unification nationale paraît.", "Institut coréen pour l'unification nationale"],
  ])('organisation cue: %s', (text, name) => {
    expect(mentionOf(run(text).mentions, name)).toMatchObject({ type: 'Organization', via: 'cue' });
  });

  test.each([
    ['Les soldats sont stationnés dans la ville de Rason.', 'Rason'],
    ["Des drones ont frappé l'oblast de Belgorod.", 'Belgorod'],
    ['Le convoi est arrivé à Khabarovsk dimanche.', 'Khabarovsk'],
  ])('place cue: %s', (text, name) => {
    expect(mentionOf(run(text).mentions, name)).toMatchObject({ type: 'Place', via: 'cue' });
  });

  test('"à X" after a transfer word is a recipient, not a place', () => {
    expect(mentionOf(run('Il a fourni des armes à Zelenko hier.').mentions, 'Zelenko')).toBeUndefined();
  });

  test.each(['Hwasong-19', 'KN-23', 'S-400', 'Su-35', '9M723', 'Kh-101'])('weapon shape %s', (designation) => {
    const m = mentionOf(run(`Les forces ont testé le ${designation} la semaine dernière.`).mentions, designation);
    expect(m).toMatchObject({ type: 'WeaponSystem', via: 'shape' });
  });

  test('one weapon written with a hyphen or a space is one entity', () => {
    const { mentions } = run('Le missile Hwasong-19 a volé. Le missile Hwasong 19 est nouveau.');
    const weapons = mentions.filter((m) => m.type === 'WeaponSystem');
    expect(weapons).toHaveLength(2);
    expect(weapons[0].entityId).toBe(weapons[1].entityId);
  });

  test('letter-suffixed designations need a weapon word before them', () => {
    expect(mentionOf(run('Des missiles Iskander-M ont été tirés.').mentions, 'Iskander-M')).toMatchObject({ type: 'WeaponSystem' });
    expect(mentionOf(run('Le club Dynamo-K a gagné.').mentions, 'Dynamo-K')).toBeUndefined();
  });

  test('a calibre specifies a known category: one mention over both, the entity stays the category', () => {
    const { mentions } = run('Ils ont livré des obus de 152 mm, puis des obus de 122 mm.');
    expect(mentions.map((m) => [m.surface, m.entityId])).toEqual([
      ['obus de 152 mm', 'artillery_shells'],
      ['obus de 122 mm', 'artillery_shells'],
    ]);
  });

  test('a calibre after an unknown head makes a weapon of its own', () => {
    const m = mentionOf(run('Ils ont livré des mortiers de 120 mm en masse.').mentions, 'mortiers de 120 mm');
    expect(m).toMatchObject({ type: 'WeaponSystem', entityId: 'weapon_mortiers_de_120_mm' });
  });

  test('a weapon family word introduces a named weapon', () => {
    expect(mentionOf(run('Le missile Sarmat a été présenté.').mentions, 'Sarmat')).toMatchObject({ type: 'WeaponSystem', via: 'cue' });
  });

  test('no weapon in epidemics, years or time stamps', () => {
    const { mentions } = run('La COVID-19 et le plan Vision-2030 ont été évoqués à 13/07/2025/H12:36:03.');
    expect(mentions.filter((m) => m.type === 'WeaponSystem')).toEqual([]);
  });
});

describe('findMentions: no entity in bylines, credits, addresses', () => {
  test('bylines, photo credits and source lines carry no entity', () => {
    const text = ['by Sara Lopez', 'Moscou a livré des obus.', 'Photo : AFP', 'Article original rédigé par : Helen Regan et Alex Stone.', 'Image © AFP'].join('\n');
    const { mentions } = run(text);
    expect(ids(mentions)).toEqual(['russia', 'artillery_shells']);
  });

  test('an address or page path names nothing, the prose beside it does', () => {
    const { mentions } = run('Lire https://example.com/russia-warns-us-about-blinken puis elsenews:spot:russie-coree. Par ailleurs, la Russie proteste.');
    expect(ids(mentions)).toEqual(['russia']);
    expect(mentions[0].surface).toBe('Russie');
  });

  test('a wire dateline names nothing, the sentence after it does', () => {
    const { mentions } = run('SÉOUL (AFP) – La Russie a livré des obus.');
    expect(ids(mentions)).toEqual(['russia', 'artillery_shells']);
  });

  test('German and English source and credit lines carry no entity either', () => {
    const { mentions } = run(['Quelle: AFP', 'Moscou a livré des obus.', 'Credits: AFP', 'Foto: AFP'].join('\n'));
    expect(ids(mentions)).toEqual(['russia', 'artillery_shells']);
  });

  test('an agency in prose is an entity', () => {
    expect(ids(run("Selon l'AFP, les tirs ont cessé.").mentions)).toEqual(['afp']);
  });

  test('a news outlet in a masthead, a signature or a credit row is no entity; cited in a sentence it is', () => {
    const text = ['Le Point International', 'Moscou a livré des obus.', 'Le Point avec Agence France-Presse', 'Rédaction du Point et AFP'].join('\n');
    expect(ids(run(text).mentions)).toEqual(['russia', 'artillery_shells']);
    expect(ids(run(`${text}\nLe Point rapporte que Moscou a livré des obus, selon l'AFP.`).mentions)).toEqual(['russia', 'artillery_shells', 'le_point', 'russia', 'artillery_shells', 'afp']);
  });

  test('an organisation that is not an outlet keeps its mention in a line without a stop', () => {
    expect(ids(run('Les Nations unies inquiètes').mentions)).toEqual(['united_nations']);
  });
});

describe('findMentions: coreference inside one article', () => {
  test('a surname after the full name is that person', () => {
    const { mentions } = run('Le conseiller Shin Won-sik a parlé à la presse. Shin a déclaré que la menace grandit.');
    const full = mentionOf(mentions, 'Shin Won-sik');
    const bare = mentionOf(mentions, 'Shin');
    expect(bare).toMatchObject({ entityId: full?.entityId, via: 'coreference', sentence: 1 });
  });

  test('two Kims stay apart: a bare Kim is the one most recently named in full', () => {
    const { mentions } = run('Kim Yo Jong a menacé Séoul. Kim a ajouté une mise en garde. Kim Jong Un a inspecté une usine. Kim a souri.');
    const bare = mentions.filter((m) => m.surface === 'Kim');
    expect(bare.map((m) => m.entityId)).toEqual(['kim_yo_jong', 'kim_jong_un']);
  });

  test('a bare shared surname with no one named in full is dropped', () => {
    expect(run('Kim a parlé longuement hier.').mentions).toEqual([]);
  });

  test('a weak name of an organisation is taken when its country is named beside it', () => {
    const { mentions } = run('Le texte a été approuvé par la Chambre des représentants de Moscou.');
    expect(mentionOf(mentions, 'Chambre des représentants')).toMatchObject({ entityId: 'state_duma' });
    expect(mentionOf(run('La Chambre des représentants a voté le budget.').mentions, 'Chambre des représentants')).toBeUndefined();
  });

  test('"le traité", "ce pacte", "l’accord" refer back to the treaty', () => {
    const { mentions } = run('Le Traité de partenariat stratégique global a été signé. Le traité oblige les deux pays. Ce pacte inquiète. Le cœur de l’accord est militaire.');
    const refs = mentions.filter((m) => m.via === 'coreference');
    expect(refs.map((m) => m.surface)).toEqual(['Le traité', 'Ce pacte', 'l’accord']);
    expect(new Set(refs.map((m) => m.entityId))).toEqual(new Set(['ru_nk_treaty']));
  });

  test('another agreement, or no treaty in the article, is left alone', () => {
    expect(run("Le Traité de partenariat stratégique global existe. L'accord de cessez-le-feu tient.").mentions.filter((m) => m.via === 'coreference')).toEqual([]);
    expect(run('Le traité a été signé hier.').mentions).toEqual([]);
  });
});

describe('findMentions: output contract', () => {
  test('mentions are sorted, do not overlap, lie inside their sentence and match the text', () => {
    const text = 'Le président russe Vladimir Poutine a reçu à Moscou le général Kim Yong-bok. Moscou a fourni des obus de 152 mm à Pyongyang.\nLe traité signé par la Russie inquiète les Nations unies.';
    const { article, mentions, entities } = run(text);
    expect(mentions.length).toBeGreaterThan(5);
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      expect(article.text.slice(m.start, m.end)).toBe(m.surface);
      const sentence = article.sentences[m.sentence];
      expect(m.start).toBeGreaterThanOrEqual(sentence.start);
      expect(m.end).toBeLessThanOrEqual(sentence.end);
      if (i > 0) expect(m.start).toBeGreaterThanOrEqual(mentions[i - 1].end);
      expect(entities.some((e) => e.id === m.entityId && e.type === m.type)).toBe(true);
    }
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
  });

  test('an empty article or one without sentences yields nothing', () => {
    expect(findMentions(makeArticle(''), kb)).toEqual({ entities: [], mentions: [] });
    expect(findMentions({ ...makeArticle('La Russie.'), sentences: [] }, kb)).toEqual({ entities: [], mentions: [] });
  });
});
