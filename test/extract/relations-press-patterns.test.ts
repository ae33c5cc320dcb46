/**
 * Pins French press constructions that carry relations outside a verb frame: founding-member lists ("créé par
 * onze pays, dont X et Y"), bodies a state belongs to ("le Conseil, dont X est membre"). Every sentence is
 * written for this test.
 */
import { findRelations } from '../../src/extract/relations';
import type { ExtractedRelation } from '../../src/extract/types';
import type { EntityType } from '../../src/ontology';
import { makeArticle, makeKb } from './relations-fixtures';

type Mark = [surface: string, entityId: string, type: EntityType];

const kb = makeKb([
  { id: 'ir', type: 'Country', label: 'Iran', aliases: [], demonyms: ['iranien', 'iranienne', 'iraniens', 'iraniennes'] },
  { id: 'by', type: 'Country', label: 'Biélorussie', aliases: [], demonyms: ['biélorusse', 'biélorusses'] },
]);

const IR: Mark = ['Iran', 'ir', 'Country'];
const BY: Mark = ['Biélorussie', 'by', 'Country'];
const JP: Mark = ['Japon', 'jp', 'Country'];
const GROUP: Mark = ['Groupe de Vienne', 'gv', 'Organization'];

function run(sentences: string[], marks: Mark[], date?: string): ExtractedRelation[] {
  const { article, mentions, entities } = makeArticle(sentences, marks, { date });
  return findRelations(article, mentions, entities, kb);
}

function triples(rels: ExtractedRelation[]): string[] {
  return [...new Set(rels.map((r) => `${r.subject} ${r.type} ${r.object}`))].sort();
}

describe('founding members: a count of states, "dont" and a list, tied to a body by a creation verb', () => {
  test('the body before the participle ("Z, formé par sept pays, dont X et Y")', () => {
    const rels = run(['Le Groupe de Vienne, formé en 2019 par sept pays, dont l’Iran et le Japon, publiera un rapport.'], [GROUP, IR, JP]);
    expect(triples(rels)).toEqual(expect.arrayContaining(['ir MEMBER_OF gv', 'jp MEMBER_OF gv']));
  });

  test('the body after an active verb ("sept pays — dont X et Y — ont fondé Z")', () => {
    const rels = run(['En 2019, sept pays — dont la Biélorussie et le Japon — ont fondé le Groupe de Vienne.'], [BY, JP, GROUP]);
    expect(triples(rels)).toEqual(expect.arrayContaining(['by MEMBER_OF gv', 'jp MEMBER_OF gv']));
  });

  test('a fronted participle: the body is the subject after the list, not a complement governed by "de"', () => {
    const rels = run(
      ['Fondé par une dizaine de pays, dont l’Iran et le Japon, pour remplacer le Forum de Genève, le Groupe de Vienne dénonce les essais.'],
      [IR, JP, ['Forum de Genève', 'fg', 'Organization'], GROUP],
    );
    const members = triples(rels).filter((t) => t.includes('MEMBER_OF'));
    expect(members).toEqual(['ir MEMBER_OF gv', 'jp MEMBER_OF gv']);
  });

  test('a count of states without a creation verb makes nobody a member', () => {
    const rels = run(['Le Groupe de Vienne a reçu des plaintes de sept pays, dont l’Iran et le Japon.'], [GROUP, IR, JP]);
    expect(triples(rels).filter((t) => t.includes('MEMBER_OF'))).toEqual([]);
  });
});

describe('membership in a relative clause', () => {
  test('"Z, dont X est membre": the body before "dont"', () => {
    const rels = run(['Le texte viole les règles du Groupe de Vienne, dont l’Iran est pourtant membre fondateur.'], [GROUP, IR]);
    expect(triples(rels)).toContain('ir MEMBER_OF gv');
  });
});

