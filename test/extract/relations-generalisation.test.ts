/**
 * Pins the general French press patterns added for unseen articles: verb
 * synonyms and inflections, elided agents, weapon categories that introduce a
 * named system, enumerations in a theme, and adverbials after a trigger. Every
 * sentence is written for this test.
 */
import { findRelations } from '../../src/extract/relations';
import type { ExtractedRelation } from '../../src/extract/types';
import type { EntityType } from '../../src/ontology';
import { makeArticle, makeKb } from './relations-fixtures';

type Mark = [surface: string, entityId: string, type: EntityType];

const kb = makeKb([
  { id: 'ir', type: 'Country', label: 'Iran', aliases: [], demonyms: ['iranien', 'iranienne', 'iraniens', 'iraniennes'] },
  { id: 'by', type: 'Country', label: 'Biélorussie', aliases: [], demonyms: ['biélorusse', 'biélorusses'] },
  { id: 'petrov', type: 'Person', label: 'Ivan Petrov', aliases: [], roles: [{ title: 'président', of: 'by', leads: true }] },
]);

const IR: Mark = ['Iran', 'ir', 'Country'];
const BY: Mark = ['Biélorussie', 'by', 'Country'];

function run(sentences: string[], marks: Mark[], date?: string): ExtractedRelation[] {
  const { article, mentions, entities } = makeArticle(sentences, marks, { date });
  return findRelations(article, mentions, entities, kb);
}

function triples(rels: ExtractedRelation[]): string[] {
  return [...new Set(rels.map((r) => `${r.subject} ${r.type} ${r.object}`))].sort();
}

describe('deployments: synonyms, "être en/dans", elided agents', () => {
  test('"acheminer" is a deployment verb', () => {
    expect(triples(run(['Des soldats iraniens ont été acheminés vers Gomel.'], [['iraniens', 'ir', 'Country'], ['Gomel', 'gomel', 'Place']]))).toContain('ir DEPLOYED_TROOPS_TO gomel');
  });

  test('troops that "are in" a place were deployed there, with their number', () => {
    const rels = run(['Minsk assure que 4 000 soldats iraniens sont désormais en Biélorussie.'], [['Minsk', 'minsk', 'Place'], ['iraniens', 'ir', 'Country'], BY]);
    const deployed = rels.find((r) => r.type === 'DEPLOYED_TROOPS_TO' && r.subject === 'ir' && r.object === 'by');
    expect(deployed?.claim.quantity).toBe(4000);
  });

  test('"être en" without troops is not a deployment', () => {
    expect(triples(run(["Le ministre iranien est en Biélorussie jusqu'à jeudi."], [['iranien', 'ir', 'Country'], BY]))).not.toContain('ir DEPLOYED_TROOPS_TO by');
  });

  test('a passive participle without agent takes the troops the article spoke of', () => {
    const rels = run(["Des soldats iraniens s'entraînent depuis mars.", 'Un général parle de 3 000 hommes envoyés à Gomel.'], [['iraniens', 'ir', 'Country'], ['Gomel', 'gomel', 'Place']]);
    expect(rels.find((r) => r.type === 'DEPLOYED_TROOPS_TO' && r.object === 'gomel')?.claim).toMatchObject({ sentence: 1, quantity: 3000 });
  });
});