describe('places: containment read in noun phrases', () => {
  const located = makeKb([
    { id: 'ir', type: 'Country', label: 'Iran', aliases: [], demonyms: ['iranien', 'iranienne', 'iraniens', 'iraniennes'] },
    { id: 'south_ir', type: 'Place', label: 'Sud iranien', aliases: [], country: 'ir' },
    { id: 'tabriz', type: 'Place', label: 'Tabriz', aliases: [], country: 'ir' },
  ]);
  const runIn = (sentence: string, marks: Mark[]) => {
    const { article, mentions, entities } = makeArticle([sentence], marks);
    return triples(findRelations(article, mentions, entities, located));
  };

  test('a place whose name names the state it lies in ("le Sud iranien")', () => {
    expect(runIn('Le convoi a traversé le Sud iranien.', [['Sud iranien', 'south_ir', 'Place']])).toContain('south_ir LOCATED_IN ir');
  });

  test('a place named in a list after a demonym head ("des villes iraniennes, dont X")', () => {
    expect(runIn('Les drones visent des villes iraniennes, dont Tabriz.', [['iraniennes', 'ir', 'Country'], ['Tabriz', 'tabriz', 'Place']])).toContain('tabriz LOCATED_IN ir');
  });

  test('a site head with a demonym ("le cosmodrome iranien de X")', () => {
    expect(runIn('Ils se sont vus au cosmodrome iranien de Semnan.', [['iranien', 'ir', 'Country'], ['Semnan', 'semnan', 'Place']])).toContain('semnan LOCATED_IN ir');
  });

  test('"dans la région de X en Y" locates X, a movement "de X en Y" does not', () => {
    expect(runIn('Deux soldats ont été capturés dans la région de Tabriz en Iran.', [['région de Tabriz', 'tabriz', 'Place'], IR])).toContain('tabriz LOCATED_IN ir');
    expect(runIn('Le matériel est passé de Gomel en Iran.', [['Gomel', 'gomel', 'Place'], IR])).not.toContain('gomel LOCATED_IN ir');
  });

  test('a town around which a region is named ("autour de X, dans la région iranienne de Y")', () => {
    expect(runIn('Les combats se poursuivent autour de Marand, dans la région iranienne de Tabriz.', [['Marand', 'marand', 'Place'], ['iranienne', 'ir', 'Country'], ['Tabriz', 'tabriz', 'Place']])).toContain(
      'marand LOCATED_IN tabriz',
    );
  });

  test('an apposition head with a coast ("X, station balnéaire de la côte nord de Y")', () => {
    expect(runIn('À Marand, station balnéaire de la côte nord de l’Iran, le ministre a été reçu.', [['Marand', 'marand', 'Place'], IR])).toContain('marand LOCATED_IN ir');
  });
});

describe('attacks read from occupation, repelling and fighting', () => {
  const GOMEL: Mark = ['région de Gomel', 'gomel', 'Place'];

  test('"la région de X, où l’armée Y occupe des territoires": the force’s state attacked the place', () => {
    expect(triples(run(['Les renforts sont arrivés dans la région de Gomel, où l’armée iranienne occupe des villages depuis mars.'], [GOMEL, ['iranienne', 'ir', 'Country']]))).toContain('ir ATTACKED gomel');
  });

  test('"où l’armée Y avait lancé une incursion"', () => {
    expect(triples(run(['Ils combattent dans la région de Gomel, où l’armée iranienne avait lancé une incursion en mai.'], [GOMEL, ['iranienne', 'ir', 'Country']]))).toContain('ir ATTACKED gomel');
  });

  test('"X, partiellement occupée par les forces Y" and "les forces Y qui occupent une partie de X"', () => {
    expect(triples(run(['Ils voulaient libérer la région de Gomel, partiellement occupée par les forces iraniennes.'], [GOMEL, ['iraniennes', 'ir', 'Country']]))).toContain('ir ATTACKED gomel');
    expect(triples(run(['Le front fait face aux forces iraniennes qui occupent depuis mai une partie de la région de Gomel.'], [['iraniennes', 'ir', 'Country'], GOMEL]))).toContain('ir ATTACKED gomel');
  });

  test('a place that occupies nothing: "où l’armée Y se repose" is no attack', () => {
    expect(triples(run(['Ils sont arrivés dans la région de Gomel, où l’armée iranienne se repose.'], [GOMEL, ['iranienne', 'ir', 'Country']]))).not.toContain('ir ATTACKED gomel');
  });

  test('"aider X à repousser l’offensive Y": Y attacked X', () => {
    expect(triples(run(['Des soldats sont venus aider la Biélorussie à repousser l’offensive iranienne.'], [BY, ['iranienne', 'ir', 'Country']]))).toContain('ir ATTACKED by');
  });

  test('troops the article named fight "contre les forces Y": their state attacked Y', () => {
    const rels = run(
      ['Des soldats iraniens sont arrivés en Biélorussie.', 'Ces troupes prennent part depuis mai aux combats contre les forces japonaises.'],
      [['iraniens', 'ir', 'Country'], BY, ['japonaises', 'jp', 'Country']],
    );
    expect(rels.some((r) => r.subject === 'ir' && r.type === 'ATTACKED' && r.object === 'jp' && r.claim.sentence === 1)).toBe(true);
  });

  test('"l’armée Y pour sa guerre en Z": the demonym right before the possessive owns the war', () => {
    expect(triples(run(['Téhéran livre des drones à l’armée biélorusse pour sa guerre en Ukraine.'], [['Téhéran', 'ir', 'Country'], ['biélorusse', 'by', 'Country'], ['Ukraine', 'ua', 'Country']]))).toContain('by ATTACKED ua');
  });

  test('a figure of speech: an exchange "contre" prisoners is no attack', () => {
    expect(triples(run(['Le Japon rendra les soldats iraniens si Téhéran organise leur échange contre des Japonais.'], [JP, ['iraniens', 'ir', 'Country'], ['Téhéran', 'ir', 'Country'], ['Japonais', 'jp', 'Country']]))).not.toContain(
      'ir ATTACKED jp',
    );
  });
});

describe('diplomatic backing by veto', () => {
  test('"X a opposé son veto au … groupe chargé de surveiller les sanctions contre Y": X supports Y', () => {
    expect(triples(run(['En mai, l’Iran a opposé son veto au renouvellement du comité chargé de surveiller les sanctions contre la Biélorussie.'], [IR, BY]))).toContain('ir SUPPORTS by');
  });

  test('"veto X …, sanctions visant Y" (demonym on the veto)', () => {
    expect(triples(run(['Mai : veto iranien au Conseil, qui met fin au comité chargé des sanctions visant la Biélorussie.'], [['iranien', 'ir', 'Country'], BY]))).toContain('ir SUPPORTS by');
  });

  test('a veto against a state, with no sanctions, is no backing', () => {
    expect(triples(run(['L’Iran a opposé son veto à une déclaration contre la Biélorussie.'], [IR, BY]))).not.toContain('ir SUPPORTS by');
  });
});

describe('warnings whose party is in the warned clause', () => {
  const kbPeople = makeKb([
    { id: 'ir', type: 'Country', label: 'Iran', aliases: [], demonyms: ['iranien', 'iraniens'] },
    { id: 'rahimi', type: 'Person', label: 'Ali Rahimi', aliases: [], country: 'ir' },
  ]);
  const runPeople = (sentences: string[], marks: Mark[]) => {
    const { article, mentions, entities } = makeArticle(sentences, marks);
    return triples(findRelations(article, mentions, entities, kbPeople));
  };
  const RAHIMI: Mark = ['Ali Rahimi', 'rahimi', 'Person'];

  test('"X a prévenu que Y paierait le prix"', () => {
    expect(runPeople(['Ali Rahimi a prévenu dès lundi que la Biélorussie « paierait le prix » de ses choix.'], [RAHIMI, BY])).toContain('rahimi WARNED by');
  });

  test('"X a averti qu’il ne tolérerait pas de provocations de Y"', () => {
    expect(runPeople(['Téhéran a averti qu’il « ne tolérerait pas » de nouvelles provocations de Minsk.'], [['Téhéran', 'ir', 'Country'], ['Minsk', 'by', 'Country']])).toContain('ir WARNED by');
  });

  test('"X a averti que ces soldats deviendraient des cibles": the troops the article named', () => {
    expect(runPeople(['Des soldats biélorusses sont arrivés au front.', 'Ali Rahimi a averti que ces soldats deviendraient des cibles.'], [['biélorusses', 'by', 'Country'], RAHIMI])).toContain('rahimi WARNED by');
  });

  test('the speaker’s own state in the clause is not warned', () => {
    expect(runPeople(['Ali Rahimi a averti que l’Iran répondrait à toute attaque.'], [RAHIMI, IR])).not.toContain('rahimi WARNED ir');
  });
});