describe('arms: receivers named by a demonym, suppliers on the noun, named systems', () => {
  test('"les forces X ont reçu de Y": the demonym before the verb is the receiver', () => {
    expect(triples(run(["Les unités biélorusses ont reçu de l'Iran 40 drones."], [['biélorusses', 'by', 'Country'], IR]))).toContain('ir SUPPLIED_ARMS_TO by');
  });

  test('"les livraisons X comprennent": the demonym on the delivery noun is the supplier', () => {
    const rels = run(['Les livraisons iraniennes comprennent des drones Shahed.'], [['iraniennes', 'ir', 'Country'], ['drones', 'drone', 'WeaponSystem'], ['Shahed', 'shahed', 'WeaponSystem']]);
    expect(triples(rels)).toEqual(['ir SUPPLIED shahed']);
  });

  test('a category that introduces a named system gives way to it', () => {
    const rels = run(["L'Iran a livré à la Biélorussie des missiles balistiques Fateh."], [IR, BY, ['missiles balistiques', 'bm', 'WeaponSystem'], ['Fateh', 'fateh', 'WeaponSystem']]);
    expect(triples(rels)).toEqual(['ir SUPPLIED fateh', 'ir SUPPLIED_ARMS_TO by']);
    const tested = run(["L'Iran a testé un nouveau missile de croisière, le Hoveyzeh."], [IR, ['missile de croisière', 'cm', 'WeaponSystem'], ['Hoveyzeh', 'hoveyzeh', 'WeaponSystem']]);
    expect(triples(tested)).toEqual(['ir DEVELOPS hoveyzeh']);
  });

  test('a category on its own stays the object', () => {
    expect(triples(run(["L'Iran a livré des drones à la Biélorussie."], [IR, ['drones', 'drone', 'WeaponSystem'], BY]))).toEqual(['ir SUPPLIED drone', 'ir SUPPLIED_ARMS_TO by']);
  });

  test('an enumeration after the verb keeps its later items in the theme', () => {
    const rels = run(["L'Iran a fourni à la Biélorussie du carburant, des devises et des radars militaires."], [IR, BY, ['radars militaires', 'radar', 'WeaponSystem']]);
    expect(triples(rels)).toEqual(['ir SUPPLIED radar', 'ir SUPPLIED_ARMS_TO by']);
  });

  test('a technology word after the arms theme does not void the supply', () => {
    const rels = run(["L'Iran fournit à la Biélorussie des munitions, du carburant et un savoir-faire technologique."], [IR, BY]);
    expect(triples(rels)).toEqual(['ir SUPPLIED_ARMS_TO by', 'ir TRANSFERRED_TECHNOLOGY_TO by']);
  });

  test('a comma that opens a new clause still ends the theme', () => {
    expect(triples(run(["L'Iran a fourni du carburant, selon Minsk qui parle aussi de drones."], [IR, ['Minsk', 'minsk', 'Place'], ['drones', 'drone', 'WeaponSystem']]))).toEqual([]);
  });

  test('"en échange" right after the verb is an adverbial, not the end of the theme', () => {
    expect(triples(run(["La Biélorussie pourrait obtenir en échange des technologies iraniennes."], [BY, ['iraniennes', 'ir', 'Country']]))).toEqual(['ir TRANSFERRED_TECHNOLOGY_TO by']);
  });
});