describe('titles in apposition: brackets, tails, modifiers, first names', () => {
  const people = makeKb([
    { id: 'ir', type: 'Country', label: 'Iran', aliases: [], demonyms: ['iranien', 'iranienne', 'iraniens'] },
    { id: 'irsa', type: 'Organization', label: 'renseignement militaire iranien', aliases: ['IRSA'], country: 'ir' },
    { id: 'un', type: 'Organization', label: 'ONU', aliases: [] },
  ]);
  const runTitles = (sentence: string, marks: Mark[]) => {
    const { article, mentions, entities } = makeArticle([sentence], marks);
    return findRelations(article, mentions, entities, people).filter((r) => r.type === 'OFFICIAL_OF' || r.type === 'LEADS');
  };
  const IRSA: Mark[] = [['renseignement militaire iranien', 'irsa', 'Organization'], ['IRSA', 'irsa', 'Organization']];

  test('a bracketed acronym after the body does not break the title ("le porte-parole du X (IRSA), Y")', () => {
    const rels = runTitles('Le journal cite le porte-parole du renseignement militaire iranien (IRSA), Reza Karimi, selon qui tout est faux.', [...IRSA, ['Reza Karimi', 'karimi', 'Person']]);
    expect(rels.map((r) => `${r.subject} ${r.type} ${r.object} ${r.role ?? ''}`.trim())).toContain('karimi OFFICIAL_OF irsa porte-parole');
  });

  test('a surname mention with an unrecognised first name before it keeps its title', () => {
    const rels = runTitles('Le journal cite le porte-parole du renseignement militaire iranien, Reza Karimi, selon qui tout est faux.', [IRSA[0], ['Karimi', 'karimi', 'Person']]);
    expect(rels.some((r) => r.subject === 'karimi' && r.object === 'irsa')).toBe(true);
  });

  test('"l’ambassadeur X à l’ONU, Y": the post abroad does not hide the title', () => {
    const rels = runTitles('L’ambassadeur iranien à l’ONU, Reza Karimi, a protesté.', [['iranien', 'ir', 'Country'], ['ONU', 'un', 'Organization'], ['Reza Karimi', 'karimi', 'Person']]);
    expect(rels.map((r) => `${r.subject} ${r.type} ${r.object}`)).toContain('karimi OFFICIAL_OF ir');
  });

  test('"le ministre X de la Défense d’alors, Y" and "Y, devenu secrétaire du Z"', () => {
    expect(runTitles('En mars, le ministre iranien de la Défense d’alors, Reza Karimi, avait parlé.', [['iranien', 'ir', 'Country'], ['Reza Karimi', 'karimi', 'Person']]).map((r) => `${r.subject} ${r.object} ${r.role}`)).toContain(
      'karimi ir ministre de la Défense',
    );
    expect(runTitles('Reza Karimi, devenu secrétaire du renseignement militaire iranien, est arrivé.', [['Reza Karimi', 'karimi', 'Person'], IRSA[0]]).map((r) => `${r.subject} ${r.object}`)).toContain('karimi irsa');
  });

  test('the head of an intelligence service leads it', () => {
    const rels = runTitles('Selon le chef du renseignement militaire iranien (IRSA), Reza Karimi, le front tient.', [...IRSA, ['Reza Karimi', 'karimi', 'Person']]);
    expect(rels.map((r) => `${r.subject} ${r.type} ${r.object}`)).toContain('karimi LEADS irsa');
  });
});