describe('titles: counterparts, modifiers, appositions with their body', () => {
  const KARIMI: Mark = ['Ali Karimi', 'karimi', 'Person'];
  const PETROV: Mark = ['Ivan Petrov', 'petrov', 'Person'];

  test('"son homologue X" holds the post of the other titled person, at the state of its demonym', () => {
    const rels = run(["Le ministre iranien de la Défense, Ali Karimi, a reçu son homologue biélorusse Ivan Petrov."], [['iranien', 'ir', 'Country'], KARIMI, ['biélorusse', 'by', 'Country'], PETROV]);
    const counterpart = rels.find((r) => r.subject === 'petrov' && r.type === 'OFFICIAL_OF');
    expect(counterpart).toMatchObject({ object: 'by', role: 'ministre de la Défense' });
    expect(triples(rels)).not.toContain('petrov LEADS by');
  });

  test('a plural title before a list of names goes to each of them', () => {
    const rels = run(['Le ministre iranien a accueilli ses homologues biélorusses, Ivan Petrov et Oleg Sokol.'], [['iranien', 'ir', 'Country'], ['biélorusses', 'by', 'Country'], PETROV, ['Oleg Sokol', 'sokol', 'Person']]);
    expect(triples(rels)).toEqual(expect.arrayContaining(['petrov OFFICIAL_OF by', 'sokol OFFICIAL_OF by']));
  });

  test('a modifier does not hide the title ("porte-parole adjointe")', () => {
    const rels = run(["La porte-parole adjointe du Bureau, Nina Sokol, s'est exprimée."], [['Bureau', 'bureau', 'Organization'], ['Nina Sokol', 'nsokol', 'Person']]);
    expect(rels.find((r) => r.subject === 'nsokol')).toMatchObject({ type: 'OFFICIAL_OF', object: 'bureau', role: 'porte-parole' });
  });

  test('"la cheffe de la diplomatie X" is a post, not the head of the state', () => {
    const rels = run(["La cheffe de la diplomatie iranienne, Mina Rad, est arrivée."], [['diplomatie iranienne', 'ir', 'Country'], ['Mina Rad', 'rad', 'Person']]);
    expect(triples(rels)).toEqual(['rad OFFICIAL_OF ir']);
  });

  test('an apposition may go on with the body the post is held at', () => {
    const rels = run(["« Rien n'est joué », estime Lena Roy, chercheuse au programme Asie de l'Institut Nord (IN)."], [['Lena Roy', 'roy', 'Person'], ['Institut Nord', 'inord', 'Organization']]);
    expect(triples(rels)).toContain('roy OFFICIAL_OF inord');
    // Without a body in the apposition, a title prefix says nothing.
    expect(triples(run(['Lena Roy, chercheuse au long cours, a publié un livre.'], [['Lena Roy', 'roy', 'Person']]))).toEqual([]);
  });

  test('"auprès de …" ends the title and the first body is the state represented', () => {
    const rels = run(["Le représentant permanent de l'Iran auprès de l'ONU, Ali Karimi, a protesté."], [IR, ['ONU', 'un', 'Organization'], KARIMI]);
    expect(triples(rels)).toContain('karimi OFFICIAL_OF ir');
  });

  test('"le régime de X" makes X the head of the state the knowledge base gives', () => {
    expect(triples(run(['Les sanctions visent le régime de Ivan Petrov.'], [PETROV]))).toEqual(['petrov LEADS by']);
  });
});

describe('DEVELOPS: a named system in apposition to a category', () => {
  test('"a tiré un nouveau missile de croisière, le X"', () => {
    expect(triples(run(["L'Iran a tiré mardi un nouveau missile de croisière, le Hoveyzeh, depuis le golfe."], [IR, ['Hoveyzeh', 'hoveyzeh', 'WeaponSystem']]))).toEqual(['ir DEVELOPS hoveyzeh']);
  });
});