describe('ratification: coordination, gapping, ellipsis with a date, the treaty named earlier', () => {
  const PACT: Mark = ['pacte de Minsk', 'pact', 'Treaty'];
  const SENATE: Mark = ['Sénat', 'senate', 'Organization'];
  const COUNCIL: Mark = ['Conseil', 'council', 'Organization'];

  test('"ratifié par X et par Y": both', () => {
    expect(triples(run(['Le pacte de Minsk, ratifié en mai par l’Iran et par la Biélorussie, comprend une clause de défense mutuelle.'], [PACT, IR, BY]))).toEqual(
      expect.arrayContaining(['ir RATIFIED pact', 'by RATIFIED pact', 'ir ALLIED_WITH by']),
    );
  });

  test('gapping: "X ratifie le traité le 2 mai et Y le 9 mai"', () => {
    expect(triples(run(['Le Sénat ratifie le pacte de Minsk le 2 mai et le Conseil le 9 mai.'], [SENATE, PACT, COUNCIL]))).toEqual(expect.arrayContaining(['senate RATIFIED pact', 'council RATIFIED pact']));
  });

  test('"et Y" without its own date is no second ratifier', () => {
    expect(triples(run(['Le Sénat ratifie le pacte de Minsk et le Conseil proteste.'], [SENATE, PACT, COUNCIL]))).not.toContain('council RATIFIED pact');
  });

  test('"a voté la ratification le 2 mai, suivie le 9 mai par Y": the treaty the article named before', () => {
    const rels = triples(run(['Le pacte de Minsk a été signé en mars.', 'Le Sénat a voté la ratification le 2 mai, suivie le 9 mai par le Conseil.'], [PACT, SENATE, COUNCIL]));
    expect(rels).toEqual(expect.arrayContaining(['senate RATIFIED pact', 'council RATIFIED pact']));
  });

  test('a leader ratifying "le texte" ratifies for the state, with the treaty named before', () => {
    const leaders = makeKb([
      { id: 'by', type: 'Country', label: 'Biélorussie', aliases: [] },
      { id: 'petrov', type: 'Person', label: 'Ivan Petrov', aliases: [], roles: [{ title: 'président', of: 'by', leads: true }] },
    ]);
    const { article, mentions, entities } = makeArticle(['Le pacte de Minsk a été signé en mars.', 'Ivan Petrov a ratifié le texte par décret.'], [PACT, ['Ivan Petrov', 'petrov', 'Person']]);
    expect(triples(findRelations(article, mentions, entities, leaders))).toContain('by RATIFIED pact');
  });
});

describe('visits read from attending and landing', () => {
  const travellers = makeKb([
    { id: 'by', type: 'Country', label: 'Biélorussie', aliases: [] },
    { id: 'minsk', type: 'Place', label: 'Minsk', aliases: [], country: 'by' },
    { id: 'tehran', type: 'Place', label: 'Téhéran', aliases: [], country: 'ir' },
    { id: 'petrov', type: 'Person', label: 'Ivan Petrov', aliases: [], country: 'by' },
  ]);
  const runTrip = (sentence: string, marks: Mark[]) => {
    const { article, mentions, entities } = makeArticle([sentence], marks);
    return triples(findRelations(article, mentions, entities, travellers));
  };
  const PETROV: Mark = ['Ivan Petrov', 'petrov', 'Person'];

  test('"X assiste à Y au défilé" and "X atterrit à Y"', () => {
    expect(runTrip('Le 9 mai, Ivan Petrov assiste à Téhéran au défilé militaire.', [PETROV, ['Téhéran', 'tehran', 'Place']])).toContain('petrov VISITED tehran');
    expect(runTrip('En mai, Ivan Petrov atterrit à Téhéran pour un sommet.', [PETROV, ['Téhéran', 'tehran', 'Place']])).toContain('petrov VISITED tehran');
  });

  test('"X a été l’invité d’honneur du défilé, à Y"', () => {
    expect(runTrip('Ivan Petrov a été l’invité d’honneur du défilé de la victoire, à Téhéran.', [PETROV, ['Téhéran', 'tehran', 'Place']])).toContain('petrov VISITED tehran');
  });

  test('attending an event at home is no visit', () => {
    expect(runTrip('Ivan Petrov assiste à Minsk au défilé militaire.', [PETROV, ['Minsk', 'minsk', 'Place']])).not.toContain('petrov VISITED minsk');
  });
});