describe('meetings and visits: passives, hosts and guests, never a visit at home', () => {
  const home = makeKb([
    { id: 'ir', type: 'Country', label: 'Iran', aliases: [], demonyms: ['iranien'] },
    { id: 'by', type: 'Country', label: 'Biélorussie', aliases: [], demonyms: ['biélorusse'] },
    { id: 'minsk', type: 'Place', label: 'Minsk', aliases: [], country: 'by' },
    { id: 'karimi', type: 'Person', label: 'Ali Karimi', aliases: [], country: 'ir', roles: [{ title: 'ministre de la Défense', of: 'ir' }] },
    { id: 'petrov', type: 'Person', label: 'Ivan Petrov', aliases: [], country: 'by', roles: [{ title: 'président', of: 'by', leads: true }] },
  ]);
  const KARIMI: Mark = ['Ali Karimi', 'karimi', 'Person'];
  const PETROV: Mark = ['Ivan Petrov', 'petrov', 'Person'];
  const MINSK: Mark = ['Minsk', 'minsk', 'Place'];
  const go = (sentences: string[], marks: Mark[]) => {
    const { article, mentions, entities } = makeArticle(sentences, marks);
    return triples(findRelations(article, mentions, entities, home));
  };

  test('"X a été reçu par Y dans la ville de Z": a meeting, and a visit of the guest', () => {
    expect(go(['Ali Karimi a été reçu mardi par Ivan Petrov dans la ville de Minsk.'], [KARIMI, PETROV, MINSK])).toEqual(expect.arrayContaining(['karimi MET_WITH petrov', 'karimi VISITED minsk']));
  });

  test('"À Z, A a reçu son homologue X": the guest visited Z, the host did not', () => {
    const rels = go(['À Minsk, Ivan Petrov a reçu jeudi son homologue Ali Karimi.'], [MINSK, PETROV, KARIMI]);
    expect(rels).toEqual(expect.arrayContaining(['karimi VISITED minsk', 'petrov MET_WITH karimi']));
    expect(rels).not.toContain('petrov VISITED minsk');
  });

  test('a meeting at a place abroad is a visit; at home it is not', () => {
    expect(go(["Ali Karimi s'est entretenu à Minsk avec Ivan Petrov."], [KARIMI, MINSK, PETROV])).toContain('karimi VISITED minsk');
    expect(go(["Ivan Petrov s'est entretenu à Minsk avec Ali Karimi."], [PETROV, MINSK, KARIMI])).not.toContain('petrov VISITED minsk');
  });

  test('"il a été accueilli par son homologue": the pronoun is the person named before', () => {
    expect(go(['Ali Karimi est arrivé lundi.', "Il a été accueilli à l'aéroport par son homologue Ivan Petrov."], [KARIMI, PETROV])).toContain('karimi MET_WITH petrov');
  });

  test('nobody visits their own state', () => {
    expect(go(['Lors de sa visite en Biélorussie, Ivan Petrov a parlé.'], [['Biélorussie', 'by', 'Country'], PETROV])).not.toContain('petrov VISITED by');
  });
});

describe('places, attacks and alliances in common press shapes', () => {
  test('LOCATED_IN from "X, dans le sud-ouest de Y" and "sur la côte est de Y"', () => {
    expect(triples(run(["Le dépôt de Lida, dans le nord-ouest de la Biélorussie, a brûlé."], [['Lida', 'lida', 'Place'], BY]))).toEqual(['lida LOCATED_IN by']);
    expect(triples(run(["Les navires sont à Bouchehr, sur la côte sud de l'Iran."], [['Bouchehr', 'bushehr', 'Place'], IR]))).toEqual(['bushehr LOCATED_IN ir']);
  });

  test('ATTACKED from "une attaque de drones X … à Y" and "tirés par l\'armée X sur Y"', () => {
    expect(triples(run(['Une attaque de drones iraniens a fait trois morts à Gomel.'], [['iraniens', 'ir', 'Country'], ['Gomel', 'gomel', 'Place']]))).toContain('ir ATTACKED gomel');
    expect(triples(run(["Les roquettes ont été tirées par l'armée iranienne sur Gomel."], [['iranienne', 'ir', 'Country'], ['Gomel', 'gomel', 'Place']]))).toEqual(['ir ATTACKED gomel']);
  });

  test('ALLIED_WITH from a mutual-defence clause between two states', () => {
    expect(triples(run(["Le texte comprend une clause de défense mutuelle entre l'Iran et la Biélorussie."], [IR, BY]))).toEqual(['ir ALLIED_WITH by']);
    expect(triples(run(["L'Iran et la Biélorussie ont parlé de défense aérienne."], [IR, BY]))).not.toContain('ir ALLIED_WITH by');
  });
});

describe('lists of people across a title', () => {
  test('"X et le président Y ont signé": both sign, the title between does not break the list', () => {
    const treaty: Mark = ['accord de Téhéran', 'tehran_accord', 'Treaty'];
    const rels = run(["Ali Karimi et le président biélorusse Ivan Petrov ont signé l'accord de Téhéran."], [['Ali Karimi', 'karimi', 'Person'], ['biélorusse', 'by', 'Country'], ['Ivan Petrov', 'petrov', 'Person'], treaty]);
    expect(triples(rels)).toEqual(expect.arrayContaining(['karimi SIGNED tehran_accord', 'petrov SIGNED tehran_accord']));
  });
});
